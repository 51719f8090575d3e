/// The bundle files a site publishes, copied to `d/<id>/` under their bundle names so that
/// relative references in the Markdown keep working. Only files the document refers to
/// (official version, attachments, media, links and images in the bodies) are published:
/// a draft left lying in a bundle is not.
extension SiteContext {
    func publishedFiles(of document: Document) -> [String] { raw.publishedFiles(of: document) }

    func copies(of document: Document) -> [OutputFile] {
        guard let bundle = raw.bundle(id: document.id) else { return [] }
        return publishedFiles(of: document).map { file in
            OutputFile(SitePath.bundleFile(document.id, file), .copy(from: raw.rootPath + "/" + bundle.path + "/" + file))
        }
    }
}

extension RawLibrary {
    /// The bundle files `document`'s site publishes (relative to its bundle), sorted: also what
    /// the check looks at, so that what `check` passes `build` can copy.
    public func publishedFiles(of document: Document) -> [String] {
        guard let bundle = bundle(id: document.id) else { return [] }
        var wanted: [String] = [document.official].compactMap { $0 } + document.attachments.map(\.file)
        for i in document.interpretations {
            wanted += [i.media?.file, i.media?.poster, i.media?.captions, i.media?.transcript].compactMap { $0 }
        }
        let folder = bundle.path + "/"
        for facts in [document.bodyFacts] + document.interpretations.map(\.bodyFacts) {
            for reference in facts.references where !BodyRenderer.hasScheme(reference.url) {
                let path = reference.url.prefix { $0 != "?" && $0 != "#" }
                guard !path.hasPrefix("/"), let decoded = String(path).removingPercentEncoding,
                      let resolved = BodyRenderer.resolve(decoded, against: folder), resolved.hasPrefix(folder)
                else { continue }
                wanted.append(String(resolved.dropFirst(folder.count)))
            }
        }
        // Only real files of this bundle (never `..` paths or Markdown sources).
        return Set(wanted).filter { bundle.files.contains($0) && !$0.hasSuffix(".md") }.sorted()
    }
}

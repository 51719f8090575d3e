import PolicyCore
import PolicyLoad

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
            for reference in facts.references where !RelativePath.hasScheme(reference.url) {
                let path = reference.url.prefix { $0 != "?" && $0 != "#" }
                guard !path.hasPrefix("/"), let decoded = String(path).removingPercentEncoding,
                    let resolved = RelativePath.resolve(decoded, against: folder), resolved.hasPrefix(folder)
                else { continue }
                wanted.append(String(resolved.dropFirst(folder.count)))
            }
        }
        // Only real files of this bundle (never `..` paths or Markdown sources).
        return Set(wanted).filter { bundle.files.contains($0) && !$0.hasSuffix(".md") }.sorted()
    }
}

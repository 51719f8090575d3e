import Foundation
import PolicyCore
import PolicyLoad

/// PM001: every file a document or interpretation names is in its bundle, and inside it:
/// `official`, `attachments`, `media` and images or links in a body.
struct FilesExist: Rule {
    static let descriptor = RuleDescriptor(
        code: "PM001", name: "missing-file", severity: .error,
        summary: "A file named by official, attachments, media or a body image/link is not in the bundle, or points outside it (absolute path or ..).",
        fix: "把文件放进该文件夹，并按文件名（区分大小写）引用；不要使用绝对路径或 ..。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let bundles = Dictionary(context.raw.bundles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for doc in context.library.documents {
            guard let bundle = bundles[doc.id] else { continue }
            let fm = doc.source.frontMatter
            if let official = doc.official {
                found += verify(official, in: bundle, at: fm?.location(of: "official"), label: "正式版本（official）")
            }
            for (attachment, entry) in zip(doc.attachments, fm?.mappings("attachments") ?? []) {
                found += verify(attachment.file, in: bundle, at: entry.location(of: "file"), label: "附件")
            }
            found += bodyFiles(doc.bodyFacts, of: doc.source, in: bundle)
            for item in doc.interpretations {
                let media = item.source.frontMatter?.mapping("media")
                for field in ["file", "poster", "captions", "transcript"] {
                    guard let name = media?.string(field) else { continue }
                    found += verify(name, in: bundle, at: media?.location(of: field), label: "media.\(field)")
                }
                found += bodyFiles(item.bodyFacts, of: item.source, in: bundle)
            }
        }
        return found
    }

    private func bodyFiles(_ body: BodyFacts, of source: SourceFile, in bundle: RawLibrary.Bundle) -> [Diagnostic] {
        body.references.flatMap { ref -> [Diagnostic] in
            guard let path = BundleLink.localPath(ref.url) else { return [] }
            return verify(
                path, in: bundle, at: source.location(line: ref.line, column: ref.column),
                label: ref.isImage ? "图片" : "链接")
        }
    }

    private func verify(_ name: String, in bundle: RawLibrary.Bundle, at location: SourceLocation?, label: String) -> [Diagnostic] {
        let location = location ?? SourceLocation(file: bundle.displayPath)
        if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
            return [finding(location, "\(label)“\(name)”指向文件夹之外。")]
        }
        guard !bundle.files.contains(name) else { return [] }
        let hint = Suggest.nearest(name, in: Array(bundle.files)).map { "是否应为“\($0)”？" } ?? ""
        return [finding(location, "\(label)“\(name)”在 \(bundle.displayPath) 中不存在。\(hint)")]
    }
}

/// How a body link is read: a site link (`/d/<id>/`), a bundle file (`图解.png`), or
/// something outside the library (`https://…`, `mailto:`, `#anchor`).
public enum BundleLink {
    /// The bundle-relative file a link names, or nil when it names no bundle file.
    public static func localPath(_ url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/"), !url.hasPrefix("//"),
            !url.contains(":") || url.hasPrefix("./")
        else { return nil }
        var path = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        path = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        if path.hasPrefix("./") { path.removeFirst(2) }
        return path.removingPercentEncoding ?? path
    }

    /// The document id a site link names (`/d/<id>/…`), or nil for other links.
    public static func documentID(_ url: String) -> String? {
        guard url.hasPrefix("/d/") else { return nil }
        return url.dropFirst(3).split(separator: "/").first.map(String.init)
    }
}

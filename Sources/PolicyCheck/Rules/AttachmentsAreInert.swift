import PolicyCore

/// PM005: a published file that a browser runs as a page — SVG, HTML, XML — is served from
/// the site's own origin, where its scripts could read and change the library's pages. The
/// example nginx configuration serves bundle files with `Content-Security-Policy: sandbox`;
/// the warning asks for a format that needs no such care.
struct AttachmentsAreInert: Rule {
    static let descriptor = RuleDescriptor(
        code: "PM005", name: "active-content-attachment", severity: .warning,
        summary: "A published bundle file is SVG, HTML, HTM, XHTML or XML: browsers run scripts in it on the site's origin.",
        fix: "改用 PDF、PNG 或 JPEG 发布；确需发布时，服务器须以 Content-Security-Policy: sandbox 提供附件（见 examples/nginx.conf）。")

    static let activeExtensions: Set<String> = ["svg", "svgz", "html", "htm", "xhtml", "xht", "xml"]

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            guard let bundle = context.raw.bundle(id: doc.id) else { continue }
            for file in context.publishedFiles(of: doc) {
                guard let dot = file.lastIndex(of: "."),
                    Self.activeExtensions.contains(file[file.index(after: dot)...].lowercased())
                else { continue }
                found.append(
                    finding(
                        SourceLocation(file: bundle.displayPath + file),
                        "附件“\(file)”是浏览器会当作网页运行的格式，其中的脚本可在本站域名下执行。"))
            }
        }
        return found
    }
}

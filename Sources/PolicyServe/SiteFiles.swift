import Foundation
import PolicyCore
import PolicyWrite

/// Maps a request path to a file of the site held in memory: percent-decoded, confined to the
/// site (no `..`, no hidden files), a folder answered by its `index.html`.
struct SiteFiles {
    enum Resolution {
        case file(path: String, OutputFile)
        /// A folder asked for without its trailing slash: pages link relatively, so the
        /// browser must be sent to `path/`.
        case redirect(String)
        case notFound
    }

    /// The site's file at a path (`d/<id>/index.html`), rendered when first asked for.
    let lookup: (String) throws -> OutputFile?

    func resolve(_ requestPath: String) throws -> Resolution {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0") else { return .notFound }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard components.allSatisfy({ !$0.hasPrefix(".") }) else { return .notFound }
        let path = components.joined(separator: "/")
        let index = path.isEmpty ? "index.html" : path + "/index.html"
        if decoded.hasSuffix("/") {
            return try lookup(index).map { .file(path: index, $0) } ?? .notFound
        }
        if let file = try lookup(path) { return .file(path: path, file) }
        return try lookup(index) != nil ? .redirect(requestPath + "/") : .notFound
    }

    /// Whether a request wants a page (as opposed to a stylesheet, image or data file).
    static func isPage(_ requestPath: String) -> Bool {
        let last = requestPath.split(separator: "/").last.map(String.init) ?? ""
        return requestPath.hasSuffix("/") || last.hasSuffix(".html") || !last.contains(".")
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "atom": "application/atom+xml; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "vtt": "text/vtt; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        case "mp3": "audio/mpeg"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": "application/vnd.ms-excel"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "ofd": "application/ofd"
        default: "application/octet-stream"
        }
    }
}

import Foundation
import PolicyCore

/// Maps a request path to a file of the built site: percent-decoded, confined to the site
/// folder (no `..`, no hidden files), a folder answered by its `index.html`.
struct SiteFiles {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: pages link relatively, so the
        /// browser must be sent to `path/`.
        case redirect(String)
        case notFound
    }

    let root: URL

    func resolve(_ requestPath: String) -> Resolution {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0") else { return .notFound }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard components.allSatisfy({ !$0.hasPrefix(".") }) else { return .notFound }
        var url = root
        for component in components { url.appendPathComponent(String(component)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(requestPath + "/") }
            let index = url.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
        }
        return .file(url)
    }

    /// Whether a request wants a page (as opposed to a stylesheet, image or data file).
    static func isPage(_ requestPath: String) -> Bool {
        let last = requestPath.split(separator: "/").last.map(String.init) ?? ""
        return requestPath.hasSuffix("/") || last.hasSuffix(".html") || !last.contains(".")
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
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

/// Paths and URLs as written in a bundle's Markdown: resolved against the bundle's folder, or
/// recognised as absolute URLs with a scheme. Shared by the pages (links, images) and by
/// `RawLibrary.publishedFiles(of:)`, which `check` and `build` both use.
package enum RelativePath {
    /// `dir/` + a relative path with `.` and `..` resolved; nil when it climbs out of the content.
    package static func resolve(_ relative: String, against directory: String) -> String? {
        var parts = directory.split(separator: "/").map(String.init)
        let trailingSlash = relative.hasSuffix("/")
        for part in relative.split(separator: "/").map(String.init) {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (trailingSlash ? "/" : "")
    }

    package static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

import Foundation
import PolicyCore

/// Where every page and file lives, relative to the site root. Pages are directories
/// (`d/<id>/`, written as `d/<id>/index.html`) so links stay short and any sub-path works.
package enum SitePath {
    package static let home = ""
    package static let search = "search/"
    package static let cleanups = "cleanup/"
    package static let stylesheet = "assets/style.css"
    /// Remembers 长者模式 (large type, high contrast) across pages.
    package static let modeScript = "assets/mode.js"
    package static let feed = "feed.xml"
    package static let openData = "documents.json"
    /// The OpenSearch description: how a browser adds the site's search.
    package static let openSearch = "opensearch.xml"

    /// A library's own address: the list opens on 现行有效 (`LibraryPages`).
    package static func library(_ kind: DocumentKind) -> String { "\(kind.folder)/" }
    /// Every document of a kind, whatever its status.
    package static func libraryAll(_ kind: DocumentKind) -> String { "\(kind.folder)/all/" }
    package static func library(_ kind: DocumentKind, status: ValidityStatus) -> String { "\(kind.folder)/\(status.rawValue)/" }
    /// Page `page` of a paginated list at `base` (`normative/`): the first page is the list itself.
    package static func libraryPage(_ base: String, page: Int) -> String { page == 1 ? base : "\(base)page/\(page)/" }
    package static func document(_ id: String) -> String { "\(documentFolder(id))/" }
    package static func interpretation(_ i: Interpretation) -> String { "\(documentFolder(i.documentID))/\(i.id)/" }
    /// A bundle file's copy: `d/<id>/<file>`, same relative name as in the bundle.
    package static func bundleFile(_ documentID: String, _ file: String) -> String { "\(documentFolder(documentID))/\(file)" }

    /// `d/<id>`; for a system library's qualified id `<source>/<id>`, the page in that
    /// bureau's section, `<source>/d/<id>` (a bundle id never holds a `/`).
    static func documentFolder(_ id: String) -> String {
        guard let slash = id.firstIndex(of: "/") else { return "d/\(id)" }
        return "\(id[..<slash])/d/\(id[id.index(after: slash)...])"
    }

    /// A bureau's section of a system library (`<source>/`): its own site.
    package static func section(_ source: String) -> String { "\(source)/" }
    package static func cleanup(_ id: String) -> String { "cleanup/\(id)/" }
    /// A long version chain's own page, named by its oldest version (`Library.chainID`).
    package static func versionChain(_ id: String) -> String { "versions/\(id)/" }

    /// The file a page directory is written to.
    package static func indexFile(_ directory: String) -> String { directory + "index.html" }

    /// `../` once per directory level of `directory` — the prefix that reaches the site root.
    static func root(of directory: String) -> String {
        String(repeating: "../", count: directory.filter { $0 == "/" }.count)
    }

    /// Percent-encodes each segment of a site path (ids and file names may be Chinese),
    /// keeping the `/` separators. The raw form stays the file path on disk.
    package static func encoded(_ path: String) -> String {
        // Most paths are plain ASCII already; Foundation's encoder is slow on Linux and runs
        // for every link of every page.
        if path.utf8.allSatisfy(isUnreservedOrSlash) { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: unreserved) ?? String($0) }
            .joined(separator: "/")
    }

    private static func isUnreservedOrSlash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default: return false
        }
    }

    /// RFC 3986 unreserved characters — ASCII only, unlike `CharacterSet.alphanumerics`.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// Links from one page: every href is relative, so the site works when
/// served from any sub-path of `base_url` or opened from disk.
package struct Linker {
    /// The page's own directory (`d/<id>/`).
    let directory: String
    package let root: String

    package init(page directory: String) {
        self.directory = directory
        root = SitePath.root(of: directory)
    }

    /// The shortest relative href from this page to a site path (`../解读/` → percent-encoded);
    /// the page itself is `./`.
    package func href(_ target: String) -> String {
        let from = directory.split(separator: "/")
        let to = target.split(separator: "/", omittingEmptySubsequences: false)
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        let href =
            String(repeating: "../", count: from.count - shared)
            + SitePath.encoded(to[shared...].joined(separator: "/"))
        return href.isEmpty ? "./" : href
    }
}

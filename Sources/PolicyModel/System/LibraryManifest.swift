import PolicyCore
import PolicyLoad

/// `library.yml`: the system library's own settings and its sources, one bureau's content
/// each. Read leniently like `site.yml`: what is missing or malformed is left out here and
/// reported by the PL rules, which read `file` for positions.
public struct LibraryManifest: Sendable {
    /// Where a source's content folder is.
    public enum Location: Sendable, Equatable {
        /// A local content folder, relative to library.yml.
        case folder(String)
        /// A git repository (URL or local path relative to library.yml) at `ref` (nil: its
        /// default branch), with the content in `folder` (nil: `content/`, or the root when
        /// the root holds site.yml).
        case git(url: String, ref: String?, folder: String?)
    }

    public struct Source: Sendable {
        public let id: String
        public let issuer: String?
        public let level: SourceLevel?
        public let region: String?
        public let parent: String?
        public let location: Location?
        /// The entry as written, for positions.
        public let entry: FrontMatter

        /// The facts its documents carry; nil while issuer, level or region is missing.
        public var origin: DocumentOrigin? {
            guard let issuer, let level, let region else { return nil }
            return DocumentOrigin(source: id, issuer: issuer, level: level, region: region)
        }
    }

    /// The top-level keys library.yml may hold: the site settings a system site uses and
    /// `sources`.
    public static let topLevelKeys = ["title", "base_url", "issuer", "language", "timezone", "website", "sources"]
    /// The keys of one source.
    /// Lower-case letters, digits and single `-` inside: an id is a URL segment, the prefix
    /// of qualified ids and the name of its clone's folder under `.policy-sources/`, so `..`
    /// or `a/b` must never get as far as git (PL002 reports such an id).
    public static func isWellFormedSourceID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    public static let sourceKeys = ["id", "issuer", "level", "region", "parent", "path", "git", "ref", "folder"]
    /// Source ids that would take the place of the system site's own folders.
    public static let reservedIDs: Set<String> = [
        "d", "assets", "search", "regulations", "normative", "policies", "cleanup", "qa", "interpretations",
        "report", "feeds", "versions", "all",
    ]

    public let file: SourceFile
    /// The system site's settings, read the way `site.yml` is read.
    public let site: SiteConfig
    /// The entries of `sources` that are mappings with an id, in file order.
    public let sources: [Source]

    public init(file: SourceFile) {
        self.file = file
        let yaml = file.frontMatter
        site = SiteConfig(yaml)
        sources = (yaml?.mappings("sources") ?? []).compactMap { entry in
            guard let id = entry.string("id") else { return nil }
            let location: Location? =
                entry.string("git").map { .git(url: $0, ref: entry.string("ref"), folder: entry.string("folder")) }
                ?? entry.string("path").map { .folder($0) }
            return Source(
                id: id, issuer: entry.string("issuer"), level: entry.string("level").flatMap(SourceLevel.init(rawValue:)),
                region: entry.string("region"), parent: entry.string("parent"), location: location, entry: entry)
        }
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

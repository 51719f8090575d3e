import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// Writes the static search index under `search/`, read in the browser by the search page's modules (`assets/query.js`, `decode.js`; docs/search.md).
///
///     search/manifest.json           tiny, fixed name: format, index folder, shard count, chunk size
///     search/idx-<hash>/meta.bin     loaded with the page: facts, headers and tables (`IndexTables`)
///     search/idx-<hash>/p/<n>.bin    postings: shards (`ShardLayout`, `PostingIndex`), then
///                                    large keys' own postings, packed
///     search/idx-<hash>/t/<n>.bin    text chunks for snippets (`TextChunks`), packed
///
/// Every piece — a shard, a large key's postings, a chunk of text, and `meta.bin` itself —
/// is raw deflate, compressed on its own (`Deflate`); the pieces of each kind are laid end
/// to end in files of a few megabytes (`PackedPieces`), which the browser reads by range.
///
/// `<hash>` is a hash of every file in the folder, so a browser never mixes parts of two
/// builds: a new build is a new folder, and only the manifest (revalidated on each visit)
/// names it. The tokenisation is specified in `Tokenizer`.
public struct SearchIndexWriter: Sendable {
    public static let folder = "search/"
    public static let manifestPath = "search/manifest.json"

    let library: Library
    let asOf: CalendarDate
    /// The last build's postings, when the site is rebuilt in place.
    let segmentCache: PostingSegmentCache?

    package init(library: Library, asOf: CalendarDate, segmentCache: PostingSegmentCache? = nil) {
        self.library = library
        self.asOf = asOf
        self.segmentCache = segmentCache
    }

    public func files() -> [OutputFile] {
        let index = build()
        // The folder is named by every file's path and digest; the digests, of tens of
        // megabytes, are taken on all cores.
        let digests = index.files.parallelMap { file in
            var digest = ContentDigest()
            digest.add(file.bytes)
            return digest.hex
        }
        var hash = ContentDigest()
        for (file, digest) in zip(index.files, digests) {
            hash.add(file.path)
            hash.add(digest)
        }
        let folder = "idx-\(hash.hex.prefix(12))/"
        let manifest = Manifest(
            index: folder, shards: index.shardCount, chunk: TextChunks.size, records: index.recordCount,
            timeZone: library.site.timeZone.identifier, asOf: asOf.description, bureaus: Self.bureaus(of: library))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let manifestData = try! encoder.encode(manifest)
        return index.files.map { OutputFile(Self.folder + folder + $0.path, .bytes($0.bytes)) }
            + [OutputFile(Self.manifestPath, .data(manifestData))]
    }

    /// What `search/manifest.json` says.
    struct Manifest: Codable {
        /// 3: the large keys' pieces follow the shards in `p/` (2: in `k/` of their own).
        var format = 3
        /// The index folder, relative to `search/`.
        var index: String
        var shards: Int
        /// `TextChunks.size`: the chunk holding position p of a record is p / chunk.
        var chunk: Int
        var records: Int
        /// The site's time zone: the browser's "today" for statuses is the date there.
        var timeZone: String
        /// The date the build computed statuses for (the pages' badges).
        var asOf: String
        /// A system library's bureaus by issuer, for the search page's 层级 and 地区 facets
        /// (a record's issuers are in `meta.bin`); absent for a single bureau's site.
        var bureaus: [String: Bureau]?
    }

    struct Bureau: Codable, Equatable {
        /// 省, 市 or 县.
        var level: String
        var region: String
    }

    /// Issuer → its bureau's level and region, from the documents' origins; nil when no
    /// document comes from a source of a system library.
    static func bureaus(of library: Library) -> [String: Bureau]? {
        var bureaus: [String: Bureau] = [:]
        for document in library.documents {
            guard let origin = document.origin, bureaus[origin.issuer] == nil else { continue }
            bureaus[origin.issuer] = Bureau(level: origin.level.rawValue, region: origin.region)
        }
        return bureaus.isEmpty ? nil : bureaus
    }

    struct Built {
        var files: [(path: String, bytes: [UInt8])]
        var shardCount: Int
        var recordCount: Int
    }

    /// The index folder's files, relative to it.
    func build() -> Built {
        let records = SearchRecord.all(in: library)
        // One after the other (the segments, shards and windows each on all cores; the join
        // of the segments is serial): side by side, the postings' and the windows' peaks of
        // memory would add up, and a large library's build must stay within a gigabyte.
        // Every piece is compressed as it is made, and packing empties the pieces it has packed.
        var layout = StageClock.measure("index: postings and shards") {
            ShardLayout(index: PostingIndex(records: records.map { ($0.text, $0.bodyStart) }, cache: segmentCache))
        }
        let shardCount = layout.shardCount
        // Shards, then the large keys' own pieces, in the same files: a query's first round
        // reads one file, in one request (`ranges.js`).
        let externalNames = layout.externals.map(\.name)
        var postingPieces = layout.shards + layout.externals.map(\.bytes)
        layout.shards = []
        layout.externals = []
        let postings = PackedPieces(folder: "p", taking: &postingPieces)
        let (text, chunkCounts) = StageClock.measure("index: text chunks") {
            var perRecord = TextChunks(records: records).chunks
            let counts = perRecord.map(\.count)
            var pieces = perRecord.flatMap { $0 }
            perRecord = []
            return (PackedPieces(folder: "t", taking: &pieces), counts)
        }
        let tables = IndexTables(
            facts: SearchMeta(library: library, records: records).bytes, records: records,
            chunkCounts: chunkCounts, text: text, postings: postings, shardCount: shardCount,
            externalNames: externalNames)
        return Built(
            files: [(IndexTables.path, Deflate.compress(tables.bytes))] + postings.files + text.files,
            shardCount: shardCount, recordCount: records.count)
    }
}

import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// Writes the static search index under `search/`, read in the browser by `assets/search.js`.
///
///     search/manifest.json           tiny, fixed name: format, index folder, shard count, chunk size
///     search/idx-<hash>/meta.bin     facts per record: facets, status dates (`SearchMeta`)
///     search/idx-<hash>/p/<n>.bin    postings shards (`ShardLayout`, `PostingIndex`)
///     search/idx-<hash>/k/<n>-<j>.bin  large postings, one key each
///     search/idx-<hash>/x.bin        which keys have large postings: hashes and sizes
///     search/idx-<hash>/t/<r>-<k>.bin  text windows for snippets (`TextChunks`)
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
            timeZone: library.site.timeZone.identifier, asOf: asOf.description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let manifestData = try! encoder.encode(manifest)
        return index.files.map { OutputFile(Self.folder + folder + $0.path, .bytes($0.bytes)) }
            + [OutputFile(Self.manifestPath, .data(manifestData))]
    }

    /// What `search/manifest.json` says.
    struct Manifest: Codable {
        var format = 1
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
        let layout = StageClock.measure("index: postings and shards") {
            ShardLayout(index: PostingIndex(records: records.map { ($0.text, $0.bodyStart) }, cache: segmentCache))
        }
        let chunks = StageClock.measure("index: text windows") { TextChunks(records: records, library: library) }
        let meta = SearchMeta(library: library, records: records)
        return Built(
            files: [("meta.bin", meta.bytes)] + layout.files + chunks.files,
            shardCount: layout.shardCount, recordCount: records.count)
    }
}

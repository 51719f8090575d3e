import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

final class SearchIndexTests: XCTestCase {
    private let asOf = CalendarDate("2025-06-01")!

    // MARK: - Reference

    /// Brute force: the records whose normalised text contains every term, where a term that
    /// begins (ends) with a letter or digit must not continue a word there — the documented
    /// semantics (exact substrings; Latin words and digit runs as whole tokens).
    private func reference(_ query: String, in texts: [[UInt32]]) -> [Int: Int] {
        let terms = Tokenizer.terms(query)
        var out: [Int: Int] = [:]
        guard !terms.isEmpty else { return out }
        for (r, text) in texts.enumerated() {
            let counts = terms.map { occurrences(of: $0, in: text) }
            if counts.allSatisfy({ $0 > 0 }) { out[r] = counts.reduce(0, +) }
        }
        return out
    }

    private func occurrences(of term: [UInt32], in text: [UInt32]) -> Int {
        guard term.count <= text.count else { return 0 }
        var n = 0
        for i in 0...(text.count - term.count) where text[i..<(i + term.count)].elementsEqual(term) {
            if Tokenizer.isWord(term.first!), i > 0, Tokenizer.isWord(text[i - 1]) { continue }
            let end = i + term.count
            if Tokenizer.isWord(term.last!), end < text.count, Tokenizer.isWord(text[end]) { continue }
            n += 1
        }
        return n
    }

    private func assertSameAsScan(_ queries: [String], library: Library, file: StaticString = #filePath, line: UInt = #line) {
        let records = SearchRecord.all(in: library)
        let texts = records.map { Tokenizer.normalize($0.text) }
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        var checked = 0
        for q in queries {
            let expected = reference(q, in: texts)
            let found = reader.search(q)
            XCTAssertEqual(Set(found.keys), Set(expected.keys), "records for “\(q)”", file: file, line: line)
            XCTAssertEqual(found.mapValues(\.count), expected, "match counts for “\(q)”", file: file, line: line)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
    }

    /// Every substring of one to seven scalars of every record (and two-term queries made of
    /// them) finds exactly the records a scan finds, with the same counts.
    func testEveryPhraseOfTheFixtureMatchesTheScan() throws {
        let library = try SearchFixture.library()
        var queries: Set<String> = []
        for record in SearchRecord.all(in: library) {
            let s = Array(record.text.unicodeScalars)
            for i in s.indices {
                for n in 1...7 where i + n <= s.count {
                    queries.insert(Tokenizer.string(s[i..<(i + n)].map(\.value)))
                }
            }
        }
        let single = queries.sorted()
        let pairs = stride(from: 0, to: single.count - 1, by: 37).map { single[$0] + " " + single[$0 + 1] }
        assertSameAsScan(single + pairs + ["不存在的词", "zzz", "哈哈哈哈哈", "2023 2号", "GB/T", "iso 9001"], library: library)
    }

    /// The same on the project's sample content, for a seeded sample of its phrases.
    func testSamplePhrasesOfTheSampleContentMatchTheScan() throws {
        let library = try SearchFixture.sampleLibrary()
        XCTAssertGreaterThan(library.documents.count, 5)
        var rng = SeededGenerator(seed: 7)
        var queries: [String] = ["明码标价", "示市监规〔2023〕2号", "示市监规[2023]2号", "2023 2号", "食品 小作坊", "信用修复"]
        let records = SearchRecord.all(in: library)
        for _ in 0..<400 {
            let s = Array(records[Int(rng.next() % UInt64(records.count))].text.unicodeScalars)
            let n = 1 + Int(rng.next() % 8)
            guard s.count > n else { continue }
            let i = Int(rng.next() % UInt64(s.count - n))
            queries.append(Tokenizer.string(s[i..<(i + n)].map(\.value)))
        }
        assertSameAsScan(queries, library: library)
    }

    /// 文号 typed with any brackets, or as its numbers, finds the document that carries it.
    func testDocumentNumberFolding() throws {
        let library = try SearchFixture.library()
        let records = SearchRecord.all(in: library)
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        let price = records.firstIndex { $0.interpretation == nil && $0.number == "示市监规〔2023〕2号" }!
        for q in ["示市监规[2023]2号", "示市监规(2023)2号", "示市监规（2023）2号", "示市监规【2023】2号", "2023 2号", "〔2023〕"] {
            XCTAssertNotNil(reader.search(q)[price], q)
        }
        // found in the 文号 line itself: a title-or-number match
        XCTAssertLessThan(reader.search("示市监规[2023]2号")[price]!.first, records[price].bodyStart)
        XCTAssertNil(reader.search("示市监规[2023]3号")[price])
        XCTAssertNil(reader.search("023 2号")[price], "digits match whole runs only")
    }

    /// Overlapping matches all count; one character finds every record holding it.
    func testOverlapsAndSingleCharacters() throws {
        let library = try SearchFixture.library()
        let records = SearchRecord.all(in: library)
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        let price = records.firstIndex { $0.interpretation == nil && $0.number != nil }!
        XCTAssertEqual(reader.search("哈哈")[price]?.count, 3)
        XCTAssertEqual(reader.search("哈哈哈哈")[price]?.count, 1)
        XCTAssertEqual(reader.search("哈")[price]?.count, 4)
        // the phrase wrapped over two source lines is one sentence in the text
        XCTAssertNotNil(reader.search("明码标价不得")[price])
    }

    // MARK: - Files

    /// The same library gives the same files, byte for byte, in the same order.
    func testOutputIsDeterministic() throws {
        let library = try SearchFixture.library()
        let a = SearchIndexWriter(library: library, asOf: asOf).files()
        let b = SearchIndexWriter(library: try SearchFixture.library(), asOf: asOf).files()
        XCTAssertEqual(a.map(\.path), b.map(\.path))
        XCTAssertEqual(a.map(\.bytes), b.map(\.bytes))
        XCTAssertTrue(a.allSatisfy { $0.path.hasPrefix("search/") })
    }

    /// The folder is named by a hash of its contents, and the manifest names it.
    func testManifestNamesTheHashedFolder() throws {
        let fixture = SearchIndexWriter(library: try SearchFixture.library(), asOf: asOf).files()
        let sample = SearchIndexWriter(library: try SearchFixture.sampleLibrary(), asOf: asOf).files()
        func folder(_ files: [OutputFile]) throws -> String {
            let manifest = try JSONDecoder().decode(
                SearchIndexWriter.Manifest.self,
                from: Data(files.first { $0.path == SearchIndexWriter.manifestPath }!.bytes))
            XCTAssertTrue(files.contains { $0.path == "search/\(manifest.index)meta.bin" })
            XCTAssertEqual(manifest.timeZone, "Asia/Shanghai")
            return manifest.index
        }
        XCTAssertTrue(try folder(fixture).hasPrefix("idx-"))
        XCTAssertNotEqual(try folder(fixture), try folder(sample))
    }

    /// Cutting the records into many segments (built side by side, then joined) gives the
    /// same postings as one segment: the join rewrites each part's first record number.
    func testSegmentsJoinIntoTheSamePostings() throws {
        let library = try SearchFixture.sampleLibrary()
        let records = SearchRecord.all(in: library).map { ($0.text, $0.bodyStart) }
        func postings(_ index: PostingIndex) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: index.keys().map { ($0.name, $0.data) })
        }
        let whole = postings(PostingIndex(records: records, segmentBytes: .max))
        XCTAssertGreaterThan(records.count, 10)
        for size in [1, 500, 3000] {
            XCTAssertEqual(postings(PostingIndex(records: records, segmentBytes: size)), whole, "segments of \(size)")
        }
    }

    /// A rebuild after one record changed builds only that record's segment and takes the
    /// others from the cache — with the same postings as building all of them; a damaged
    /// segment file is built again, and the old single-file cache is replaced.
    func testCachedSegmentsGiveTheSamePostings() throws {
        let library = try SearchFixture.sampleLibrary()
        var records = SearchRecord.all(in: library).map { (text: $0.text, bodyStart: $0.bodyStart) }
        func postings(_ index: PostingIndex) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: index.keys().map { ($0.name, $0.data) })
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segments-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = PostingSegmentCache(url: folder.appendingPathComponent("search"))

        let first = PostingIndex(records: records, segmentBytes: 2000, cache: cache)
        XCTAssertEqual(first.reusedSegments, 0)
        XCTAssertGreaterThan(first.segmentCount, 3)
        records[records.count / 2].text += "\n附：新增的一句话，2026年。"
        let second = PostingIndex(records: records, segmentBytes: 2000, cache: cache)
        XCTAssertGreaterThanOrEqual(second.reusedSegments, second.segmentCount - 2)
        XCTAssertLessThan(second.reusedSegments, second.segmentCount)
        let clean = postings(PostingIndex(records: records, segmentBytes: 2000))
        XCTAssertEqual(postings(second), clean)
        XCTAssertEqual(postings(PostingIndex(records: records, segmentBytes: 2000, cache: cache)), clean)

        // One file per segment, and only the library's current segments are kept.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.files!.url.path)
        XCTAssertEqual(files.count, second.segmentCount)
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".seg") })

        // A damaged file (here: cut short) costs its segment, which is built and stored anew.
        let damagedFile = cache.files!.url.appendingPathComponent(files.sorted()[0])
        let whole = try Data(contentsOf: damagedFile)
        try whole.prefix(whole.count - 1).write(to: damagedFile)
        let damaged = PostingIndex(records: records, segmentBytes: 2000, cache: cache)
        XCTAssertEqual(damaged.reusedSegments, damaged.segmentCount - 1)
        XCTAssertEqual(postings(damaged), clean)
        XCTAssertEqual(try Data(contentsOf: damagedFile), whole)

        // So is one of full length whose middle was zeroed (pages lost in a crash).
        var zeroed = whole
        zeroed.replaceSubrange(whole.count / 2..<whole.count / 2 + 16, with: [UInt8](repeating: 0, count: 16))
        XCTAssertNotEqual(zeroed, whole)
        try zeroed.write(to: damagedFile)
        XCTAssertEqual(PostingIndex(records: records, segmentBytes: 2000, cache: cache).reusedSegments, second.segmentCount - 1)
        XCTAssertEqual(try Data(contentsOf: damagedFile), whole)

        // The single cache file of earlier versions is replaced by the folder.
        try FileManager.default.removeItem(at: cache.files!.url)
        try Data("policy postings segments 1\n garbage".utf8).write(to: cache.files!.url)
        let fromOldFile = PostingIndex(records: records, segmentBytes: 2000, cache: cache)
        XCTAssertEqual(fromOldFile.reusedSegments, 0)
        XCTAssertEqual(postings(fromOldFile), clean)
        XCTAssertEqual(PostingIndex(records: records, segmentBytes: 2000, cache: cache).reusedSegments, fromOldFile.segmentCount)
    }

    /// Every key the builder made is found in its shard (inline or in its own file) with the
    /// same postings; small keys stay inline, large ones go out.
    func testEveryKeyIsFindableInItsShard() throws {
        let library = try SearchFixture.sampleLibrary()
        let records = SearchRecord.all(in: library)
        let keys = PostingIndex(records: records.map { ($0.text, $0.bodyStart) }).keys()
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        XCTAssertGreaterThan(keys.count, 1000)
        XCTAssertEqual(Set(keys.map(\.name)).count, keys.count, "key names are unique")
        for key in keys {
            let entry = reader.entry(key.name)
            XCTAssertNotNil(entry, key.name)
            XCTAssertEqual(entry?.external, key.data.count > ShardLayout.externalThreshold, key.name)
            XCTAssertEqual(reader.postings(key.name), key.data, key.name)
        }
        XCTAssertNil(reader.entry("B不在"))
    }

    /// `meta.bin` lists exactly the keys with a piece of their own, by name, in order, with
    /// the piece's compressed size; their shards keep a stub.
    func testExternalListNamesEveryLargeKey() throws {
        // A long notice repeating a few phrases: their keys' postings outgrow the shards.
        let notice = """
            ---
            title: 明码标价提醒告知书
            office: 价格监督检查处
            signed: 2024-05-06
            published: 2024-05-08
            ---

            \(String(repeating: "请明码标价。价格应当真实。", count: 2000))
            """
        let library = try SearchFixture.library(adding: ["policies/2024-notice/index.md": notice])
        let built = SearchIndexWriter(library: library, asOf: asOf).build()
        let reader = SearchIndexReader(built)
        let keys = PostingIndex(records: SearchRecord.all(in: library).map { ($0.text, $0.bodyStart) }).keys()
        let large = keys.filter { $0.data.count > ShardLayout.externalThreshold }
        XCTAssertFalse(large.isEmpty, "the notice has large keys")
        XCTAssertEqual(reader.externals.count, large.count)
        XCTAssertEqual(reader.externals.map(\.name), large.map(\.name).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        XCTAssertTrue(built.files.contains { $0.path == PackedPieces.path(folder: "k", pack: 0) })
        for key in keys {
            let external = key.data.count > ShardLayout.externalThreshold
            let entry = try XCTUnwrap(reader.entry(key.name), key.name)
            XCTAssertEqual(entry.external, external, key.name)
            XCTAssertEqual(reader.externalSize(key.name), entry.location?.size ?? 0, key.name)
            if external {
                XCTAssertEqual(reader.postings(key.name), key.data, key.name)
                XCTAssertLessThan(entry.location!.size, key.data.count, "compressed: \(key.name)")
            }
        }
    }

    /// The cover keeps both ends and never leaves a character uncovered; free pairs are preferred.
    func testCheapestCover() {
        XCTAssertEqual(Tokenizer.cheapestCover([5]), [0])
        XCTAssertEqual(Tokenizer.cheapestCover([5, 5]), [0, 1])
        XCTAssertEqual(Tokenizer.cheapestCover([5, 0, 5]), [0, 2])
        XCTAssertEqual(Tokenizer.cheapestCover([0, 900, 0, 900, 0]), [0, 2, 4])
        XCTAssertEqual(Tokenizer.cheapestCover([0, 0, 900, 0, 0]), [0, 1, 3, 4])
        XCTAssertEqual(Tokenizer.cheapestCover([0, 0, 0, 0, 0, 0]).count, 4, "fewest pairs on a tie")
        XCTAssertEqual(Tokenizer.cheapestCover([9, 0, 9, 0, 0, 9]), [0, 1, 3, 5])
    }

    /// Chunk k of a record holds its text from scalar k·size, without overlap, so that the
    /// chunks together are the text once; `meta.bin` holds each record's path, title and 文号.
    func testTextChunksHoldTheTextOnceAndHeadersAreInMeta() throws {
        let library = try SearchFixture.sampleLibrary()
        let records = SearchRecord.all(in: library)
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        XCTAssertEqual(reader.headers.count, records.count)
        var sawLaterChunk = false
        for (r, record) in records.enumerated() {
            XCTAssertEqual(reader.headers[r], .init(path: record.path, title: record.title, number: record.number ?? ""))
            let chunks = (0..<reader.chunks[r].count).map { reader.chunk(record: r, $0) }
            XCTAssertEqual(chunks.map { $0 ?? "" }.joined(), record.text, record.path)
            XCTAssertEqual(chunks.dropLast().map { $0?.unicodeScalars.count }, Array(repeating: TextChunks.size, count: chunks.count - 1))
            sawLaterChunk = sawLaterChunk || chunks.count > 1
        }
        XCTAssertTrue(sawLaterChunk, "the sample has a text longer than one chunk")
    }

    /// Pieces are laid end to end in files of at most `packBytes` (a larger piece alone),
    /// and the table codes give back every location.
    func testPiecesArePackedAndLocatedByTheirCodes() {
        // Random bytes do not compress: 300 pieces of up to 40 KB fill more than one file.
        var random = SeededGenerator(seed: 21)
        let pieces =
            (0..<300).map { i in (0..<(i * 997 % 40_000)).map { _ in UInt8.random(in: 0...255, using: &random) } }
            + [Array(repeating: 7, count: 10)]
        var compressed = pieces.map { Deflate.compress($0) }
        let packed = PackedPieces(folder: "t", taking: &compressed)
        XCTAssertTrue(compressed.allSatisfy(\.isEmpty), "each piece is let go once packed")
        XCTAssertGreaterThan(packed.files.count, 1)
        XCTAssertEqual(PackedPieces.locations(codes: pieces.indices.map(packed.code)), packed.locations)
        for file in packed.files { XCTAssertLessThanOrEqual(file.bytes.count, PackedPieces.packBytes) }
        for (i, location) in packed.locations.enumerated() {
            let pack = packed.files[location.pack].bytes
            XCTAssertEqual(Deflate.decompress(pack[location.offset..<location.offset + location.size]), pieces[i])
        }
        XCTAssertEqual(Deflate.decompress(Deflate.compress([UInt8]())), [])
        XCTAssertNil(Deflate.decompress([0xFF, 0x00, 0x12]), "not a deflate stream")
    }
}

/// A small deterministic random source (SplitMix64) for sampled queries.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension OutputFile {
    var bytes: [UInt8] {
        switch contents {
        case .data(let d): Array(d)
        case .bytes(let b): b
        case .text(let t): Array(t.utf8)
        case .copy: []
        }
    }
}

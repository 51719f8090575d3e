import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicySearch

/// The shared search vectors on the Swift side: `Tests/Vectors/tokenize.json` against
/// `Tokenizer` (a query's terms and keys, a text's keys as `PostingIndex` makes them) and
/// `Tests/Vectors/ranking.json` against `SearchRanking` (with each record's matches found by
/// a scan of its text). The browser runs the same files through `tokenize.js` and `match.js`
/// (e2e/browser/test_vectors.py), so the two sides cannot disagree.
///
/// To add a vector, add its inputs (the expected fields may be left out), run
/// `RECORD_VECTORS=1 swift test --filter SearchVectorTests`, which fills in what Swift gives,
/// and review the diff by hand before committing it.
final class SearchVectorTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Vectors").standardized
    static let recording = ProcessInfo.processInfo.environment["RECORD_VECTORS"] == "1"

    // MARK: - tokenize.json

    struct TokenizeVectors: Codable {
        var about: String
        var queries: [QueryCase]
        var texts: [TextCase]
    }

    struct QueryCase: Codable, Equatable {
        var name: String
        var query: String
        var cost: [String: Int]?
        /// Normalised, split at spaces.
        var terms: [String]?
        /// Per term: `"<key> <offset>"`.
        var keys: [[String]]?
    }

    struct TextCase: Codable, Equatable {
        var name: String
        var text: String
        var bodyStart: Int?
        /// `T`, `B`, `L` and `R` keys → positions.
        var keys: [String: [Int]]?
        /// `U` keys → [count, first, first in the body or -1].
        var chars: [String: [Int]]?
    }

    func testTokenizeVectors() throws {
        let url = Self.folder.appendingPathComponent("tokenize.json")
        var vectors = try JSONDecoder().decode(TokenizeVectors.self, from: Data(contentsOf: url))
        let recorded = vectors
        for i in vectors.queries.indices {
            let c = vectors.queries[i]
            let terms = Tokenizer.terms(c.query)
            vectors.queries[i].terms = terms.map { Tokenizer.string($0) }
            vectors.queries[i].keys = terms.map { term in
                Tokenizer.parts(of: term, cost: { c.cost?[$0] ?? 0 }).map { "\($0.key) \($0.offset)" }
            }
        }
        for i in vectors.texts.indices {
            let c = vectors.texts[i]
            let index = PostingIndex(records: [(c.text, c.bodyStart ?? 0)])
            var keys: [String: [Int]] = [:]
            var chars: [String: [Int]] = [:]
            for key in index.keys() {
                var r = ByteReader(key.data)
                XCTAssertEqual(r.varint(), 0, "\(c.name): \(key.name) is in record 0")
                if key.name.hasPrefix("U") {
                    let count = r.varint()!, first = r.varint()!, body = r.varint()!
                    chars[key.name] = [count, first, body == 0 ? -1 : first + body - 1]
                } else {
                    var p = 0
                    keys[key.name] = (0..<r.varint()!).map { _ in
                        p += r.varint()!; return p
                    }
                }
                XCTAssertTrue(r.isAtEnd, "\(c.name): \(key.name) holds one record")
            }
            vectors.texts[i].keys = keys
            vectors.texts[i].chars = chars
        }
        if Self.recording { return try write(vectors, to: url, lists: ["queries", "texts"]) }
        XCTAssertGreaterThan(vectors.queries.count, 20)
        for (expected, actual) in zip(recorded.queries, vectors.queries) { XCTAssertEqual(expected, actual, expected.name) }
        for (expected, actual) in zip(recorded.texts, vectors.texts) { XCTAssertEqual(expected, actual, expected.name) }
    }

    // MARK: - ranking.json

    struct RankingVectors: Codable {
        var about: String
        var cases: [RankingCase]
    }

    struct RankingCase: Codable, Equatable {
        struct Record: Codable, Equatable {
            var title: String
            var number: String?
            var body: String
            var status: String
            var published: String

            var text: String { ([title, number].compactMap { $0 } + [body]).joined(separator: "\n") }
            var bodyStart: Int { ([title, number].compactMap { $0 }.joined(separator: "\n") + "\n").unicodeScalars.count }
        }
        var name: String
        var query: String
        var records: [Record]
        /// Per term: [record, count, first, first in the body or -1] for each record containing it.
        var matches: [[[Int]]]?
        /// Record numbers, ranked.
        var order: [Int]?
    }

    func testRankingVectors() throws {
        let url = Self.folder.appendingPathComponent("ranking.json")
        var vectors = try JSONDecoder().decode(RankingVectors.self, from: Data(contentsOf: url))
        let recorded = vectors
        var criteria: Set<String> = []
        for i in vectors.cases.indices {
            let c = vectors.cases[i]
            let terms = Tokenizer.terms(c.query)
            let texts = c.records.map { Tokenizer.normalize($0.text) }
            let scanned = terms.map { term in
                texts.enumerated().compactMap { r, text in
                    scan(term, in: text, bodyStart: c.records[r].bodyStart).map { [r, $0.count, $0.first, $0.firstBody] }
                }
            }
            vectors.cases[i].matches = scanned
            let perTerm = scanned.map { list in
                Dictionary(uniqueKeysWithValues: list.map { ($0[0], SearchIndexReader.Match(count: $0[1], first: $0[2])) })
            }
            let hits = SearchRanking.intersect(perTerm, bodyStart: { c.records[$0].bodyStart }).map { h in
                let record = c.records[h.record]
                return SearchRanking.Hit(
                    record: h.record, count: h.count, titleHits: h.titleHits,
                    status: ValidityStatus(rawValue: record.status)!, published: CalendarDate(record.published)!)
            }
            let ranked = SearchRanking.ranked(hits)
            vectors.cases[i].order = ranked.map(\.record)
            // Which criterion decided each neighbouring pair: every one must be exercised.
            for (a, b) in zip(ranked, ranked.dropFirst()) {
                criteria.insert(
                    a.titleHits != b.titleHits
                        ? "title" : a.status != b.status ? "status" : a.count != b.count ? "count" : a.published != b.published ? "newer" : "tie")
            }
        }
        if Self.recording { return try write(vectors, to: url, lists: ["cases"]) }
        XCTAssertEqual(criteria, ["title", "status", "count", "newer", "tie"])
        for (expected, actual) in zip(recorded.cases, vectors.cases) { XCTAssertEqual(expected, actual, expected.name) }
    }

    /// Every occurrence of a normalised term in a normalised text, where a term that begins
    /// (ends) with a letter or digit must not continue a word there: count, first start, first
    /// start in the body (-1: none). Nil when there is none.
    private func scan(_ term: [UInt32], in text: [UInt32], bodyStart: Int) -> (count: Int, first: Int, firstBody: Int)? {
        guard term.count <= text.count else { return nil }
        var found: [Int] = []
        for i in 0...(text.count - term.count) where text[i..<(i + term.count)].elementsEqual(term) {
            if Tokenizer.isWord(term.first!), i > 0, Tokenizer.isWord(text[i - 1]) { continue }
            let end = i + term.count
            if Tokenizer.isWord(term.last!), end < text.count, Tokenizer.isWord(text[end]) { continue }
            found.append(i)
        }
        guard let first = found.first else { return nil }
        return (found.count, first, found.first { $0 >= bodyStart } ?? -1)
    }

    // MARK: - Recording

    /// Writes the vectors with one case a line, and white space other than a plain space
    /// escaped, so that a reviewer sees it.
    private func write(_ value: some Encodable, to url: URL, lists: [String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let object = try JSONSerialization.jsonObject(with: encoder.encode(value)) as! [String: Any]
        func line(_ item: Any) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: item, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
            var out = ""
            for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
                if scalar.value != 0x20, Tokenizer.isSpace(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        var text = "{\n  \"about\": \(try line(object["about"]!))"
        for key in lists {
            let items = try (object[key] as! [Any]).map { "    " + (try line($0)) }
            text += ",\n  \"\(key)\": [\n" + items.joined(separator: ",\n") + "\n  ]"
        }
        try Data((text + "\n}\n").utf8).write(to: url)
        XCTFail("recorded \(url.lastPathComponent): review the diff, then run again without RECORD_VECTORS")
    }
}

import Foundation
import PolicyCore
import PolicyModel

/// What the Swift side answers to queries over a library's index: the index built in memory
/// as `policy build` writes it, read back by `SearchIndexReader` and ranked by `SearchRanking`
/// with the statuses on the as-of date. The browser tests compare the page's own modules
/// (`query.js`, `match.js`) with these answers on the same built site (`policy
/// search-answers`, a hidden command; e2e/browser/test_search_client.py).
package enum SearchAnswers {
    /// One result, in ranked order.
    package struct Hit: Encodable, Equatable {
        /// The record's number in the index, and its page (percent-encoded, as `meta.bin` has it).
        package var record: Int
        package var path: String
        /// Matches of all terms; the first start; the first start in the body (-1: none).
        package var count: Int
        package var first: Int
        package var firstBody: Int
        /// Terms found in the title or 文号.
        package var titleHits: Int
        package var status: String
    }

    /// Every result of each query (`library`: what is published on `asOf`, as the site holds it).
    package static func answer(_ queries: [String], library: Library, asOf: CalendarDate) -> [[Hit]] {
        let records = SearchRecord.all(in: library)
        let reader = SearchIndexReader(SearchIndexWriter(library: library, asOf: asOf).build())
        // A standalone Q&A entry's record comes after the documents' (`SearchRecord.all`): in
        // force from its answered day, as the page computes it from its facts (`SearchMeta`).
        let questions = library.standaloneQuestions
        let statuses =
            library.documents.map { library.status(of: $0, at: asOf).status }
            + questions.map { $0.answered > asOf ? ValidityStatus.notYetInForce : .inForce }
        let published = library.documents.map(\.published) + questions.map(\.answered)
        return queries.map { query in
            let terms = Tokenizer.terms(query).map { reader.matches($0, bodyStart: { records[$0].bodyStart }) }
            let hits = SearchRanking.intersect(terms, bodyStart: { records[$0].bodyStart }).map { h in
                let record = records[h.record]
                return SearchRanking.Hit(
                    record: h.record, count: h.count, titleHits: h.titleHits, status: statuses[record.documentIndex],
                    published: record.interpretation?.published ?? published[record.documentIndex])
            }
            return SearchRanking.ranked(hits).map { h in
                let matches = terms.compactMap { $0[h.record] }
                let bodies = matches.map(\.firstBody).filter { $0 >= 0 }
                return Hit(
                    record: h.record, path: records[h.record].path, count: h.count, first: matches.map(\.first).min()!,
                    firstBody: bodies.min() ?? -1, titleHits: h.titleHits, status: h.status.rawValue)
            }
        }
    }
}

extension SearchIndexReader {
    /// The reader of an index built in memory.
    init(_ built: SearchIndexWriter.Built) {
        self.init(
            files: Dictionary(built.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }),
            shardCount: built.shardCount)
    }
}

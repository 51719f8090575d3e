import Foundation
import PolicyCore
import PolicySearch

extension Pipeline {
    /// What the Swift side of the search answers to `queries` over the index a build on
    /// `asOf` writes (`SearchAnswers`), as JSON: `{"asOf", "queries": [{"query", "hits": [...]}]}`,
    /// hits in ranked order. For the browser tests, which compare the page's own query code
    /// with it (`policy search-answers`, hidden).
    public static func searchAnswers(content: URL, asOf: CalendarDate?, queries: [String]) throws -> Data {
        let checked = try check(content: content, asOf: asOf)
        let answers = SearchAnswers.answer(queries, library: checked.library.published(asOf: checked.asOf), asOf: checked.asOf)
        struct Answer: Encodable {
            var query: String
            var hits: [SearchAnswers.Hit]
        }
        struct Report: Encodable {
            var asOf: String
            var queries: [Answer]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(
            Report(asOf: checked.asOf.description, queries: zip(queries, answers).map { Answer(query: $0, hits: $1) }))
    }
}

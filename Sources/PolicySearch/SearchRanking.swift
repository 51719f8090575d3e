import PolicyCore
import PolicyModel

/// The order of a result list — the same order as the browser's `match.js` (`intersect`,
/// `compareHits`), written down once more in Swift so that the shared vectors
/// (`Tests/Vectors/ranking.json`) pin both sides: title and 文号 matches first (more terms
/// found there first), then by status (`ValidityStatus.rank`: in force, not yet in force,
/// superseded, expired, repealed), then more matches, then newer, then record order.
/// The site does not rank in Swift (search runs in the browser); the tests do.
enum SearchRanking {
    /// A record that matches every term of a query, with what its place depends on.
    struct Hit: Equatable {
        var record: Int
        /// Matches of all terms together.
        var count: Int
        /// How many terms are found in the title or 文号 (their first match is before the body).
        var titleHits: Int
        var status: ValidityStatus
        var published: CalendarDate
    }

    /// The records that match every term (AND): `terms` holds each term's matches by record,
    /// `bodyStart` gives a record's body offset. Count and title hits, unranked.
    static func intersect(_ terms: [[Int: SearchIndexReader.Match]], bodyStart: (Int) -> Int) -> [(
        record: Int, count: Int, titleHits: Int
    )] {
        guard let smallest = terms.min(by: { $0.count < $1.count }) else { return [] }
        var out: [(record: Int, count: Int, titleHits: Int)] = []
        for record in smallest.keys.sorted() {
            let matches = terms.compactMap { $0[record] }
            guard matches.count == terms.count else { continue }
            let start = bodyStart(record)
            out.append((record, matches.reduce(0) { $0 + $1.count }, matches.filter { $0.first < start }.count))
        }
        return out
    }

    /// Whether `a` comes before `b`.
    static func precedes(_ a: Hit, _ b: Hit) -> Bool {
        if a.titleHits != b.titleHits { return a.titleHits > b.titleHits }
        if a.status.rank != b.status.rank { return a.status.rank < b.status.rank }
        if a.count != b.count { return a.count > b.count }
        if a.published != b.published { return a.published > b.published }
        return a.record < b.record
    }

    static func ranked(_ hits: [Hit]) -> [Hit] { hits.sorted(by: precedes) }
}

import PolicyCore

/// The orders and tallies the library pages, home page and feeds share.
extension Library {
    /// A document with its status on the listing's as-of date.
    public typealias Listed = (document: Document, status: StatusReport)

    /// One kind's documents as a library page lists them: what applies today first
    /// (`ValidityStatus.rank`), then newest first, then by id.
    public func listing(of kind: DocumentKind, at asOf: CalendarDate) -> [Listed] {
        documents(of: kind).map { ($0, status(of: $0, at: asOf)) }.sorted { a, b in
            if a.status.status.rank != b.status.status.rank { return a.status.status.rank < b.status.status.rank }
            if a.document.published != b.document.published { return a.document.published > b.document.published }
            return a.document.id < b.document.id
        }
    }

    /// How many documents of `kind` have each status on `asOf` (every status present, 0 when none).
    public func statusCounts(of kind: DocumentKind, at asOf: CalendarDate) -> [ValidityStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ValidityStatus.allCases.map { ($0, 0) })
        for document in documents(of: kind) { counts[status(of: document, at: asOf).status, default: 0] += 1 }
        return counts
    }

    /// A document or interpretation as a "latest publications" list or feed shows it.
    public struct Publication: Sendable {
        public let document: Document
        /// Nil for the document itself.
        public let interpretation: Interpretation?
        public var published: CalendarDate { interpretation?.published ?? document.published }
        public var title: String { interpretation?.title ?? document.title }
    }

    /// Documents and interpretations, newest first; same-day items by document id, each
    /// document before its interpretations (file-name order) — a stable, deterministic order.
    public func latestPublications(limit: Int) -> [Publication] {
        let all = documents.flatMap { d in
            [Publication(document: d, interpretation: nil)]
                + d.interpretations.map { Publication(document: d, interpretation: $0) }
        }
        let sorted = all.sorted { a, b in
            if a.published != b.published { return a.published > b.published }
            if a.document.id != b.document.id { return a.document.id < b.document.id }
            return (a.interpretation?.id ?? "") < (b.interpretation?.id ?? "")
        }
        return Array(sorted.prefix(limit))
    }
}

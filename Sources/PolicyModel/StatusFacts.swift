import PolicyCore

/// The facts from which a document's status on any day can be worked out again — what the
/// site's pages carry so that the browser (status.js) shows the status of the day it is read,
/// not of the day the site was built. Dates are ISO strings; fields that do not apply are
/// left out of the JSON. Titles are there for the explanation (`被《…》废止`).
///
/// Read at a day on or after the library's as-of date, `status.js` over these facts gives
/// what `Library.status(of:at:)` gives over the library (Tests/Vectors/status.json holds the
/// cases both sides run).
public struct StatusFacts: Sendable, Equatable, Encodable {
    public struct Repeal: Sendable, Equatable, Encodable {
        public let date: String
        /// The repealing document's quoted title (its id if it is not in the library), when named.
        public let by: String?
    }

    /// A cleanup result that ends the document (废止 or 宣布失效).
    public struct Ending: Sendable, Equatable, Encodable {
        /// The batch's effective date.
        public let effective: String
        /// `repealed` or `declared-invalid`.
        public let outcome: String
        /// The batch's title, unquoted.
        public let title: String
    }

    /// A document that supersedes this one.
    public struct Successor: Sendable, Equatable, Encodable {
        public let published: String
        public let effective: String
        /// Its quoted title.
        public let title: String
    }

    public let effective: String
    public let expires: String?
    public let repealed: Repeal?
    /// Oldest batch first, as `status(of:at:)` tries them; nil when none.
    public let endings: [Ending]?
    /// In the library's order (the earliest effective one wins, the first of a tie); nil when none.
    public let successors: [Successor]?
}

extension Library {
    /// The facts `status(of:at:)` reads for `document`, for the browser.
    public func statusFacts(of document: Document) -> StatusFacts {
        let endings = (cleanupResults[document.id] ?? []).filter { $0.result.outcome.endsValidity }.map { entry in
            StatusFacts.Ending(
                effective: entry.batch.effective.description,
                outcome: entry.result.outcome == .repealed ? "repealed" : "declared-invalid", title: entry.batch.title)
        }
        let successors = (supersededBy[document.id] ?? []).compactMap(self.document).map { later in
            StatusFacts.Successor(
                published: later.published.description, effective: later.effective.description, title: later.quotedTitle)
        }
        return StatusFacts(
            effective: document.effective.description, expires: document.expires?.description,
            repealed: document.repeal.map { repeal in
                StatusFacts.Repeal(date: repeal.date.description, by: repeal.by.map { self.document($0)?.quotedTitle ?? $0 })
            },
            endings: endings.isEmpty ? nil : endings, successors: successors.isEmpty ? nil : successors)
    }
}

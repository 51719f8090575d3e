import Foundation
import PolicyCore
import PolicyModel

/// The documents whose status still changes after the as-of date, worked out once per build:
/// their later changes, their `StatusFacts` as the pages carry them (`data-status-facts`) and,
/// per kind, the tally the counts are corrected with (`data-status-tally`) — for
/// status-live.js, which recomputes statuses for the day a page is read. A document whose
/// status is final at the as-of date is not here: its pages need no facts.
struct LiveStatuses: Sendable {
    /// One document of a tally: its status on the as-of date and the facts for later days.
    private struct TallyEntry: Encodable {
        let status: String
        let facts: StatusFacts
    }

    /// Document id → its status changes after the as-of date (never empty).
    private let changes: [String: [Library.StatusChange]]
    /// Document id → its facts as compact JSON.
    private let factsJSON: [String: String]
    /// Kind → JSON of its live documents with their as-of status; absent when there are none.
    private let tallies: [DocumentKind: String]

    init(library: Library, asOf: CalendarDate) {
        var changes: [String: [Library.StatusChange]] = [:]
        var factsJSON: [String: String] = [:]
        var entries: [DocumentKind: [TallyEntry]] = [:]
        for document in library.documents {
            let later = library.statusChanges(of: document).filter { $0.date > asOf }
            guard !later.isEmpty, changes[document.id] == nil else { continue }
            let facts = library.statusFacts(of: document)
            changes[document.id] = later
            factsJSON[document.id] = Self.json(facts)
            entries[document.kind, default: []].append(
                TallyEntry(status: library.status(of: document, at: asOf).status.rawValue, facts: facts))
        }
        self.changes = changes
        self.factsJSON = factsJSON
        tallies = entries.mapValues(Self.json)
    }

    /// The status changes of `document` after the as-of date, oldest first; empty when its
    /// status is final.
    func changes(of document: Document) -> [Library.StatusChange] { changes[document.id] ?? [] }

    /// The facts of `document` for its badges, or nil when its status is final.
    func facts(of document: Document) -> String? { factsJSON[document.id] }

    /// The live documents of `kind` with their as-of status, or nil when there are none.
    func tally(of kind: DocumentKind) -> String? { tallies[kind] }

    /// Whether `document` takes on `status` after the as-of date and by `day`.
    func takesOn(_ status: ValidityStatus, _ document: Document, by day: CalendarDate) -> Bool {
        (changes[document.id] ?? []).contains { $0.date <= day && $0.to.status == status }
    }

    /// Compact JSON with sorted keys (deterministic output); templates escape it for the attribute.
    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}

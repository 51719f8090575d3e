import Foundation
import PolicyCore
import PolicyModel

/// Status facts as the pages carry them for status-live.js: compact JSON with sorted keys
/// (deterministic output), placed in an attribute, which the templates escape.
enum StatusFactsJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// One document of a tally: its status on the as-of date and the facts for later days.
    struct Entry: Encodable {
        let status: String
        let facts: StatusFacts
    }

    /// The documents among `documents` whose status changes after `asOf`, with their status on
    /// `asOf`: a count by status (home page, library filters) is corrected with these alone.
    static func tally(_ documents: [Document], in library: Library, at asOf: CalendarDate) -> String? {
        let entries = documents.filter { !library.statusesAfter(asOf, of: $0).isEmpty }.map {
            Entry(status: library.status(of: $0, at: asOf).status.rawValue, facts: library.statusFacts(of: $0))
        }
        return entries.isEmpty ? nil : encode(entries)
    }
}

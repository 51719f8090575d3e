import Foundation

/// `meta.bin`: what the browser needs about every record to filter, count facets, rank and
/// compute statuses at any date — without titles or text, which come with the text chunks of
/// the few results shown. Loaded once, with the first query.
///
/// Layout: a length-prefixed UTF-8 JSON header (`Header`: counts and facet labels), then per
/// document in library order, as varints (`s` = zig-zag signed; dates are days since
/// 1970-01-01; an optional number is 0 when absent, else its value + 1):
///
///     kind · s(published − previous document's published) · s(effective − published)
///     · opt s(expires − effective) · opt s(repeal date − published) · opt office
///     · issuer count, issuers · topic count, topics
///     · ending count, per ending: s(batch effective − published), outcome (0 废止, 1 宣布失效)
///     · successor count, successors (document numbers: the documents that supersede it)
///     · body offset of the document's record
///     · interpretation count, per interpretation:
///       form (1-based index into `forms`) · s(published − document published) · opt office · body offset
///
/// The status rule in `search.js` reads exactly these facts; it is a port of
/// `Library.status(of:at:)`.
struct SearchMeta {
    struct Header: Codable {
        var format = 1
        var documents: Int
        var records: Int
        /// `DocumentKind` codes and names, in the order the kind numbers refer to.
        var kinds: [String]
        var kindNames: [String]
        /// `ValidityStatus` codes and names, in `search.js`'s status numbering.
        var statuses: [String]
        var statusNames: [String]
        /// Record forms: index 0 is the document itself, then `InterpretationForm`s.
        var forms: [String]
        var formNames: [String]
        var offices: [String]
        var issuers: [String]
        var topics: [String]
    }

    let bytes: [UInt8]

    init(library: Library, records: [SearchRecord]) {
        let documents = library.documents
        let offices = Self.labels(documents.flatMap { [$0.office] + $0.interpretations.map(\.office) }.compactMap { $0 })
        let issuers = Self.labels(documents.flatMap(\.issuers))
        let topics = Self.labels(documents.flatMap(\.topics))
        let header = Header(
            documents: documents.count, records: records.count,
            kinds: DocumentKind.allCases.map(\.rawValue), kindNames: DocumentKind.allCases.map(\.chinese),
            statuses: ValidityStatus.allCases.map(\.rawValue), statusNames: ValidityStatus.allCases.map(\.chinese),
            forms: ["document"] + InterpretationForm.allCases.map(\.rawValue),
            formNames: ["正文"] + InterpretationForm.allCases.map(\.chinese),
            offices: offices.list, issuers: issuers.list, topics: topics.list)

        var out = ByteWriter(capacity: documents.count * 24)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        out.append(Array(try! encoder.encode(header)).lengthPrefixed)

        var bodyStart: [Int: Int] = [:]  // document index → its record's body offset
        var interpretationBodyStart: [String: Int] = [:]
        for record in records {
            if let i = record.interpretation {
                interpretationBodyStart[i.documentID + "/" + i.id] = record.bodyStart
            } else {
                bodyStart[record.documentIndex] = record.bodyStart
            }
        }
        var index: [String: Int] = [:]
        for (i, d) in documents.enumerated() where index[d.id] == nil { index[d.id] = i }

        var previousPublished = 0
        for (i, d) in documents.enumerated() {
            let published = d.published.dayNumber
            out.varint(DocumentKind.allCases.firstIndex(of: d.kind)!)
            out.signed(published - previousPublished)
            out.signed(d.effective.dayNumber - published)
            out.optionalSigned(d.expires.map { $0.dayNumber - d.effective.dayNumber })
            out.optionalSigned(d.repeal.map { $0.date.dayNumber - published })
            out.optional(d.office.map { offices.index[$0]! })
            out.list(d.issuers.map { issuers.index[$0]! })
            out.list(d.topics.map { topics.index[$0]! })
            let endings = (library.cleanupResults[d.id] ?? []).filter { $0.result.outcome.endsValidity }
            out.varint(endings.count)
            for e in endings {
                out.signed(e.batch.effective.dayNumber - published)
                out.varint(e.result.outcome == .repealed ? 0 : 1)
            }
            let successors = (library.supersededBy[d.id] ?? []).compactMap { index[$0] }
            out.list(successors)
            out.varint(bodyStart[i] ?? 0)
            out.varint(d.interpretations.count)
            for interpretation in d.interpretations {
                out.varint(InterpretationForm.allCases.firstIndex(of: interpretation.form)! + 1)
                out.signed(interpretation.published.dayNumber - published)
                out.optional(interpretation.office.map { offices.index[$0]! })
                out.varint(interpretationBodyStart[interpretation.documentID + "/" + interpretation.id] ?? 0)
            }
            previousPublished = published
        }
        bytes = out.bytes
    }

    /// Distinct values in first-seen order, with their numbers.
    private static func labels(_ values: [String]) -> (list: [String], index: [String: Int]) {
        var list: [String] = []
        var index: [String: Int] = [:]
        for v in values where index[v] == nil {
            index[v] = list.count
            list.append(v)
        }
        return (list, index)
    }
}

private extension ByteWriter {
    mutating func optional(_ value: Int?) { varint(value.map { $0 + 1 } ?? 0) }

    mutating func optionalSigned(_ value: Int?) {
        guard let value else { return varint(0) }
        varint((value >= 0 ? value << 1 : ((-value) << 1) - 1) + 1)
    }

    mutating func list(_ values: [Int]) {
        varint(values.count)
        for v in values { varint(v) }
    }
}

private extension Array where Element == UInt8 {
    var lengthPrefixed: [UInt8] {
        var out = ByteWriter(capacity: count + 4)
        out.varint(count)
        out.append(self)
        return out.bytes
    }
}

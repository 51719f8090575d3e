import Foundation
import PolicyCore
import PolicyModel

/// `meta.bin`: what the browser needs about every record to filter, count facets, rank and
/// compute statuses at any date — without titles or text, which come with the text chunks of
/// the few results shown. Loaded once, with the first query; about 20 bytes a document.
///
/// Layout: a length-prefixed UTF-8 JSON header (`Header`: counts and facet labels), then per
/// document in library order, as varints (`s` = zig-zag signed; dates are days since
/// 1970-01-01; `[…]` only when its flag is set):
///
///     flags: kind (bits 0–1) · has expires (4) · has repeal date (8) · has office (16)
///            · issuers other than the site's (32) · has cleanup endings (64)
///     · s(published − previous document's published) · s(effective − published)
///     · [s(expires − effective)] · [s(repeal date − published)] · [office]
///     · [issuer count, issuers] · topic count, topics
///     · [ending count, per ending: s(batch effective − published), outcome (0 废止, 1 宣布失效)]
///     · successor count, successors (numbers of the documents that supersede it)
///     · body offset of the document's record
///     · interpretation count, per interpretation:
///       form × 4 + (published differs: 1) + (office differs: 2)   (form: index into `forms`)
///       · [s(published − document published)] · [office] · body offset
///
/// After the documents, each standalone Q&A entry is written the same way, as a "document"
/// of kind 3 (`qa`, 问答 — the kind facet reads the names from the header): published and
/// effective its answered day, its office and topics, no interpretations. So the search page
/// shows and filters it with no code of its own; its status is always 现行有效 (a stale
/// basis is stated on its page).
///
/// The status rule match.js applies to these facts is `status.js`'s, the port of
/// `Library.status(of:at:)` every page shares.
struct SearchMeta {
    struct Header: Codable {
        var format = 1
        var documents: Int
        var records: Int
        /// `DocumentKind` codes and names, in the order the kind numbers refer to.
        var kinds: [String]
        var kindNames: [String]
        /// `ValidityStatus` codes and names.
        var statuses: [String]
        var statusNames: [String]
        /// Record forms: index 0 is the document itself, then `InterpretationForm`s.
        var forms: [String]
        var formNames: [String]
        var offices: [String]
        var issuers: [String]
        /// The site's issuer: a document without issuers of its own has this one.
        var siteIssuer: Int?
        var topics: [String]
    }

    let bytes: [UInt8]

    init(library: Library, records: [SearchRecord]) {
        let documents = library.documents
        let questions = library.standaloneQuestions
        let offices = Self.labels(
            (documents.flatMap { [$0.office] + $0.interpretations.map(\.office) } + questions.map(\.office)).compactMap { $0 })
        let issuers = Self.labels([library.site.issuer].filter { !$0.isEmpty } + documents.flatMap(\.issuers))
        let topics = Self.labels(documents.flatMap(\.topics) + questions.flatMap(\.topics))
        let siteIssuer = issuers.index[library.site.issuer]
        let header = Header(
            documents: documents.count + questions.count, records: records.count,
            kinds: DocumentKind.allCases.map(\.rawValue) + [Self.questionKind],
            kindNames: DocumentKind.allCases.map(\.chinese) + [Self.questionKindName],
            statuses: ValidityStatus.allCases.map(\.rawValue), statusNames: ValidityStatus.allCases.map(\.chinese),
            forms: ["document"] + InterpretationForm.allCases.map(\.rawValue),
            formNames: ["正文"] + InterpretationForm.allCases.map(\.chinese),
            offices: offices.list, issuers: issuers.list, siteIssuer: siteIssuer, topics: topics.list)

        var out = ByteWriter(capacity: documents.count * 24)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = Array(try! encoder.encode(header))
        out.varint(json.count)
        out.append(json)

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
            let endings = (library.cleanupResults[d.id] ?? []).filter { $0.result.outcome.endsValidity }
            let ownIssuers = d.issuers.map { issuers.index[$0]! }
            let defaultIssuers = siteIssuer.map { ownIssuers == [$0] } ?? ownIssuers.isEmpty
            var flags = DocumentKind.allCases.firstIndex(of: d.kind)!
            if d.expires != nil { flags |= 4 }
            if d.repeal != nil { flags |= 8 }
            if d.office != nil { flags |= 16 }
            if !defaultIssuers { flags |= 32 }
            if !endings.isEmpty { flags |= 64 }
            out.varint(flags)
            out.signed(published - previousPublished)
            out.signed(d.effective.dayNumber - published)
            if let expires = d.expires { out.signed(expires.dayNumber - d.effective.dayNumber) }
            if let repeal = d.repeal { out.signed(repeal.date.dayNumber - published) }
            if let office = d.office { out.varint(offices.index[office]!) }
            if !defaultIssuers { out.list(ownIssuers) }
            out.list(d.topics.map { topics.index[$0]! })
            if !endings.isEmpty {
                out.varint(endings.count)
                for e in endings {
                    out.signed(e.batch.effective.dayNumber - published)
                    out.varint(e.result.outcome == .repealed ? 0 : 1)
                }
            }
            out.list((library.supersededBy[d.id] ?? []).compactMap { index[$0] })
            out.varint(bodyStart[i] ?? 0)
            out.varint(d.interpretations.count)
            for interpretation in d.interpretations {
                let form = InterpretationForm.allCases.firstIndex(of: interpretation.form)! + 1
                let ownDate = interpretation.published != d.published
                let ownOffice = interpretation.office != nil && interpretation.office != d.office
                out.varint(form * 4 + (ownDate ? 1 : 0) + (ownOffice ? 2 : 0))
                if ownDate { out.signed(interpretation.published.dayNumber - published) }
                if ownOffice { out.varint(offices.index[interpretation.office!]!) }
                out.varint(interpretationBodyStart[interpretation.documentID + "/" + interpretation.id] ?? 0)
            }
            previousPublished = published
        }
        for (k, q) in questions.enumerated() {
            let published = q.answered.dayNumber
            out.varint(DocumentKind.allCases.count | (q.office != nil ? 16 : 0))
            out.signed(published - previousPublished)
            out.signed(0)
            if let office = q.office { out.varint(offices.index[office]!) }
            out.list(q.topics.map { topics.index[$0]! })
            out.list([])
            out.varint(bodyStart[documents.count + k] ?? 0)
            out.varint(0)
            previousPublished = published
        }
        bytes = out.bytes
    }

    /// The kind code and name of a standalone Q&A entry's record: the kind facet's 问答.
    static let questionKind = "qa"
    static let questionKindName = "问答"

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
    mutating func list(_ values: [Int]) {
        varint(values.count)
        for v in values { varint(v) }
    }
}

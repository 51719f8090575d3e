import PolicyCore
import PolicyLoad

/// A published document (规章, 行政规范性文件 or 其他政策文件): one bundle's `index.md`.
///
/// Documents and interpretations are immutable classes rather than structs: every rule and
/// every page walks the library, and copying a struct of two dozen strings and arrays
/// retained each of them on every step.
public final class Document: Sendable, Identifiable {
    public struct Repeal: Sendable {
        public var date: CalendarDate
        public var by: String?
        public var note: String?
    }

    public struct Attachment: Sendable {
        public var file: String
        public var title: String
    }

    /// An amendment made by a separate decision (修正决定), `amended_by[]`: the decision's
    /// date, and its title or order number (or both).
    public struct Amendment: Sendable {
        public var date: CalendarDate
        public var title: String?
        public var number: String?

        /// `示例省人民政府令第250号《……的决定》`: the decision as a text cites it.
        public var citation: String { (number?.trimmed ?? "") + (title.map(Headnote.quoted) ?? "") }
    }

    /// One entry of the curated change log (`changes:`), reviewed like the rest of the file.
    public struct ChangeNote: Sendable, Equatable {
        public var date: CalendarDate
        public var note: String
    }

    /// The bundle folder's name: stable, the URL `d/<id>/`.
    public let id: String
    public let kind: DocumentKind
    public let title: String
    /// 文号, or a regulation's order number.
    public let number: String?
    public let issuers: [String]
    public let office: String?
    public let signed: CalendarDate
    public let published: CalendarDate
    /// 施行日期; `published` when the front matter gives none.
    public let effective: CalendarDate
    /// 有效期至, inclusive.
    public let expires: CalendarDate?
    public let topics: [String]
    public let keywords: [String]
    public let supersedes: [String]
    /// 上位文件 this one implements (`implements:`): same-library ids, or `<source>/<id>` of
    /// another bureau's library in a system library (qualified by `qualified(in:)`).
    public let implements: [String]
    /// The bureau's library it comes from, in a system library; nil in a single library.
    public let origin: DocumentOrigin?
    public let repeal: Repeal?
    public let official: String?
    public let attachments: [Attachment]
    /// The decision that no interpretation is needed.
    public let exempt: Exemption?
    /// 公开方式: only 主动公开 documents reach the site.
    public let disclosure: Disclosure
    /// 索引号 in the government-information catalogue.
    public let indexNumber: String?
    /// Amendments by separate decisions, in date order (`amended_by`).
    public let amendments: [Amendment]
    /// 修订记录 from `changes:`, newest first (entries without a valid date or a note are
    /// left out; the rules report them).
    public let changes: [ChangeNote]
    /// The official text, Markdown.
    public let body: String
    /// Links, headings and plain text of `body`, parsed once.
    public let bodyFacts: BodyFacts
    public let source: SourceFile
    /// Interpretations in the bundle, in file-name order.
    public let interpretations: [Interpretation]

    init(
        id: String, kind: DocumentKind, title: String, number: String?, issuers: [String], office: String?,
        signed: CalendarDate, published: CalendarDate, effective: CalendarDate, expires: CalendarDate?,
        topics: [String], keywords: [String], supersedes: [String], repeal: Repeal?, official: String?,
        attachments: [Attachment], exempt: Exemption?, changes: [ChangeNote] = [], body: String, bodyFacts: BodyFacts,
        source: SourceFile, interpretations: [Interpretation], disclosure: Disclosure = .proactive,
        indexNumber: String? = nil, amendments: [Amendment] = [], implements: [String] = [],
        origin: DocumentOrigin? = nil
    ) {
        self.implements = implements
        self.origin = origin
        self.id = id
        self.kind = kind
        self.title = title
        self.number = number
        self.issuers = issuers
        self.office = office
        self.signed = signed
        self.published = published
        self.effective = effective
        self.expires = expires
        self.topics = topics
        self.keywords = keywords
        self.supersedes = supersedes
        self.repeal = repeal
        self.official = official
        self.attachments = attachments
        self.exempt = exempt
        self.disclosure = disclosure
        self.indexNumber = indexNumber
        self.changes = changes
        self.body = body
        self.bodyFacts = bodyFacts
        self.source = source
        self.interpretations = interpretations
        self.amendments = amendments.sorted { $0.date < $1.date }
    }

    /// The same document with only `interpretations` (those published by a given day).
    func keeping(interpretations: [Interpretation], repeal: Repeal?) -> Document {
        Document(
            id: id, kind: kind, title: title, number: number, issuers: issuers, office: office, signed: signed,
            published: published, effective: effective, expires: expires, topics: topics, keywords: keywords,
            supersedes: supersedes, repeal: repeal, official: official, attachments: attachments, exempt: exempt,
            changes: changes, body: body, bodyFacts: bodyFacts, source: source, interpretations: interpretations,
            disclosure: disclosure, indexNumber: indexNumber, amendments: amendments, implements: implements,
            origin: origin)
    }

    /// The same document as a system library holds it: its id and every id it names
    /// qualified by its source (`<source>/<id>`), so that ids of different bureaus never
    /// collide; an `implements` entry that is qualified already stays as written.
    func qualified(in origin: DocumentOrigin) -> Document {
        let q = origin.qualify
        let interpretations = self.interpretations.map { $0.moved(to: q(id)) }
        return Document(
            id: q(id), kind: kind, title: title, number: number, issuers: issuers, office: office, signed: signed,
            published: published, effective: effective, expires: expires, topics: topics, keywords: keywords,
            supersedes: supersedes.map(q),
            repeal: repeal.map { Repeal(date: $0.date, by: $0.by.map(q), note: $0.note) }, official: official,
            attachments: attachments, exempt: exempt, changes: changes, body: body, bodyFacts: bodyFacts, source: source,
            interpretations: interpretations, disclosure: disclosure, indexNumber: indexNumber, amendments: amendments,
            implements: implements.map { $0.contains("/") ? $0 : q($0) }, origin: origin)
    }

    /// The id within its own library: `x` for `province/x`.
    public var localID: String { origin == nil ? id : String(id[id.index(after: id.firstIndex(of: "/")!)...]) }

    /// The bundle folder relative to the content root (`normative/<id>`).
    public var bundlePath: String { "\(kind.folder)/\(localID)" }

    /// A title with 暂行 or 试行 is provisional and gets the shorter validity period.
    public var isProvisional: Bool { title.containsBytes("暂行") || title.containsBytes("试行") }

    /// `《title》`, the way Chinese text cites a document.
    public var quotedTitle: String { "《\(title)》" }
}

/// A policy interpretation (政策解读): any `*.md` in a bundle other than `index.md`.
public final class Interpretation: Sendable, Identifiable {
    public struct Media: Sendable {
        public var file: String?
        public var alt: String?
        public var poster: String?
        public var captions: String?
        public var transcript: String?
    }

    /// The file name without `.md`, unique within its bundle; the page is `d/<doc>/<id>/`.
    public let id: String
    public let documentID: String
    public let title: String
    public let form: InterpretationForm
    public let published: CalendarDate
    public let office: String?
    public let media: Media?
    public let body: String
    public let bodyFacts: BodyFacts
    public let source: SourceFile

    init(
        id: String, documentID: String, title: String, form: InterpretationForm, published: CalendarDate,
        office: String?, media: Media?, body: String, bodyFacts: BodyFacts, source: SourceFile
    ) {
        self.id = id
        self.documentID = documentID
        self.title = title
        self.form = form
        self.published = published
        self.office = office
        self.media = media
        self.body = body
        self.bodyFacts = bodyFacts
        self.source = source
    }

    /// The same interpretation under the document's qualified id.
    func moved(to documentID: String) -> Interpretation {
        Interpretation(
            id: id, documentID: documentID, title: title, form: form, published: published, office: office,
            media: media, body: body, bodyFacts: bodyFacts, source: source)
    }
}

/// One cleanup batch (清理结果), `cleanup/<id>.md`.
public struct CleanupBatch: Sendable, Identifiable {
    public struct Result: Sendable {
        public var document: String
        public var outcome: CleanupOutcome
        public var note: String?
        public var location: SourceLocation
    }

    public let id: String
    public var title: String
    /// The batch's own 文号, when it was issued as a numbered document.
    public var number: String? = nil
    public var published: CalendarDate
    /// When the results take effect; `published` by default.
    public var effective: CalendarDate
    public var results: [Result]
    public var body: String
    public let bodyFacts: BodyFacts
    public let source: SourceFile
}

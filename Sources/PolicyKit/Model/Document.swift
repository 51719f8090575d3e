/// A published document (规章, 行政规范性文件 or 其他政策文件): one bundle's `index.md`.
public struct Document: Sendable, Identifiable {
    public struct Repeal: Sendable {
        public var date: CalendarDate
        public var by: String?
        public var note: String?
    }

    public struct Attachment: Sendable {
        public var file: String
        public var title: String
    }

    /// The bundle folder's name: stable, the URL `d/<id>/`.
    public let id: String
    public var kind: DocumentKind
    public var title: String
    /// 文号, or a regulation's order number.
    public var number: String?
    public var issuers: [String]
    public var office: String?
    public var signed: CalendarDate
    public var published: CalendarDate
    /// 施行日期; `published` when the front matter gives none.
    public var effective: CalendarDate
    /// 有效期至, inclusive.
    public var expires: CalendarDate?
    public var topics: [String]
    public var keywords: [String]
    public var supersedes: [String]
    public var repeal: Repeal?
    public var official: String?
    public var attachments: [Attachment]
    public var exempt: String?
    /// The official text, Markdown.
    public var body: String
    /// Links, headings and plain text of `body`, parsed once.
    public let bodyFacts: BodyFacts
    public let source: SourceFile
    /// Interpretations in the bundle, in file-name order.
    public var interpretations: [Interpretation]

    /// The bundle folder relative to the content root (`normative/<id>`).
    public var bundlePath: String { "\(kind.folder)/\(id)" }

    /// A title with 暂行 or 试行 is provisional and gets the shorter validity period.
    public var isProvisional: Bool { title.containsBytes("暂行") || title.containsBytes("试行") }

    /// `《title》`, the way Chinese text cites a document.
    public var quotedTitle: String { "《\(title)》" }
}

/// A policy interpretation (政策解读): any `*.md` in a bundle other than `index.md`.
public struct Interpretation: Sendable, Identifiable {
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
    public var title: String
    public var form: InterpretationForm
    public var published: CalendarDate
    public var office: String?
    public var media: Media?
    public var body: String
    public let bodyFacts: BodyFacts
    public let source: SourceFile
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
    public var published: CalendarDate
    /// When the results take effect; `published` by default.
    public var effective: CalendarDate
    public var results: [Result]
    public var body: String
    public let bodyFacts: BodyFacts
    public let source: SourceFile
}

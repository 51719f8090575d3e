import PolicyCore
import PolicyLoad
import PolicyModel

/// A check rule: one small unit with a stable code that looks at the library and reports
/// what breaks the publishing rules. Each rule lives in its own file under `Rules/`, is
/// listed in `RuleRegistry.all`, and has a line in docs/rules.md.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// `.file` (the default) or `.library`; see `RuleScope`.
    static var scope: RuleScope { get }
    init()
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// What a rule looks at, which decides what `check --changed-since` keeps of its findings.
public enum RuleScope: Sendable {
    /// One bundle, settings file or cleanup file at a time: findings are limited to the
    /// files a change touched.
    case file
    /// Relations across the library (references, duplicates, cycles, settings): always run
    /// on everything, since a change in one bundle can break another.
    case library
}

extension Rule {
    public static var scope: RuleScope { .file }

    public var descriptor: RuleDescriptor { Self.descriptor }

    /// A finding of this rule at `location`.
    func finding(
        _ location: SourceLocation, _ message: String, fix: String? = nil,
        severity: Severity? = nil
    ) -> Diagnostic {
        Diagnostic(Self.descriptor, at: location, message, fix: fix, severity: severity)
    }
}

/// Everything a rule may read: the files as loaded and the model built from them.
public struct CheckContext: Sendable {
    public let raw: RawLibrary
    public let library: Library
    /// Every Markdown file with its role (`RawLibrary.markdownFiles`), listed once for all
    /// the rules that read files, instead of each of them building it again.
    let markdownFiles: [(file: SourceFile, role: Schema.Role)]
    /// Each document's published bundle files, listed once for the rules that read them (PF011,
    /// PM005, PP003).
    private let publishedFilesByDocument: [String: [String]]
    /// The day scheduled publication is judged by (`--as-of`, default today).
    public let asOf: CalendarDate
    /// When a system library is checked as a whole: library.yml and each source's gate. The
    /// PL rules read it and find nothing without it; `library` is then the merged library
    /// (qualified ids) and `raw` is empty.
    public var system: SystemFacts?

    public init(raw: RawLibrary, library: Library, asOf: CalendarDate? = nil) {
        self.raw = raw
        self.library = library
        self.asOf = asOf ?? CalendarDate.today(in: library.site.timeZone)
        self.markdownFiles = raw.markdownFiles
        self.publishedFilesByDocument = Dictionary(
            library.documents.map { ($0.id, raw.publishedFiles(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bundle files the site publishes for `document` (`RawLibrary.publishedFiles(of:)`).
    func publishedFiles(of document: Document) -> [String] { publishedFilesByDocument[document.id] ?? [] }

    public var site: SiteConfig { library.site }
    public var calendar: WorkCalendar { library.calendar }
}

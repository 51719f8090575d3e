import PolicyCore

/// The content folder as read from disk, before any meaning is given to it: every file
/// split into front matter and body, every bundle with the files it holds. Rules that are
/// about the files themselves (syntax, unknown fields, missing files) look here.
public struct RawLibrary: Sendable {
    /// One folder under `regulations/`, `normative/` or `policies/`.
    public struct Bundle: Sendable {
        public let id: String
        public let kind: DocumentKind
        /// `normative/<id>` relative to the content root.
        public let path: String
        /// Shown in diagnostics: `content/normative/<id>/`.
        public let displayPath: String
        public let index: SourceFile?
        public let interpretations: [SourceFile]
        /// Every file in the bundle, relative to it (`图解.png`, `附件/表格.pdf`).
        public let files: Set<String>
        /// Its files that are text underneath (transcripts, captions, text and PDF
        /// attachments), read for the privacy and secrecy review, in path order.
        public var texts: [BundleText] = []
    }

    /// A YAML settings file (`site.yml`, `calendar.yml`) read whole as one mapping.
    public let site: SourceFile?
    public let calendar: SourceFile?
    public let bundles: [Bundle]
    public let cleanups: [SourceFile]
    /// Standalone Q&A entries: `qa/<id>.md`, one entry each (front matter, the answer as body).
    public let questionFiles: [SourceFile]
    /// Q&A batches: `qa/<batch>.yml`, a list of entries each.
    public let questionBatches: [QuestionBatch]
    /// What could not be read (unreadable files, symbolic links); PF001 and PF010 report them.
    public let loadProblems: [LoadProblem]
    /// The content folder as the user named it (`content`).
    public let displayRoot: String
    /// The content folder's absolute path.
    public let rootPath: String
    /// Position of each bundle by id (the first, if ids collide), so that a lookup per page
    /// does not scan every bundle — that was quadratic in the library's size.
    private let bundleIndex: [String: Int]

    public init(
        site: SourceFile?, calendar: SourceFile?, bundles: [Bundle], cleanups: [SourceFile],
        loadProblems: [LoadProblem], displayRoot: String, rootPath: String,
        questionFiles: [SourceFile] = [], questionBatches: [QuestionBatch] = []
    ) {
        self.questionFiles = questionFiles
        self.questionBatches = questionBatches
        self.site = site
        self.calendar = calendar
        self.bundles = bundles
        self.cleanups = cleanups
        self.loadProblems = loadProblems
        self.displayRoot = displayRoot
        self.rootPath = rootPath
        bundleIndex = Dictionary(bundles.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bundle with this id.
    public func bundle(id: String) -> Bundle? {
        bundleIndex[id].map { bundles[$0] }
    }
}

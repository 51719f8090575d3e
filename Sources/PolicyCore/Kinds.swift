/// The three kinds of document a bureau publishes, each with its own library page.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case regulation
    case normative
    case policy

    /// Accepts the English code or the Chinese name (`规章`, `行政规范性文件`, `其他政策文件`).
    public init?(alias: String) {
        if let kind = DocumentKind(rawValue: alias) { self = kind; return }
        guard let kind = DocumentKind.allCases.first(where: { $0.chinese == alias || $0.shortChinese == alias })
        else { return nil }
        self = kind
    }

    /// The content folder holding this kind's bundles.
    public var folder: String {
        switch self {
        case .regulation: "regulations"
        case .normative: "normative"
        case .policy: "policies"
        }
    }

    public var chinese: String {
        switch self {
        case .regulation: "规章"
        case .normative: "行政规范性文件"
        case .policy: "其他政策文件"
        }
    }

    var shortChinese: String {
        switch self {
        case .regulation: "规章"
        case .normative: "规范性文件"
        case .policy: "政策文件"
        }
    }

    /// The library page's name (规章库 …).
    public var libraryName: String {
        switch self {
        case .regulation: "规章库"
        case .normative: "规范性文件库"
        case .policy: "其他政策文件库"
        }
    }

    /// Whether the kind must carry a 文号 (regulations carry their order number there).
    public var requiresNumber: Bool { self != .policy }
}

/// The forms a policy interpretation (政策解读) takes.
public enum InterpretationForm: String, CaseIterable, Sendable, Codable {
    case text
    case qa
    case graphic
    case video
    case pressConference = "press-conference"
    case interview
    case animation
    case scenario
    // New cases go last: the search index stores a form as its position in `allCases`.
    case audio

    /// Accepts the English code, the Chinese label or one of the words bureaus use for it
    /// (`图文`, `卡通动漫`, `音视频` …).
    public init?(alias: String) {
        if let form = InterpretationForm(rawValue: alias) { self = form; return }
        guard let form = InterpretationForm.allCases.first(where: { $0.aliases.contains(alias) }) else { return nil }
        self = form
    }

    /// The label the site shows.
    public var chinese: String {
        switch self {
        case .text: "文字解读"
        case .qa: "问答"
        case .graphic: "图解"
        case .video: "视频解读"
        case .pressConference: "新闻发布会"
        case .interview: "访谈"
        case .animation: "动漫"
        case .scenario: "场景演示"
        case .audio: "音频解读"
        }
    }

    /// The Chinese words accepted for the form, the label first — the words government
    /// websites use for their 解读 columns (图文解读, 卡通动漫, 音视频 …).
    public var aliases: [String] {
        switch self {
        case .text: ["文字解读", "文字"]
        case .qa: ["问答", "问答解读"]
        case .graphic: ["图解", "图文", "图文解读", "图解解读"]
        case .video: ["视频解读", "视频", "音视频", "音视频解读"]
        case .pressConference: ["新闻发布会", "发布会"]
        case .interview: ["访谈", "在线访谈", "访谈解读"]
        case .animation: ["动漫", "卡通动漫", "动漫解读"]
        case .scenario: ["场景演示", "场景式解读"]
        case .audio: ["音频解读", "音频"]
        }
    }

    /// Forms whose `media` field must name a file.
    public var needsMedia: Bool { [.graphic, .video, .animation, .audio].contains(self) }
    /// Forms whose media is a moving picture and so needs captions or a transcript.
    public var isVideo: Bool { self == .video }
    /// Forms whose media is sound only: a transcript is the only way to read them.
    public var isAudio: Bool { self == .audio }
    /// Spoken forms: what the page carries (a summary, or the transcript) must cover the
    /// same topics as a text interpretation (`interpretation.must_cover`).
    public var isSpoken: Bool { [.video, .pressConference, .interview, .audio].contains(self) }
}

/// What a cleanup batch (清理) decided for one document.
public enum CleanupOutcome: String, CaseIterable, Sendable, Codable {
    case remains = "继续有效"
    case toBeAmended = "修改"
    case repealed = "废止"
    case declaredInvalid = "宣布失效"

    /// Whether the result ends the document's validity from the batch's effective date.
    public var endsValidity: Bool { self == .repealed || self == .declaredInvalid }
}

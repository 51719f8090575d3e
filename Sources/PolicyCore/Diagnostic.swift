/// Where something is in the content: a file shown as the user typed its folder, and a
/// 1-based line and column (column 1 when only the line is known).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    /// Something reviewers should see on every run (an exemption, a withheld or scheduled
    /// document); never fails the gate, not even with `--strict`.
    case notice
    case warning
    case error

    /// The word shown to the legal section.
    public var chinese: String {
        switch self {
        case .notice: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
    }

    private var rank: Int {
        switch self {
        case .notice: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of `policy check`: a rule, where, what is wrong and how to fix it — in Chinese.
public struct Diagnostic: Hashable, Sendable {
    public var rule: RuleDescriptor
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, naming the document or field concerned.
    public var message: String
    /// What to do about it.
    public var fix: String

    public init(
        _ rule: RuleDescriptor, at location: SourceLocation, _ message: String,
        fix: String? = nil, severity: Severity? = nil
    ) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.location = location
        self.message = message
        self.fix = fix ?? rule.fix
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var noticeCount: Int { filter { $0.severity == .notice }.count }

    /// Sorted the way a reader goes through a report: by file, then line, then rule.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.rule.code, $0.message) < ($1.location, $1.rule.code, $1.message) }
    }
}

/// The stable identity of a check rule: its code never changes or gets reused, so that
/// CI logs, suppressions and the docs table keep meaning the same thing.
public struct RuleDescriptor: Hashable, Sendable {
    /// `PC101`-style code: P, a category letter, three digits.
    public let code: String
    /// kebab-case alias, e.g. `missing-interpretation`.
    public let name: String
    public let severity: Severity
    /// One line, English, for docs/rules.md.
    public let summary: String
    /// The default fix, Chinese, shown under every finding of this rule.
    public let fix: String

    public init(code: String, name: String, severity: Severity, summary: String, fix: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.fix = fix
    }

    public static func == (a: RuleDescriptor, b: RuleDescriptor) -> Bool { a.code == b.code }
    public func hash(into h: inout Hasher) { h.combine(code) }
}

import PolicyCore
import PolicyLoad

/// A decision that a document needs no interpretation (`exempt`): why, who approved it and
/// when. The plain-string form (`exempt: 理由`) is still read, as a reason without approval,
/// so that PI007 can ask for the approver instead of the gate silently switching off.
public struct Exemption: Sendable, Equatable {
    public var reason: String
    public var approvedBy: String?
    public var approvedOn: CalendarDate?
    /// Written as a plain string rather than a mapping.
    public var isPlainString: Bool

    public init(reason: String, approvedBy: String? = nil, approvedOn: CalendarDate? = nil, isPlainString: Bool = false) {
        self.reason = reason
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.isPlainString = isPlainString
    }

    /// Reads `exempt` as a string or a `{reason, approved_by, approved_on}` mapping; nil when
    /// absent. A mapping without a reason still exempts (PI007 says what is missing).
    static func read(_ fm: FrontMatter) -> Exemption? {
        if let text = fm.string("exempt") { return Exemption(reason: text, isPlainString: true) }
        guard let m = fm.mapping("exempt") else { return nil }
        return Exemption(
            reason: m.string("reason") ?? "", approvedBy: m.string("approved_by"),
            approvedOn: m.date("approved_on"))
    }

    /// Whether reason, approver and date are all given: a complete decision.
    public var isDecision: Bool { !reason.isEmpty && approvedBy != nil && approvedOn != nil }

    /// How the public page and the report state it:
    /// `本文件经…于2025年3月1日批准不作政策解读。理由：…`.
    public var chinese: String {
        let approval: String
        switch (approvedBy, approvedOn) {
        case let (by?, on?): approval = "经\(by)于\(on.chinese)批准"
        case let (by?, nil): approval = "经\(by)批准"
        case let (nil, on?): approval = "于\(on.chinese)决定"
        case (nil, nil): approval = ""
        }
        return "本文件\(approval)不作政策解读。" + (reason.isEmpty ? "" : "理由：\(reason)")
    }
}

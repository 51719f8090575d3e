import PolicyLoad

/// 公开方式: whether a document is published on the site (主动公开) or only given out on
/// request (依申请公开) or not at all (不予公开). Only 主动公开 documents reach the site.
public enum Disclosure: String, CaseIterable, Sendable {
    case proactive = "主动公开"
    case onRequest = "依申请公开"
    case withheld = "不予公开"

    /// Also accepts English codes (`proactive`, `on-request`, `withheld`).
    public init?(alias: String) {
        switch alias {
        case "proactive", "public": self = .proactive
        case "on-request", "on_request": self = .onRequest
        case "withheld", "none": self = .withheld
        default:
            guard let value = Disclosure(rawValue: alias) else { return nil }
            self = value
        }
    }

    /// Read from front matter: absent means 主动公开; a value that cannot be read, or a field
    /// left empty (`disclosure:` waiting to be filled in), is treated as not public (PF006
    /// reports it), so neither a typo nor a blank ever publishes a document.
    static func read(_ fm: FrontMatter) -> Disclosure {
        guard fm.node("disclosure") != nil else { return .proactive }
        guard let text = fm.string("disclosure") else { return .withheld }
        return Disclosure(alias: text) ?? .withheld
    }

    public var isPublic: Bool { self == .proactive }
}

import PolicyCore

/// 省, 市 or 县: where a bureau stands in the system (`level:` in library.yml).
public enum SourceLevel: String, Sendable, CaseIterable, Comparable {
    case province = "省"
    case city = "市"
    case county = "县"

    /// `省级`, as the home page groups bureaus.
    public var heading: String { rawValue + "级" }

    public static func < (a: SourceLevel, b: SourceLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The bureau a document of a system library comes from: one source of library.yml.
public struct DocumentOrigin: Sendable, Hashable {
    /// The source's id (`city-a`): the first segment of its documents' system ids and URLs.
    public let source: String
    /// 发布机关 of the bureau, `issuer:` in library.yml.
    public let issuer: String
    public let level: SourceLevel
    public let region: String

    public init(source: String, issuer: String, level: SourceLevel, region: String) {
        self.source = source
        self.issuer = issuer
        self.level = level
        self.region = region
    }

    /// `<source>/<id>`: an id of this source as the system knows it.
    public func qualify(_ id: String) -> String { "\(source)/\(id)" }
}

import Foundation

/// Writes a new bundle for `policy new`: `index.md` with every field the kind needs and an
/// interpretation skeleton with the headings `must_cover` asks for, both dated today, so the
/// draft passes the same-day rule from the start.
public struct BundleScaffold {
    public let kind: DocumentKind
    public let id: String
    public let today: CalendarDate
    public let site: SiteConfig

    public init(kind: DocumentKind, id: String, today: CalendarDate, site: SiteConfig) {
        self.kind = kind
        self.id = id
        self.today = today
        self.site = site
    }

    /// The files to write, relative to the bundle folder.
    public var files: [(name: String, text: String)] {
        [("index.md", index), ("解读.md", interpretation)]
    }

    /// Writes the bundle under `content`; refuses to overwrite an existing one.
    @discardableResult
    public func write(into content: URL) throws -> URL {
        guard BundleID.isWellFormed(id) else {
            throw ScaffoldError("编号“\(id)”不符合要求：只能使用小写英文字母、数字和连字符（-），如 2026-food-labels。")
        }
        let folder = content.appendingPathComponent(kind.folder).appendingPathComponent(id)
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw ScaffoldError("\(folder.path) 已存在，未覆盖。请换一个编号。")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
        }
        return folder
    }

    private var index: String {
        let number: String
        switch kind {
        case .regulation: number = "number: 示例省人民政府令第1号   # 令号\n"
        case .normative: number = "number: 示市监规〔\(today.year)〕1号   # 文号\n"
        case .policy: number = "# number: 示市监发〔\(today.year)〕1号\n"
        }
        let expires = kind == .normative
            ? "expires: \(today.adding(years: site.validity.maxYears).adding(days: -1))   # 有效期至（不超过 \(site.validity.maxYears) 年）\n" : ""
        return """
        ---
        title: 请填写文件标题
        kind: \(kind.rawValue)
        \(number)office: 请填写起草处室
        signed: \(today)
        published: \(today)
        effective: \(today)
        \(expires)topics: []
        keywords: []
        ---

        第一条　请在此录入正式文本。

        """
    }

    private var interpretation: String {
        let headings = site.interpretation.mustCover.map { "## \($0.words.first ?? $0.topic)\n\n请填写。\n" }
        return """
        ---
        title: 《请填写文件标题》政策解读
        form: text
        published: \(today)
        ---

        \(headings.joined(separator: "\n"))
        """
    }
}

public struct ScaffoldError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The rule for bundle folder names: lower-case ASCII letters, digits and single hyphens.
public enum BundleID {
    public static func isWellFormed(_ id: String) -> Bool {
        guard let first = id.first, let last = id.last, first != "-", last != "-", !id.contains("--") else { return false }
        return id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

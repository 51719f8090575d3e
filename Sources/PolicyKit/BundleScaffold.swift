import Foundation
import Yams
import PolicyCore
import PolicyModel
import PolicyWrite

/// Writes a new bundle for `policy new`: `index.md` with every field the kind needs and an
/// interpretation skeleton with the headings `must_cover` asks for. What the author gave
/// (`Fields`) is filled in; the rest is a placeholder to replace. Dates default to today and
/// the interpretation is dated like the document, so the draft passes the same-day rule
/// from the start.
public struct BundleScaffold {
    /// What the author told `policy new` (flags or answers); nil means "not given yet".
    public struct Fields: Sendable, Equatable {
        public var title: String?
        /// 文号, or a regulation's order number.
        public var number: String?
        public var office: String?
        public var signed: CalendarDate?
        public var published: CalendarDate?
        public var effective: CalendarDate?
        public var expires: CalendarDate?

        public init(
            title: String? = nil, number: String? = nil, office: String? = nil, signed: CalendarDate? = nil,
            published: CalendarDate? = nil, effective: CalendarDate? = nil, expires: CalendarDate? = nil
        ) {
            self.title = title
            self.number = number
            self.office = office
            self.signed = signed
            self.published = published
            self.effective = effective
            self.expires = expires
        }
    }

    public let kind: DocumentKind
    public let id: String
    public let today: CalendarDate
    public let site: SiteConfig
    public let fields: Fields

    public init(kind: DocumentKind, id: String, today: CalendarDate, site: SiteConfig, fields: Fields = Fields()) {
        self.kind = kind
        self.id = id
        self.today = today
        self.site = site
        self.fields = fields.trimmed
    }

    /// The files to write, relative to the bundle folder.
    public var files: [(name: String, text: String)] {
        [("index.md", index), ("解读.md", interpretation)]
    }

    // MARK: - Dates, with their defaults

    public var signed: CalendarDate { fields.signed ?? today }
    /// Today, but never before the signing date.
    public var published: CalendarDate { fields.published ?? max(today, signed) }
    public var effective: CalendarDate { fields.effective ?? published }

    /// Normative documents only: the longest validity period `site.yml` allows (the shorter
    /// one for a 暂行/试行 title), counted from the effective date.
    public var expires: CalendarDate? {
        guard kind == .normative else { return fields.expires }
        if let given = fields.expires { return given }
        return effective.adding(years: maxYears).adding(days: -1)
    }

    private var maxYears: Int {
        let title = fields.title ?? ""
        return title.containsBytes("暂行") || title.containsBytes("试行") ? site.validity.maxYearsProvisional : site.validity.maxYears
    }

    /// Fields still holding a placeholder, by their Chinese name, for the next-steps message.
    public var placeholders: [String] {
        var missing: [String] = []
        if fields.title == nil { missing.append("标题") }
        if fields.number == nil && kind.requiresNumber { missing.append(kind == .regulation ? "令号" : "文号") }
        if fields.office == nil { missing.append("起草处室") }
        return missing
    }

    /// Writes the bundle under `content` (through `NewBundleFolder`); refuses to overwrite an
    /// existing one.
    @discardableResult
    public func write(into content: URL) throws -> URL {
        guard BundleID.isWellFormed(id) else {
            throw ScaffoldError("编号“\(id)”不符合要求：只能使用小写英文字母、数字和连字符（-），如 2026-food-labels。")
        }
        let folder = folder(in: content)
        guard try NewBundleFolder.write(files, into: folder) == .written else {
            throw ScaffoldError("\(folder.path) 已存在，未覆盖。请换一个编号。")
        }
        return folder
    }

    /// Where `write(into:)` puts the bundle.
    public func folder(in content: URL) -> URL {
        content.appendingPathComponent(kind.folder).appendingPathComponent(id)
    }

    // MARK: - Files

    private var index: String {
        let number: String
        if let given = fields.number {
            number = "number: \(YAMLText.scalar(given))\n"
        } else {
            switch kind {
            case .regulation: number = "number: 示例省人民政府令第1号   # 令号\n"
            case .normative: number = "number: 示市监规〔\(signed.year)〕1号   # 文号\n"
            case .policy: number = "# number: 示市监发〔\(signed.year)〕1号\n"
            }
        }
        let expires =
            self.expires.map { date in
                fields.expires == nil && kind == .normative
                    ? "expires: \(date)   # 有效期至（不超过 \(maxYears) 年）\n" : "expires: \(date)\n"
            } ?? ""
        return """
            ---
            title: \(fields.title.map(YAMLText.scalar) ?? "请填写文件标题")
            kind: \(kind.rawValue)
            \(number)office: \(fields.office.map(YAMLText.scalar) ?? "请填写起草处室")
            signed: \(signed)
            published: \(published)
            effective: \(effective)
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
            title: \(YAMLText.scalar("《\(fields.title ?? "请填写文件标题")》政策解读"))
            form: text
            published: \(published)
            ---

            \(headings.joined(separator: "\n"))
            """
    }
}

extension BundleScaffold.Fields {
    /// Blank answers count as not given; surrounding spaces are dropped.
    var trimmed: Self {
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        var copy = self
        copy.title = clean(title)
        copy.number = clean(number)
        copy.office = clean(office)
        return copy
    }
}

/// Writing a string the author typed as one YAML scalar, by Yams' emitter (libyaml): plain
/// when YAML would read it back unchanged as a string, quoted otherwise (`关于: 试点`,
/// `2024-01-01`, `yes`). The scaffold's lines carry comments, so the files are laid out as
/// text and only the values go through the emitter.
enum YAMLText {
    static func scalar(_ s: String) -> String {
        let single = s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        // One line however long (width -1), Chinese as it is (allowUnicode).
        guard var text = try? Yams.dump(object: single, width: -1, allowUnicode: true) else { return "\"\"" }
        // A top-level plain scalar may be followed by the document-end marker.
        if text.hasSuffix("\n...\n") { text.removeLast(5) }
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

public struct ScaffoldError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

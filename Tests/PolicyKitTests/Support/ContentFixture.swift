import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// A content folder for one test: the minimal *valid* library below, changed by the test,
/// written to a temporary directory and run through `Pipeline.check` exactly as
/// `policy check content` would.
///
/// The base library has one normative document (`normative/2024-food-labels/index.md`) with
/// a text interpretation (`解读.md`), a `site.yml` with the spec's settings and a
/// `calendar.yml` with the real 2024 holidays and make-up workdays (国办发明电〔2023〕7号).
/// Its line numbers are fixed, so tests can name them: in `index.md` line 3 is `number`,
/// 5 `signed`, 6 `published`, 7 `effective`, 8 `expires`, 11 the first body paragraph;
/// in `解读.md` line 3 is `form`, 4 `published`, 7 the first heading.
struct ContentFixture: EditableFixture {
    static let docID = "2024-food-labels"
    static let doc = "normative/2024-food-labels/index.md"
    static let interp = "normative/2024-food-labels/解读.md"
    static let bundle = "normative/2024-food-labels"
    /// The body `addDocument` gives a document unless told otherwise.
    static let defaultBody = "第一条 为加强本省相关领域监督管理，依据有关规定，结合工作实际，制定本文件。"

    /// Files relative to the content folder.
    private(set) var files: [String: Data]

    /// The minimal valid library.
    init() {
        files = ContentFixture.minimal.mapValues { Data($0.utf8) }
    }

    /// The minimal library with `changes` applied: a text replaces or adds a file, nil removes it.
    init(_ changes: [String: String?]) {
        self.init()
        for (path, text) in changes { self[path] = text }
    }

    subscript(path: String) -> String? {
        get { files[path].map { String(decoding: $0, as: UTF8.self) } }
        set { files[path] = newValue.map { Data($0.utf8) } }
    }

    mutating func setBytes(_ path: String, _ data: Data) { files[path] = data }

    mutating func remove(_ path: String) { files[path] = nil }

    /// Moves every file under `folder/` to `destination/` (e.g. to turn the base document
    /// into a regulation, or give its bundle another id).
    mutating func move(_ folder: String, to destination: String) {
        for (path, data) in files where path.hasPrefix(folder + "/") {
            files[path] = nil
            files[destination + path.dropFirst(folder.count)] = data
        }
    }

    /// Adds a bundle `folder/id` holding `index.md` with the given front matter lines, and —
    /// unless `interpretation` is nil — a valid text interpretation published that day.
    mutating func addDocument(
        _ bundle: String, _ frontMatter: String, interpretation published: String?,
        body: String = ContentFixture.defaultBody
    ) {
        self["\(bundle)/index.md"] = "---\n\(frontMatter)\n---\n\n\(body)\n"
        if let published {
            self["\(bundle)/解读.md"] = ContentFixture.textInterpretation(published: published)
        }
    }

    /// Adds a bundle `folder/id` holding `index.md` written from `frontMatter` (usually
    /// `FrontMatter.normative.with([...])`), and — unless `interpretation` is nil — a valid
    /// text interpretation published that day.
    mutating func addDocument(
        _ bundle: String, _ frontMatter: FrontMatter, interpretation published: String?,
        body: String = ContentFixture.defaultBody
    ) {
        addDocument(bundle, frontMatter.yaml, interpretation: published, body: body)
    }

    /// A text interpretation that covers all three default topics; `extra` is one more
    /// `field: value` line of front matter.
    static func textInterpretation(title: String = "政策解读", published: String, extra: String = "") -> String {
        var frontMatter = FrontMatter.textInterpretation.with(["title": title, "published": published])
        if let colon = extra.range(of: ": ") {
            frontMatter = frontMatter.with([String(extra[..<colon.lowerBound]): String(extra[colon.upperBound...])])
        }
        return frontMatter.document(
            body: """
                ## 一、背景和依据

                近年来群众反映较多的问题集中在这一领域，省局在调研基础上起草了本文件。

                ## 二、主要内容

                文件明确了经营者的义务和监管部门的职责，办事群众可以对照执行。

                ## 三、关键词解释

                经营者：从事商品生产经营或者提供服务的自然人、法人和非法人组织。

                """)
    }

    /// Writes the folder to `root` (created if needed), replacing files it already holds.
    func write(to root: URL) throws {
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    /// Writes the folder, checks it with `content` as the shown root (scheduled publication
    /// judged at `asOf`, today by default), and removes it again.
    func check(asOf: String? = nil) throws -> CheckResult {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("policy-fixture-\(UUID().uuidString)", isDirectory: true)
        let root = base.appendingPathComponent("content", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return CheckResult(checked: try Pipeline.check(content: root, displayRoot: "content", asOf: asOf.flatMap(CalendarDate.init)))
    }

    // MARK: - The minimal valid library

    static let site = """
        title: 测试用政策文件库
        base_url: https://www.example.gov.cn/zcwj/
        issuer: 示例省市场监督管理局
        language: zh-CN
        timezone: Asia/Shanghai
        interpretation:
          required_for: [regulation, normative, policy]
          required_since: 2019-01-01
          max_lag_working_days: 0
        validity:
          max_years: 5
          max_years_provisional: 2
        disclosure:
          max_working_days: 20

        """

    /// 2024 per 国办发明电〔2023〕7号. Ranges include the weekends inside them.
    static let calendar = """
        holidays:
          - 2024-01-01              # 元旦
          - 2024-02-10..2024-02-17  # 春节
          - 2024-04-04..2024-04-06  # 清明节
          - 2024-05-01..2024-05-05  # 劳动节
          - 2024-06-10              # 端午节
          - 2024-09-15..2024-09-17  # 中秋节
          - 2024-10-01..2024-10-07  # 国庆节
        workdays: [2024-02-04, 2024-02-18, 2024-04-07, 2024-04-28, 2024-05-11, 2024-09-14, 2024-09-29, 2024-10-12]

        """

    static let document = FrontMatter.normative.document(body: documentBody)

    /// The base document's three articles (lines 11, 13 and 15 once written).
    static let documentBody = """
        第一条 为规范本省预包装食品标签标识行为，保障消费者知情权，根据有关法律法规，制定本办法。

        第二条 在本省行政区域内生产、销售预包装食品的经营者，应当遵守本办法。

        第三条 食品标签应当清晰标注生产日期、保质期和贮存条件，字体高度不得小于一点八毫米。

        """

    static let interpretation = FrontMatter.textInterpretation.document(
        body: """
            ## 一、背景和依据

            近年来消费者对食品标签“看不清、看不懂”的投诉逐年增多，省局在调研基础上起草了这份办法。

            ## 二、主要内容

            办法把字号下限、必须标注的事项和网店展示要求讲清楚，让经营者照着做就能合规。

            ## 三、关键词解释

            预包装食品：预先定量包装或者制作在包装材料、容器中的食品。

            """)

    static let minimal: [String: String] = [
        "site.yml": site,
        "calendar.yml": calendar,
        doc: document,
        interp: interpretation,
    ]
}

/// What `Pipeline.check` found in a fixture, with assertions that name code, severity and
/// position, and print every finding when they fail.
struct CheckResult {
    let checked: Pipeline.Checked

    var diagnostics: [Diagnostic] { checked.diagnostics }
    var library: Library { checked.library }

    func findings(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.rule.code == code } }

    /// Asserts a finding of `code` with this severity at this file and line (and column,
    /// and a message containing `message`, when given). Returns it for further checks.
    @discardableResult
    func assertFinds(
        _ code: String, _ severity: Severity, file path: String, line: Int, column: Int? = nil,
        message: String? = nil, testFile: StaticString = #filePath, testLine: UInt = #line
    ) -> Diagnostic? {
        let shown = path.hasPrefix("content/") ? path : "content/" + path
        let candidates = findings(code)
        let hit = candidates.first { d in
            d.severity == severity && d.location.file == shown && d.location.line == line
                && (column == nil || d.location.column == column)
                && (message == nil || d.message.contains(message!))
        }
        if hit == nil {
            let want = "\(shown):\(line)\(column.map { ":\($0)" } ?? "") \(severity.rawValue) [\(code)]\(message.map { " …\($0)…" } ?? "")"
            XCTFail(
                "expected \(want)\n\(candidates.isEmpty ? "no \(code) finding; all findings:" : "\(code) findings:")\n\(describe(candidates.isEmpty ? diagnostics : candidates))",
                file: testFile, line: testLine)
        }
        return hit
    }

    /// Asserts that `code` reports nothing (optionally: nothing in `path`).
    func assertClean(_ code: String, file path: String? = nil, testFile: StaticString = #filePath, testLine: UInt = #line) {
        let shown = path.map { $0.hasPrefix("content/") ? $0 : "content/" + $0 }
        let hits = findings(code).filter { shown == nil || $0.location.file == shown }
        if !hits.isEmpty {
            XCTFail("expected no \(code) finding, got:\n\(describe(hits))", file: testFile, line: testLine)
        }
    }

    /// Asserts that nothing at all is reported.
    func assertNoFindings(testFile: StaticString = #filePath, testLine: UInt = #line) {
        if !diagnostics.isEmpty {
            XCTFail("expected a clean check, got:\n\(describe(diagnostics))", file: testFile, line: testLine)
        }
    }

    /// Asserts that no *error* is reported (warnings allowed).
    func assertNoErrors(testFile: StaticString = #filePath, testLine: UInt = #line) {
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            XCTFail("expected no errors, got:\n\(describe(errors))", file: testFile, line: testLine)
        }
    }

    private func describe(_ list: [Diagnostic]) -> String {
        list.isEmpty
            ? "  (none)"
            : list.map { d in
                "  \(d.location.file):\(d.location.line):\(d.location.column) \(d.severity.rawValue) [\(d.rule.code) \(d.rule.name)] \(d.message)"
            }.joined(separator: "\n")
    }
}

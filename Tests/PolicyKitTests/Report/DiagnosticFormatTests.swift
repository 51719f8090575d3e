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

final class DiagnosticFormatTests: XCTestCase {
    private let error = Diagnostic(
        RequiredFieldsPresent.descriptor,
        at: SourceLocation(file: "content/normative/x/index.md", line: 4, column: 1),
        "缺少必填字段“office”（起草处室）。", fix: "在 front matter 中添加一行：office: 法规处")
    private let warning = Diagnostic(
        KnownFieldsOnly.descriptor,
        at: SourceLocation(file: "content/normative/x/解读.md", line: 3, column: 7),
        "未知字段“titel”。是否应为“title”？")

    /// Compiler style, so editors and terminals link the position: `file:line:col: 错误 [CODE name] message`.
    func testText() {
        let lines = DiagnosticFormat.text.render([error, warning]).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "content/normative/x/index.md:4:1: 错误 [PF004 required-field] 缺少必填字段“office”（起草处室）。")
        XCTAssertEqual(lines[1], "    修改方法：在 front matter 中添加一行：office: 法规处")
        XCTAssertEqual(lines[2], "content/normative/x/解读.md:3:7: 警告 [PF003 unknown-field] 未知字段“titel”。是否应为“title”？")
        XCTAssertEqual(lines[3], "    修改方法：\(KnownFieldsOnly.descriptor.fix)")
        XCTAssertEqual(lines[4], "共发现 1 个错误、1 个警告。有错误时不能发布。")
    }

    private let notice = Diagnostic(
        WithheldIsListed.descriptor,
        at: SourceLocation(file: "content/normative/y/index.md", line: 9, column: 13),
        "《某办法》（normative/y）公开方式为“依申请公开”，不在网站发布。")

    /// A notice is shown in every format but never counts as a problem.
    func testNoticeInEveryFormat() throws {
        let text = DiagnosticFormat.text.render([notice])
        XCTAssertTrue(text.hasPrefix("content/normative/y/index.md:9:13: 提示 [PS002 withheld] "), text)
        XCTAssertTrue(text.hasSuffix("检查通过：没有发现问题。另有 1 条提示（不影响发布）。\n"), text)
        let github = DiagnosticFormat.github.render([notice, warning])
        XCTAssertTrue(github.hasPrefix("::notice file=content/normative/y/index.md,line=9,col=13,title=PS002 withheld::"), github)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DiagnosticFormat.json.render([notice]).utf8)) as? [String: Any])
        XCTAssertEqual(object["notices"] as? Int, 1)
        XCTAssertEqual(object["errors"] as? Int, 0)
        XCTAssertEqual(object["warnings"] as? Int, 0)
        XCTAssertEqual((object["diagnostics"] as? [[String: Any]])?.first?["severity"] as? String, "notice")
        XCTAssertTrue(Severity.notice < .warning && Severity.warning < .error)
    }

    func testTextWhenClean() {
        XCTAssertEqual(DiagnosticFormat.text.render([]), "检查通过：没有发现问题。\n")
        XCTAssertEqual(DiagnosticFormat.summary([warning]), "共发现 0 个错误、1 个警告。")
    }

    func testJSONParses() throws {
        let output = DiagnosticFormat.json.render([error, warning])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
        XCTAssertEqual(object["warnings"] as? Int, 1)
        let items = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0]["code"] as? String, "PF004")
        XCTAssertEqual(items[0]["rule"] as? String, "required-field")
        XCTAssertEqual(items[0]["severity"] as? String, "error")
        XCTAssertEqual(items[0]["file"] as? String, "content/normative/x/index.md")
        XCTAssertEqual(items[0]["line"] as? Int, 4)
        XCTAssertEqual(items[0]["column"] as? Int, 1)
        XCTAssertEqual(items[0]["message"] as? String, error.message)
        XCTAssertEqual(items[0]["fix"] as? String, error.fix)
        XCTAssertEqual(items[1]["severity"] as? String, "warning")
    }

    func testGitHubAnnotations() {
        let lines = DiagnosticFormat.github.render([error, warning]).split(separator: "\n")
        XCTAssertEqual(
            lines[0],
            "::error file=content/normative/x/index.md,line=4,col=1,title=PF004 required-field::缺少必填字段“office”（起草处室）。 修改方法：在 front matter 中添加一行：office: 法规处")
        XCTAssertTrue(lines[1].hasPrefix("::warning file=content/normative/x/解读.md,line=3,col=7,title=PF003 unknown-field::"))
        XCTAssertEqual(lines.last, "共发现 1 个错误、1 个警告。有错误时不能发布。")
    }

    /// Properties escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF.
    func testGitHubEscaping() {
        let odd = Diagnostic(
            RequiredFieldsPresent.descriptor,
            at: SourceLocation(file: "content/a,b:c%d.md", line: 2, column: 3),
            "第一行 100%\n第二行\r", fix: "a: b, c")
        let line = DiagnosticFormat.github.render([odd]).split(separator: "\n")[0]
        XCTAssertEqual(line, "::error file=content/a%2Cb%3Ac%25d.md,line=2,col=3,title=PF004 required-field::第一行 100%25%0A第二行%0D 修改方法：a: b, c")
    }

    func testEveryFormatHasARenderer() {
        XCTAssertEqual(Set(DiagnosticFormat.allCases.map(\.rawValue)), ["text", "json", "github"])
    }
}

import XCTest
import Yams
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// `policy new`: what the author gave is written, the rest defaults, and the draft passes.
final class BundleScaffoldTests: XCTestCase {
    private let today = CalendarDate("2024-06-03")!

    private func text(_ scaffold: BundleScaffold, _ name: String) -> String {
        scaffold.files.first { $0.name == name }!.text
    }

    func testFieldsAreWrittenAndDatesDefault() {
        let s = BundleScaffold(
            kind: .normative, id: "2024-cold-chain", today: today, site: SiteConfig(),
            fields: .init(
                title: "示例省冷链食品管理办法", number: "示市监规〔2024〕5号", office: " 食品安全协调处 ",
                signed: CalendarDate("2024-05-30")))
        let index = text(s, "index.md")
        XCTAssertTrue(index.contains("title: 示例省冷链食品管理办法\n"))
        XCTAssertTrue(index.contains("number: 示市监规〔2024〕5号\n"))
        XCTAssertTrue(index.contains("office: 食品安全协调处\n"))
        XCTAssertTrue(index.contains("signed: 2024-05-30\npublished: 2024-06-03\neffective: 2024-06-03\n"))
        XCTAssertTrue(index.contains("expires: 2029-06-02"))
        XCTAssertEqual(s.placeholders, [])
        let interpretation = text(s, "解读.md")
        XCTAssertTrue(interpretation.contains("title: 《示例省冷链食品管理办法》政策解读\n"))
        XCTAssertTrue(interpretation.contains("published: 2024-06-03\n"))
    }

    func testProvisionalTitleGetsTheShorterPeriod() {
        let s = BundleScaffold(
            kind: .normative, id: "x", today: today, site: SiteConfig(),
            fields: .init(title: "示例省直播营销管理暂行办法", effective: CalendarDate("2024-07-01")))
        XCTAssertEqual(s.expires, CalendarDate("2026-06-30"))
        XCTAssertEqual(s.placeholders, ["文号", "起草处室"])
    }

    /// Every value reads back as the string typed, on one line; text YAML would read as
    /// something else (a date, a boolean, a mapping, a list) is quoted, plain text is not.
    func testAwkwardTextIsQuoted() throws {
        XCTAssertEqual(YAMLText.scalar("示例省食品标签管理办法"), "示例省食品标签管理办法")
        let awkward = [
            "关于: 试点", "[草案]标题", "2024-01-01", "yes", "引号\"与\\", "\"引号\"与\\", "# 标题", "- 项", "~",
            "  前后空格  ", "制表\t符", "&anchor", "*alias", "{a: b}", "123", "1e3", String(repeating: "长", count: 300),
        ]
        for text in awkward {
            let written = YAMLText.scalar(text)
            XCTAssertFalse(written.contains("\n"), written)
            let read = try Yams.load(yaml: "title: \(written)\n") as? [String: Any]
            XCTAssertEqual(read?["title"] as? String, text, "written as \(written)")
        }
        for text in ["关于: 试点", "2024-01-01", "yes", "~"] {
            XCTAssertNotEqual(YAMLText.scalar(text), text, "must be quoted")
        }
        // Line breaks typed into a prompt become spaces: a title is one line.
        XCTAssertEqual(try Yams.load(yaml: "t: \(YAMLText.scalar("甲\n乙"))") as? [String: String], ["t": "甲 乙"])
    }

    /// The written draft, added to a valid library, passes `policy check` without errors,
    /// and every given field reads back as given.
    func testDraftPassesTheCheck() throws {
        var fixture = ContentFixture()
        let s = BundleScaffold(
            kind: .normative, id: "2024-cold-chain", today: CalendarDate("2024-06-03")!, site: SiteConfig(),
            fields: .init(title: "示例省冷链食品管理办法: 试行", number: "示市监规〔2024〕5号", office: "食品安全协调处"))
        for file in s.files { fixture["normative/2024-cold-chain/\(file.name)"] = file.text }
        let result = try fixture.check()
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.rule.code) \($0.location.file) \($0.message)" }, [])
        let document = try XCTUnwrap(result.library.document("2024-cold-chain"))
        XCTAssertEqual(document.title, "示例省冷链食品管理办法: 试行")
        XCTAssertEqual(document.number, "示市监规〔2024〕5号")
        XCTAssertEqual(document.expires, CalendarDate("2026-06-02"))
    }

    /// `policy new` writes both files into a new folder and never into an existing one.
    func testWritesANewFolderAndRefusesAnExistingOne() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("policy-scaffold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        let s = BundleScaffold(
            kind: .policy, id: "2024-cold-chain", today: CalendarDate("2024-06-03")!, site: SiteConfig(),
            fields: .init(title: "示例省冷链食品工作方案", office: "食品安全协调处"))
        let folder = try s.write(into: content)
        XCTAssertEqual(folder.path, content.appendingPathComponent("policies/2024-cold-chain").path)
        for file in s.files {
            XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8), file.text)
        }
        try Data("作者已改过的正文\n".utf8).write(to: folder.appendingPathComponent("index.md"))
        XCTAssertThrowsError(try s.write(into: content)) { error in
            XCTAssertTrue("\(error)".contains("已存在"), "\(error)")
        }
        XCTAssertEqual(
            try String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8), "作者已改过的正文\n",
            "an existing bundle is never overwritten")
    }
}

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

/// Every field's shape is checked (PF004 for a required field, PF006 otherwise), at the
/// value's own line and column (marked 1️⃣ in each case), so that whatever `check` passes,
/// `build` renders.
final class FieldShapeTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// One malformed value: the file, the line replaced, its replacement (1️⃣ marking where
    /// the finding points), and the finding expected.
    struct Case {
        let file: String
        let old: String
        let new: String
        let code: String
        let message: String
    }

    /// The cases, each of which passed `check` and then lost the document or a part of it.
    static let cases: [Case] = [
        Case(
            file: ContentFixture.doc, old: "title: 示例省食品标签管理办法", new: "title: 1️⃣[甲, 乙]",
            code: "PF004", message: "字段“title”应为一个值"),
        Case(
            file: ContentFixture.doc, old: "published: 2024-03-08", new: "published: 1️⃣[2024-03-08]",
            code: "PF004", message: "这里是列表"),
        Case(
            file: ContentFixture.doc, old: "signed: 2024-03-01", new: "signed: 1️⃣{a: b}",
            code: "PF004", message: "这里是映射"),
        Case(
            file: ContentFixture.doc, old: "number: 示市监规〔2024〕3号", new: "number: 1️⃣[示市监规〔2024〕3号]",
            code: "PF004", message: "“number”"),
        Case(
            file: ContentFixture.doc, old: "office: 食品安全协调处", new: "office:\n  1️⃣- 食品安全协调处",
            code: "PF004", message: "“office”"),
        Case(
            file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 1️⃣[2029-03-31]",
            code: "PF006", message: "“expires”"),
        Case(
            file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nrepealed: 1️⃣2025-01-01",
            code: "PF006", message: "“repealed”应为映射"),
        Case(
            file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nrepealed: 1️⃣{ by: x }",
            code: "PF004", message: "缺少“date”"),
        Case(
            file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\ntopics: [1️⃣[食品, 标签]]",
            code: "PF006", message: "“topics[1]”"),
        Case(
            file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nattachments: [1️⃣附件1.pdf]",
            code: "PF006", message: "“attachments[1]”应为映射"),
        Case(
            file: ContentFixture.interp, old: "form: text", new: "form: 1️⃣[text]",
            code: "PF004", message: "“form”"),
        Case(
            file: ContentFixture.interp, old: "published: 2024-03-08", new: "published: 1️⃣[2024-03-08, 2024-03-09]",
            code: "PF004", message: "“published”"),
        Case(
            file: ContentFixture.interp, old: "form: text", new: "form: video\nmedia: 1️⃣x.mp4",
            code: "PF004", message: "“media”应为映射"),
        Case(
            file: ContentFixture.interp, old: "published: 2024-03-08", new: "published: 2024-03-08\nmedia: { file: 1️⃣[a.png] }",
            code: "PF006", message: "“media.file”"),
        Case(
            file: "site.yml", old: "issuer: 示例省市场监督管理局", new: "issuer: 1️⃣[示例省市场监督管理局]",
            code: "PF006", message: "“issuer”"),
        Case(
            file: "calendar.yml", old: "workdays: [2024-02-04,", new: "workdays: [1️⃣[2024-02-04], ",
            code: "PF006", message: "“workdays[1]”"),
    ]

    func testEachMalformedValueIsAnErrorAtItsPosition() throws {
        for c in Self.cases {
            var fixture = MarkedFixture()
            fixture.replace(in: c.file, c.old, with: c.new)
            let finding = try fixture.check().assertFindings(["1️⃣": .error(c.code, c.message)]).first
            XCTAssertTrue(finding?.fix.contains("写作：") == true, "the fix shows an example: \(c.new)")
        }
    }

    /// A cleanup batch: a result given as a plain string, and a result without `result`.
    func testCleanupResultsShapes() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] =
            "---\ntitle: 2024 年清理结果\npublished: 2024-12-20\nresults:\n  - 1️⃣2024-food-labels\n  - 2️⃣{ document: 2024-food-labels }\n---\n"
        try fixture.check().assertFindings([
            "1️⃣": .error("PF006", "“results[1]”应为映射"),
            "2️⃣": .error("PF004", "“results[2]”缺少“result”"),
        ])
    }

    /// A null value is the same as leaving the field out; the same values in the right shape pass.
    func testRightShapesAndNullsPass() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ntopics: [食品, 标签]\nissuer: 示例省市场监督管理局\nkeywords: ~\nrepealed:")
        fixture.replace(in: interp, "form: text", with: "form: text\noffice:")
        try fixture.check().assertNoFindings()
    }

    /// Whatever `check` passes, `build` renders: for every case, either the check reports an
    /// error (and nothing is built), or the document and its interpretation are on the site.
    func testCheckPassesOnlyWhatBuildRenders() throws {
        let variants =
            Self.cases + [
                // Shapes that are fine must build.
                Case(
                    file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nissuer: [甲局, 乙局]",
                    code: "", message: ""),
                Case(
                    file: ContentFixture.doc, old: "title: 示例省食品标签管理办法", new: "title: 2024",
                    code: "", message: ""),
            ]
        for c in variants {
            var fixture = MarkedFixture()
            fixture.replace(in: c.file, c.old, with: c.new)
            let hostile = HostileFixture(fixture.content)
            let (result, site) = try hostile.build()
            if result.diagnostics.contains(where: { $0.severity == .error }) {
                XCTAssertFalse(FileManager.default.fileExists(atPath: site.path), "nothing is built on errors: \(c.new)")
                continue
            }
            XCTAssertTrue(c.code.isEmpty, "check passed \(c.new)")
            let page = site.appendingPathComponent("d/\(ContentFixture.docID)/index.html")
            XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), "document page for \(c.new)")
            let interpretation = site.appendingPathComponent("d/\(ContentFixture.docID)/解读/index.html")
            XCTAssertTrue(FileManager.default.fileExists(atPath: interpretation.path), "interpretation page for \(c.new)")
        }
    }

    /// Every table field is a known field, and every field a rule reads is in a table.
    func testShapeTablesAgreeWithFieldLists() {
        XCTAssertEqual(Set(Schema.documentFields).count, Schema.documentFields.count)
        XCTAssertEqual(Schema.nested["attachments"], ["file", "title"])
        XCTAssertEqual(Schema.nested["media"], ["file", "alt", "poster", "captions", "transcript"])
        XCTAssertEqual(Schema.nested["results"], ["document", "result", "note"])
        XCTAssertEqual(Schema.nested["repealed"], ["date", "by", "note"])
    }
}

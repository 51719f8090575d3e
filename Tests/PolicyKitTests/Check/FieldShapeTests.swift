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
/// value's own line and column, so that whatever `check` passes, `build` renders.
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class FieldShapeTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// One malformed value: the file, the line replaced, its replacement, and the finding expected.
    struct Case {
        let file: String
        let old: String
        let new: String
        let code: String
        let line: Int
        let column: Int
        let message: String
    }

    /// The cases, each of which passed `check` and then lost the document or a part of it.
    static let cases: [Case] = [
        Case(file: ContentFixture.doc, old: "title: 示例省食品标签管理办法", new: "title: [甲, 乙]",
             code: "PF004", line: 2, column: 8, message: "字段“title”应为一个值"),
        Case(file: ContentFixture.doc, old: "published: 2024-03-08", new: "published: [2024-03-08]",
             code: "PF004", line: 6, column: 12, message: "这里是列表"),
        Case(file: ContentFixture.doc, old: "signed: 2024-03-01", new: "signed: {a: b}",
             code: "PF004", line: 5, column: 9, message: "这里是映射"),
        Case(file: ContentFixture.doc, old: "number: 示市监规〔2024〕3号", new: "number: [示市监规〔2024〕3号]",
             code: "PF004", line: 3, column: 9, message: "“number”"),
        Case(file: ContentFixture.doc, old: "office: 食品安全协调处", new: "office:\n  - 食品安全协调处",
             code: "PF004", line: 5, column: 3, message: "“office”"),
        Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: [2029-03-31]",
             code: "PF006", line: 8, column: 10, message: "“expires”"),
        Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nrepealed: 2025-01-01",
             code: "PF006", line: 9, column: 11, message: "“repealed”应为映射"),
        Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nrepealed: { by: x }",
             code: "PF004", line: 9, column: 11, message: "缺少“date”"),
        Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\ntopics: [[食品, 标签]]",
             code: "PF006", line: 9, column: 10, message: "“topics[1]”"),
        Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nattachments: [附件1.pdf]",
             code: "PF006", line: 9, column: 15, message: "“attachments[1]”应为映射"),
        Case(file: ContentFixture.interp, old: "form: text", new: "form: [text]",
             code: "PF004", line: 3, column: 7, message: "“form”"),
        Case(file: ContentFixture.interp, old: "published: 2024-03-08", new: "published: [2024-03-08, 2024-03-09]",
             code: "PF004", line: 4, column: 12, message: "“published”"),
        Case(file: ContentFixture.interp, old: "form: text", new: "form: video\nmedia: x.mp4",
             code: "PF004", line: 4, column: 8, message: "“media”应为映射"),
        Case(file: ContentFixture.interp, old: "published: 2024-03-08", new: "published: 2024-03-08\nmedia: { file: [a.png] }",
             code: "PF006", line: 5, column: 16, message: "“media.file”"),
        Case(file: "site.yml", old: "issuer: 示例省市场监督管理局", new: "issuer: [示例省市场监督管理局]",
             code: "PF006", line: 3, column: 9, message: "“issuer”"),
        Case(file: "calendar.yml", old: "workdays: [2024-02-04,", new: "workdays: [[2024-02-04], ",
             code: "PF006", line: 9, column: 12, message: "“workdays[1]”"),
    ]

    func testEachMalformedValueIsAnErrorAtItsPosition() throws {
        for c in Self.cases {
            var fixture = ContentFixture()
            fixture.replace(in: c.file, c.old, with: c.new)
            let result = try fixture.check()
            result.assertFinds(c.code, .error, file: c.file, line: c.line, column: c.column, message: c.message)
            let finding = result.findings(c.code).first { $0.message.contains(c.message) }
            XCTAssertTrue(finding?.fix.contains("写作：") == true, "the fix shows an example: \(c.new)")
        }
    }

    /// A cleanup batch: a result given as a plain string, and a result without `result`.
    func testCleanupResultsShapes() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = "---\ntitle: 2024 年清理结果\npublished: 2024-12-20\nresults:\n  - 2024-food-labels\n  - { document: 2024-food-labels }\n---\n"
        let result = try fixture.check()
        result.assertFinds("PF006", .error, file: "cleanup/2024.md", line: 5, column: 5, message: "“results[1]”应为映射")
        result.assertFinds("PF004", .error, file: "cleanup/2024.md", line: 6, column: 5, message: "“results[2]”缺少“result”")
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
        let variants = Self.cases + [
            // Shapes that are fine must build.
            Case(file: ContentFixture.doc, old: "expires: 2029-03-31", new: "expires: 2029-03-31\nissuer: [甲局, 乙局]",
                 code: "", line: 0, column: 0, message: ""),
            Case(file: ContentFixture.doc, old: "title: 示例省食品标签管理办法", new: "title: 2024",
                 code: "", line: 0, column: 0, message: ""),
        ]
        for c in variants {
            var fixture = ContentFixture()
            fixture.replace(in: c.file, c.old, with: c.new)
            let hostile = HostileFixture(fixture)
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

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

/// PF006 unknown-value (`ValuesAreKnown`).
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class ValuesAreKnownTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    func testUnknownKind() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法\nkind: 1️⃣规范文件")
        try fixture.check().assertFindings(["1️⃣": .error("PF006", "规范文件")])
    }

    /// `disclosure:` left empty is not the default: the document is withheld until it is filled in.
    func testEmptyDisclosureIsAnErrorAndWithholdsTheDocument() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法\ndisclosure:1️⃣")
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .error("PF006", "公开方式（disclosure）为空")])
        XCTAssertFalse(try XCTUnwrap(result.library.document(ContentFixture.docID)).disclosure.isPublic)
    }

    /// The Chinese names are accepted as aliases of the kinds.
    func testChineseKindAlias() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法\nkind: 行政规范性文件")
        try fixture.check().assertNoFindings()
    }

    func testUnknownForm() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "form: text", with: "form: 1️⃣txt")
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .error("PF006", "是否应为“text”")])
        // The file is there, only unreadable: no "missing interpretation" on top.
        result.assertClean("PI001")
    }

    func testChineseFormAlias() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: 文字解读")
        try fixture.check().assertNoFindings()
    }

    /// The words bureaus' 解读 columns use are accepted, each for its form.
    func testFormWordsBureausUse() throws {
        let cases: [(String, InterpretationForm)] = [
            ("图文", .graphic), ("卡通动漫", .animation), ("动漫", .animation), ("音视频", .video), ("视频", .video),
            ("访谈", .interview), ("新闻发布会", .pressConference), ("场景演示", .scenario), ("问答", .qa),
            ("文字", .text), ("文字解读", .text), ("音频", .audio), ("audio", .audio),
        ]
        for (word, form) in cases { XCTAssertEqual(InterpretationForm(alias: word), form, word) }
        XCTAssertNil(InterpretationForm(alias: "图画"))
        // And the gate takes one of them in place of the code.
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: 文字")
        try fixture.check().assertNoFindings()
    }

    /// A near miss of a Chinese word is pointed at the word.
    func testUnknownChineseFormSuggestsTheWord() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "form: text", with: "form: 1️⃣卡通动画")
        try fixture.check().assertFindings(["1️⃣": .error("PF006", "是否应为“卡通动漫”")])
    }

    func testUnknownCleanupResult() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels, result: 1️⃣作废 }
            ---

            清理说明。
            """
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .error("PF006", "作废")])
        fixture.replace(in: "cleanup/2024.md", "result: 1️⃣作废", with: "result: 继续有效")
        try fixture.check().assertNoFindings()
    }
}

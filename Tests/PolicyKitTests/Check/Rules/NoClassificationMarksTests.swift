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

/// PP002 classification-mark: a text with a 密级 or 不公开 mark may not be published; the
/// same words in the sentences of a law text are not marks.
final class NoClassificationMarksTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Appends a paragraph to the document body (it lands on line 17).
    private func body(with paragraph: String) -> ContentFixture {
        var fixture = ContentFixture()
        fixture[doc]! += "\n\(paragraph)\n"
        return fixture
    }

    /// The case: `机密★5年` at the head of a body.
    func testStarredMarkInBody() throws {
        let finding = try body(with: "机密★5年").check()
            .assertFinds("PP002", .error, file: "content/\(doc)", line: 17, column: 1, message: "“机密★5年”")
        XCTAssertEqual(finding?.message.contains("不得公开发布"), true, finding?.message ?? "")
        try body(with: "**秘密 ★ 长期**").check().assertFinds("PP002", .error, file: "content/\(doc)", line: 17, column: 3, message: "“秘密 ★ 长期”")
        try body(with: "绝密★").check().assertFinds("PP002", .error, file: "content/\(doc)", line: 17, message: "“绝密★”")
    }

    /// Marks in the forms they take on a document.
    func testMarkForms() throws {
        let cases: [(String, String, Int)] = [
            ("工作秘密", "工作秘密", 1),
            ("# 内部资料", "内部资料", 3),
            ("内部资料，注意保存", "内部资料，注意保存", 1),
            ("本文内部使用。（此件不公开）", "（此件不公开）", 8),
            ("【内部使用】", "【内部使用】", 1),
            ("不予公开", "不予公开", 1),
            ("密级：机密", "密级：机密", 1),
        ]
        for (text, mark, column) in cases {
            try body(with: text).check()
                .assertFinds("PP002", .error, file: "content/\(doc)", line: 17, column: column, message: "“\(mark)”")
        }
    }

    /// The words of a law text are not marks: 商业秘密, 国家秘密, 保守秘密, 不予公开 in a
    /// sentence about disclosure exemptions, the 密级 periods of the secrets law.
    func testLawSentencesAreNotMarks() throws {
        let text = """
            第十条 行政机关及其工作人员对履行职责中知悉的国家秘密、商业秘密、个人隐私应当保守秘密。

            第十一条 涉及国家秘密的政府信息，行政机关不予公开；内部事务信息可以不予公开。

            第十二条 国家秘密的保密期限，除另有规定外，绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。

            第十三条 经营者不得以不正当手段获取权利人的商业秘密。内部资料的管理办法另行制定。

            （此件公开发布）
            """
        try body(with: text).check().assertNoFindings()
    }

    /// Every front-matter value is read, nested ones too; `disclosure: 不予公开` is a
    /// decision about the document, not a mark on its text.
    func testFrontMatterValues() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法（此件不公开）")
        try fixture.check().assertFinds("PP002", .error, file: "content/\(doc)", line: 2, column: 8, message: "字段“title”")
        var nested = ContentFixture()
        nested.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nchanges:\n  - { date: 2024-03-10, note: 内部资料 }")
        try nested.check().assertFinds("PP002", .error, file: "content/\(doc)", line: 10, message: "字段“changes”")
        var declared = ContentFixture()
        declared.replace(in: doc, "office: 食品安全协调处", with: "office: 食品安全协调处\ndisclosure: 不予公开")
        try declared.check().assertClean("PP002")
    }

    /// A transcript and a text attachment are read like the bodies.
    func testMarkInTextAttachment() throws {
        var fixture = ContentFixture()
        fixture["\(ContentFixture.bundle)/附件/说明.txt"] = "关于食品标签的说明\n秘密★1年\n"
        try fixture.check().assertFinds(
            "PP002", .error, file: "content/\(ContentFixture.bundle)/附件/说明.txt", line: 2, column: 1,
            message: "“秘密★1年”")
    }

    /// Lines are counted right however the triggers fall: several in a line, sentences with
    /// triggers between the marks, a mark on the last line without a newline.
    func testScanLinesCountsLines() {
        let text = "第一行\n保守国家秘密，依法公开。内部事务。\n机密★10年\n\n商业秘密\n内部资料\n（此件公开发布）\n绝密"
        XCTAssertEqual(ClassificationMark.scanLines(text).map(\.line), [3, 6, 8])
        XCTAssertEqual(ClassificationMark.scanLines(text).map(\.match.text), ["机密★10年", "内部资料", "绝密"])
        XCTAssertEqual(ClassificationMark.scanLines("没有标志的文字\n第二行").count, 0)
    }

    /// Unit level: what the matcher takes and leaves.
    func testMatcher() {
        XCTAssertEqual(ClassificationMark.scan("机密★５年")?.text, "机密★５年")
        XCTAssertEqual(ClassificationMark.scan("秘密★十年　本通知")?.text, "秘密★十年")
        XCTAssertEqual(ClassificationMark.scan("> 此件不予公开")?.text, "此件不予公开")
        XCTAssertNil(ClassificationMark.scan("依法确定为国家秘密的政府信息不予公开"))
        XCTAssertNil(ClassificationMark.scan("第二章 国家秘密的范围和密级"))
        XCTAssertNil(ClassificationMark.scan("说明使用化名的情况并标明密级。"))
        XCTAssertNil(ClassificationMark.scan("侵犯商业秘密（内部资料除外）"))
    }

    /// A mark in a Q&A batch entry's value is found at the value's line in the `.yml` file.
    func testMarkInQuestionBatchEntry() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry() + QuestionFixture.entry(id: "secret", answer: "1️⃣内部资料")
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings(["1️⃣": .error("PP002", "内部资料")])
    }
}

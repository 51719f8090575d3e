import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ001 qa-required-field (`QuestionFieldsPresent`).
final class QuestionFieldsPresentTests: XCTestCase {
    func testValidEntriesPass() throws {
        let fixture = MarkedFixture([
            QuestionFixture.markdownPath: QuestionFixture.markdown(),
            QuestionFixture.batchPath: QuestionFixture.entry() + QuestionFixture.entry(id: "hotline-2024-0602"),
        ])
        try fixture.check(asOf: "2024-12-01").assertNoFindings()
    }

    /// A batch entry without an id is reported at its own first line; one without a channel too.
    func testBatchEntryWithoutIDOrChannel() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry()
                + "- 1️⃣question: 没有编号的问题？\n  answer: 答复。\n  channel: 12345热线\n  answered: 2024-06-10\n"
                + "- 2️⃣id: no-channel\n  question: 没有渠道的问题？\n  answer: 答复。\n  answered: 2024-06-10\n"
        ])
        let result = try fixture.check(asOf: "2024-12-01")
        result.assertFindings(["1️⃣": .error("PQ001", "“id”"), "2️⃣": .error("PQ001", "“channel”")])
    }

    /// A `.md` entry's answer is its body: an empty body is an error; a bad id (its file name) too.
    func testEmptyBodyAndMalformedFileName() throws {
        var fixture = MarkedFixture()
        fixture["qa/Bad_Name.md"] = QuestionFixture.markdown(answer: "")
        let result = try fixture.check(asOf: "2024-12-01")
        result.assertFinds("PQ001", .error, file: "qa/Bad_Name.md", line: 9, message: "正文为空")
        result.assertFinds("PQ001", .error, file: "qa/Bad_Name.md", line: 1, message: "问答编号“Bad_Name”不可用")
    }

    /// Ids that are pages or anchors `qa/` already uses: refused, so every permalink is one place.
    func testIDsThatQAPagesAlreadyUseAreRefused() throws {
        for id in ["by-channel", "topic-1", "q-2024-food-labels-1a2b3c4d", "hotline-2024-0601-q"] {
            let fixture = MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry(id: id)])
            try fixture.check(asOf: "2024-12-01").assertFinds(
                "PQ001", .error, file: QuestionFixture.batchPath, line: 1, message: "问答编号“\(id)”不可用")
        }
        try MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry(id: "topical-q1")]).check(asOf: "2024-12-01")
            .assertClean("PQ001")
    }

    func testBatchThatIsNotAListOrDoesNotParse() throws {
        var fixture = MarkedFixture()
        fixture["qa/a.yml"] = "question: 一条\nanswer: 不是列表\n"
        fixture["qa/b.yml"] = "- id: x\n  question: [未闭合\n"
        let result = try fixture.check(asOf: "2024-12-01")
        result.assertFinds("PQ001", .error, file: "qa/a.yml", line: 1, message: "应是问答的列表")
        let syntax = result.findings("PQ001").filter { $0.location.file == "content/qa/b.yml" }
        XCTAssertEqual(syntax.count, 1)
        XCTAssertTrue(syntax.first?.message.contains("YAML 语法错误") == true)
    }
}

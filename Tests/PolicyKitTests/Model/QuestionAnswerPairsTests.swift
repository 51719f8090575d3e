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

final class QuestionAnswerPairsTests: XCTestCase {
    /// `##` headings ending in ？/? or starting with 问 are questions; the answer runs to the
    /// next question; line numbers are the file's.
    func testHeadingQuestions() {
        let body = """
            ## 哪些食品适用本办法？

            在本省生产、销售的预包装食品。

            散装食品另有规定。

            ## Does it apply online?

            Yes.

            ## 问：什么时候施行

            2024年4月1日。
            """
        let pairs = QuestionAnswerPairs.extract(from: body, firstLine: 7)
        XCTAssertEqual(pairs.map(\.question), ["哪些食品适用本办法？", "Does it apply online?", "什么时候施行"])
        XCTAssertEqual(pairs.map(\.answer), ["在本省生产、销售的预包装食品。\n散装食品另有规定。", "Yes.", "2024年4月1日。"])
        XCTAssertEqual(pairs.map(\.line), [7, 13, 17])
    }

    /// `问：` / `答：` lines (full- or half-width colon); the 答 prefix is dropped.
    func testQuestionLines() {
        let body = "问：网店也要遵守吗？\n答：要。\n问:老年人不会扫码怎么办？\n答:经营者应提供其他方式。"
        let pairs = QuestionAnswerPairs.extract(from: body)
        XCTAssertEqual(pairs.map(\.question), ["网店也要遵守吗？", "老年人不会扫码怎么办？"])
        XCTAssertEqual(pairs.map(\.answer), ["要。", "经营者应提供其他方式。"])
        XCTAssertEqual(pairs.map(\.line), [1, 3])
    }

    /// Text before the first question, and headings that are not questions, are no pair.
    func testNonQuestions() {
        let body = "本问答由食品安全协调处编写。\n\n## 一、适用范围\n\n预包装食品。\n\n### 小标题？"
        XCTAssertTrue(QuestionAnswerPairs.extract(from: body).isEmpty)
    }

    /// An unanswered question is kept with an empty answer (the rule reports it).
    func testUnansweredQuestion() {
        let pairs = QuestionAnswerPairs.extract(from: "## 第一问？\n\n## 第二问？\n回答。")
        XCTAssertEqual(pairs.map(\.answer), ["", "回答。"])
    }
}

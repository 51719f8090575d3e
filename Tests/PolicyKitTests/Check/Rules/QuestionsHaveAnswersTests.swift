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

/// PI004 qa-without-pairs (`QuestionsHaveAnswers`).
final class QuestionsHaveAnswersTests: XCTestCase {
    private let bundle = ContentFixture.bundle

    /// A Q&A interpretation (1️⃣ marks its form) with `body`.
    private func qa(_ body: String) -> String {
        FrontMatter.textInterpretation.with(["title": "《示例省食品标签管理办法》问答", "form": "1️⃣qa"]).document(body: body + "\n")
    }

    func testQAWithoutPairs() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/问答.md"] = qa("本文解答经营者关心的几个问题。\n\n## 一、适用范围\n\n在本省生产销售的预包装食品。")
        try fixture.check().assertFindings(["1️⃣": .error("PI004")])
    }

    func testQAWithHeadingQuestion() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/问答.md"] = qa("## 哪些食品适用本办法？\n\n在本省生产、销售的预包装食品。")
        try fixture.check().assertNoFindings()
    }

    func testQAWithQuestionLines() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/问答.md"] = qa("问：网店也要遵守吗？\n\n答：要，网店应在商品页面显著位置展示标签内容。")
        try fixture.check().assertNoFindings()
    }

    /// A question left without answer is reported at its own line.
    func testQuestionWithoutAnswer() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/问答.md"] = qa("## 哪些食品适用本办法？\n\n预包装食品。\n\n## 什么时候开始施行？\n")
        try fixture.check().assertFinds("PI004", .error, file: "content/\(bundle)/问答.md", line: 11, message: "什么时候开始施行")
    }
}

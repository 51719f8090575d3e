import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ002 qa-channel (`QuestionChannelIsKnown`).
final class QuestionChannelIsKnownTests: XCTestCase {
    func testUnknownChannelSuggestsNearest() throws {
        let fixture = MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry(channel: "1️⃣12345热线电话")])
        try fixture.check(asOf: "2024-12-01").assertFindings(["1️⃣": .error("PQ002", "是否应为“12345热线”")])
    }

    /// The code is accepted as well as the Chinese name, and every listed channel passes.
    func testKnownChannelsPass() throws {
        var batch = QuestionFixture.entry(channel: "hotline-12345")
        for (k, name) in ["解读问答", "省长信箱", "网站留言", "窗口咨询", "其他"].enumerated() {
            batch += QuestionFixture.entry(id: "entry-\(k)", channel: name)
        }
        try MarkedFixture([QuestionFixture.batchPath: batch]).check(asOf: "2024-12-01").assertClean("PQ002")
    }
}

import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ007 qa-unknown-field (`QuestionFieldsAreKnown`).
final class QuestionFieldsAreKnownTests: XCTestCase {
    func testMisspeltFieldSuggestsNearest() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(extra: "\n  1️⃣topic: [食品安全]"),
            QuestionFixture.markdownPath: QuestionFixture.markdown("\n2️⃣answer: 写在这里"),
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings([
            "1️⃣": .warning("PQ007", "是否应为“topics”"), "2️⃣": .warning("PQ007", "答复写在正文中"),
        ])
    }

    func testKnownFieldsPass() throws {
        let fixture = MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry(extra: "\n  topics: [食品安全]")])
        try fixture.check(asOf: "2024-12-01").assertClean("PQ007")
    }
}

import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ003 qa-date (`QuestionDateIsValid`).
final class QuestionDateIsValidTests: XCTestCase {
    /// A malformed day is an error; a later one a notice (the entry waits for its day).
    func testMalformedAndFutureDates() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(answered: "1️⃣2024/6/10")
                + QuestionFixture.entry(id: "later", answered: "2️⃣2025-01-05")
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings([
            "1️⃣": .error("PQ003", "不是 YYYY-MM-DD"), "2️⃣": .notice("PQ003", "晚于 2024-12-01"),
        ])
    }

    func testAnsweredOnTheAsOfDayPasses() throws {
        let fixture = MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry(answered: "2024-12-01")])
        try fixture.check(asOf: "2024-12-01").assertClean("PQ003")
    }
}

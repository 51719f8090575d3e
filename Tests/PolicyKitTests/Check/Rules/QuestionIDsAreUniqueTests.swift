import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ005 qa-duplicate-id (`QuestionIDsAreUnique`).
final class QuestionIDsAreUniqueTests: XCTestCase {
    /// Within a batch, across batches, and a batch entry against a `.md` file's name.
    func testDuplicatesAcrossEntriesAndFiles() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(id: "dup-1") + QuestionFixture.entry(id: "1️⃣dup-1"),
            "qa/second.yml": QuestionFixture.entry(id: "2️⃣dup-1") + QuestionFixture.entry(id: "3️⃣mailbox-2024-labels"),
            QuestionFixture.markdownPath: QuestionFixture.markdown(),
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings([
            "1️⃣": .error("PQ005", "dup-1"), "2️⃣": .error("PQ005", "dup-1"), "3️⃣": .error("PQ005", "mailbox-2024-labels"),
        ])
    }

    func testDistinctIDsPass() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(id: "a-1") + QuestionFixture.entry(id: "a-2"),
            QuestionFixture.markdownPath: QuestionFixture.markdown(),
        ])
        try fixture.check(asOf: "2024-12-01").assertClean("PQ005")
    }
}

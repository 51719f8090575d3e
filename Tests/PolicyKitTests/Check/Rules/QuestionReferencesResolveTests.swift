import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ004 qa-reference (`QuestionReferencesResolve`).
final class QuestionReferencesResolveTests: XCTestCase {
    func testUnknownDocumentIsReportedAtItsListItem() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(documents: "[2024-food-labels, 1️⃣2024-food-label]")
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings(["1️⃣": .error("PQ004", "是否应为“2024-food-labels”")])
    }

    func testKnownDocumentResolves() throws {
        let fixture = MarkedFixture([QuestionFixture.markdownPath: QuestionFixture.markdown()])
        try fixture.check(asOf: "2024-12-01").assertNoErrors()
    }
}

import XCTest
@testable import PolicyCore
@testable import PolicyKit

/// PQ006 qa-stale-basis (`QuestionBasisIsInForce`).
final class QuestionBasisIsInForceTests: XCTestCase {
    /// Once the document is repealed (at the as-of day), the entry's documents field is warned.
    func testRepealedDocumentIsNamedWithItsStatus() throws {
        var fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(documents: "1️⃣[2024-food-labels]")
        ])
        fixture.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-11-01 }")
        try fixture.check(asOf: "2024-12-01").assertFindings(["1️⃣": .warning("PQ006", "（2024-food-labels）已废止")])
    }

    /// Before the repeal's day the basis is still in force.
    func testInForceBasisPasses() throws {
        var fixture = MarkedFixture([QuestionFixture.batchPath: QuestionFixture.entry()])
        fixture.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2025-01-01 }")
        try fixture.check(asOf: "2024-12-01").assertClean("PQ006")
    }
}

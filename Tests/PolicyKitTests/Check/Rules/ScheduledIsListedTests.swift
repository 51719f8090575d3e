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

/// PS001 scheduled, and the published view of the library (`Library.published(asOf:)`).
final class ScheduledIsListedTests: XCTestCase {

    /// 1️⃣ and 2️⃣ mark the scheduled publication dates of a document and a cleanup batch.
    private func scheduled() -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.addDocument(
            "normative/2024-later",
            """
            title: 示例省定时发布办法
            number: 示市监规〔2024〕9号
            signed: 2024-11-20
            office: 法规处
            published: 1️⃣2024-12-02
            expires: 2029-12-01
            """, interpretation: "2024-12-02")
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度清理结果
            published: 2️⃣2024-12-30
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---

            正文。

            """
        return fixture
    }

    func testScheduledItemsAreNotices() throws {
        let result = try scheduled().check(asOf: "2024-12-01")
        // The interpretation comes out with its document: listed once, with the document.
        result.assertFindings([
            "1️⃣": .notice("PS001", "定于 2024-12-02 发布"),
            "2️⃣": .notice("PS001", "2024-12-30"),
        ])
        result.assertClean("PS001", file: "content/normative/2024-later/解读.md")
        XCTAssertEqual(result.diagnostics.filter { $0.severity != .notice }.map(\.message), [])
    }

    func testNothingScheduledOnceTheDayComes() throws {
        try scheduled().check(asOf: "2024-12-30").assertClean("PS001")
    }

    /// An interpretation due after its document is listed on its own (and PI002 still judges it).
    func testLateInterpretationIsScheduledAndStillJudged() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: ContentFixture.interp, "published: 2024-03-08", with: "published: 2024-03-11")
        let result = try fixture.check(asOf: "2024-03-08")
        result.assertFinds("PS001", .notice, file: "content/\(ContentFixture.interp)", line: 4)
        result.assertFinds("PI002", .error, file: "content/\(ContentFixture.interp)", line: 4)
    }

    func testPublishedViewDropsWhatIsNotYetOut() throws {
        let library = try scheduled().check(asOf: "2024-12-01").library
        let before = library.published(asOf: CalendarDate("2024-12-01")!)
        XCTAssertEqual(before.documents.map(\.id), [ContentFixture.docID])
        XCTAssertTrue(before.cleanups.isEmpty)
        XCTAssertTrue(before.cleanupResults.isEmpty)
        let after = library.published(asOf: CalendarDate("2024-12-30")!)
        XCTAssertEqual(Set(after.documents.map(\.id)), [ContentFixture.docID, "2024-later"])
        XCTAssertEqual(after.cleanups.count, 1)
        XCTAssertEqual(after.document("2024-later")?.interpretations.count, 1)
    }
}

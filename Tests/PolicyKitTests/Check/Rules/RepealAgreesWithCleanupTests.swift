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

/// PR003 repeal-conflicts-cleanup (`RepealAgreesWithCleanup`).
final class RepealAgreesWithCleanupTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func cleanup(_ results: String, published: String = "2024-11-29", effective: String? = nil) -> String {
        """
        ---
        title: 2024年度行政规范性文件清理结果
        published: \(published)\(effective.map { "\neffective: \($0)" } ?? "")
        results:
        \(results)
        ---

        清理说明。
        """
    }

    /// The document says it was repealed on 12-01; the cleanup that repeals it takes effect 11-29.
    func testRepealDateDisagreesWithCleanup() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 1️⃣2024-12-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 废止 }")
        try fixture.check().assertFindings(["1️⃣": .error("PR003", "2024-11-29")])
    }

    /// Same day, no conflict; the batch's `effective` (not `published`) is what counts.
    func testRepealDateAgreesWithCleanupEffectiveDate() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-12-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 废止 }", effective: "2024-12-01")
        try fixture.check().assertNoFindings()
    }

    /// 宣布失效 ends validity too, so a different repeal date conflicts with it.
    func testRepealDateDisagreesWithDeclaredInvalid() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-06-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 宣布失效 }")
        try fixture.check().assertFinds("PR003", .error, file: "content/\(doc)", line: 9, message: "宣布失效")
    }

    /// A cleanup after the repeal that finds the document 继续有效 contradicts it.
    func testCleanupKeepsRepealedDocument() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-06-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 1️⃣2024-food-labels, result: 继续有效 }")
        try fixture.check().assertFindings(["1️⃣": .error("PR003", "已于 2024-06-01 废止")])
    }

    /// A cleanup *before* a later repeal may well have found it still valid.
    func testCleanupBeforeRepealMayKeepIt() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-12-31 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 继续有效 }")
        try fixture.check().assertNoFindings()
    }
}

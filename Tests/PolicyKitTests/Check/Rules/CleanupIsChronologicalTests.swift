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

/// PR004 cleanup-chronology.
final class CleanupIsChronologicalTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func cleanup(_ result: String, published: String = "2024-11-29", number: String? = nil) -> String {
        """
        ---
        title: 2024年度行政规范性文件清理结果
        published: \(published)
        results:
          - { document: 2024-food-labels, result: \(result) }\(number.map { "\nnumber: \($0)" } ?? "")
        ---

        经清理，现将结果公布如下。

        """
    }

    /// A batch published on 01-05 cannot repeal a document published on 03-08.
    func testBatchActingOnLaterDocument() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = cleanup("废止", published: "2024-01-05")
        fixture.replace(in: "cleanup/2024.md", "document: 2024-food-labels", with: "document: 1️⃣2024-food-labels")
        try fixture.check().assertFindings(["1️⃣": .error("PR004", "2024-03-08 才发布")])
    }

    func testBatchAfterDocumentPasses() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = cleanup("继续有效")
        try fixture.check().assertNoFindings()
    }

    /// 继续有效 for a document that expired before the batch.
    func testRemainsForExpiredDocument() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-10-31")
        fixture["cleanup/2024.md"] = cleanup("继续有效")
        try fixture.check().assertFinds("PR004", .error, file: "content/cleanup/2024.md", line: 5, message: "已经失效")
    }

    /// 继续有效 for a document an earlier batch already repealed.
    func testRemainsAfterEarlierBatchRepealed() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024a.md"] = cleanup("废止", published: "2024-06-28")
        fixture["cleanup/2024.md"] = cleanup("继续有效")
        let result = try fixture.check()
        result.assertFinds("PR004", .error, file: "content/cleanup/2024.md", line: 5, message: "2024-06-28 起“废止”")
        result.assertClean("PR004", file: "content/cleanup/2024a.md")
    }

    /// A batch's own 文号 is checked like a document's (PN001) and shown on its pages.
    func testBatchNumberFormat() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = cleanup("继续有效", number: "示市监规[2024]9号")
        try fixture.check().assertFinds("PN001", .error, file: "content/cleanup/2024.md", line: 6, message: "示市监规[2024]9号")
        fixture["cleanup/2024.md"] = cleanup("继续有效", number: "示市监规〔2024〕9号")
        let result = try fixture.check()
        result.assertNoFindings()
        XCTAssertEqual(result.library.cleanups.first?.number, "示市监规〔2024〕9号")
    }
}

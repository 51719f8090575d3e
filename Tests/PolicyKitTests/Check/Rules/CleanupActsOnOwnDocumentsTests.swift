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

/// PR005 cleanup-other-issuer.
final class CleanupActsOnOwnDocumentsTests: XCTestCase {
    private let batch = """
        ---
        title: 2024年度行政规范性文件清理结果
        published: 2024-11-29
        results:
          - { document: 2024-food-labels, result: 继续有效 }
        ---

        经清理，现将结果公布如下。

        """

    func testBatchOnAnotherIssuersDocumentWarns() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: ContentFixture.doc, "office: 食品安全协调处", with: "office: 食品安全协调处\nissuer: 示例省卫生健康委员会")
        fixture["cleanup/2024.md"] = batch
        fixture.replace(in: "cleanup/2024.md", "document: 2024-food-labels", with: "document: 1️⃣2024-food-labels")
        try fixture.check().assertFindings(["1️⃣": .warning("PR005", "示例省卫生健康委员会")])
    }

    /// Jointly issued with the site's issuer: its own document.
    func testJointDocumentPasses() throws {
        var fixture = MarkedFixture()
        fixture.replace(
            in: ContentFixture.doc, "office: 食品安全协调处",
            with: "office: 食品安全协调处\nissuer: [示例省市场监督管理局, 示例省卫生健康委员会]")
        fixture["cleanup/2024.md"] = batch
        try fixture.check().assertClean("PR005")
    }
}

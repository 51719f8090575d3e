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

/// PM004 broken-document-link (`DocumentLinksResolve`).
final class DocumentLinksResolveTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    func testLinkToUnknownDocument() throws {
        var fixture = MarkedFixture()
        fixture[doc]! += "\n本办法所称标签，参见1️⃣[《示例省食品安全条例》](/d/nonexistent/)。\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM004", "nonexistent")])
    }

    /// A near miss suggests the id it probably meant.
    func testLinkTypoSuggestsID() throws {
        var fixture = ContentFixture()
        fixture[interp]! += "\n原文见[《示例省食品标签管理办法》](/d/2024-food-label/)。\n"
        try fixture.check().assertFinds("PM004", .error, file: "content/\(interp)", line: 19, message: "/d/2024-food-labels/")
    }

    func testLinkToExistingDocument() throws {
        var fixture = ContentFixture()
        fixture[interp]! += "\n原文见[《示例省食品标签管理办法》](/d/2024-food-labels/)和[解读](/d/2024-food-labels/解读/)。\n"
        try fixture.check().assertNoFindings()
    }

    /// Cleanup batches link to the documents they decide on, and are checked too.
    func testCleanupBodyLink() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---

            1️⃣[《示例省食品标签管理办法》](/d/2024-food-labelz/)继续有效。
            """
        try fixture.check().assertFindings(["1️⃣": .error("PM004")])
    }
}

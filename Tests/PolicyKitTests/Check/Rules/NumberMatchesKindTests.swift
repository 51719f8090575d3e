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

/// PN004 number-kind: order numbers (令号) for regulations only, and only order numbers for
/// them. The base document's `number` is on line 3 of `index.md`, its value at column 9.
final class NumberMatchesKindTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let regulation = "regulations/2024-food-labels/index.md"

    private func numbered(_ number: String, asRegulation: Bool = false) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 1️⃣\(number)")
        if asRegulation {
            fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
            fixture.move(ContentFixture.bundle, to: "regulations/2024-food-labels")
        }
        return fixture
    }

    /// A 行政规范性文件 numbered as an order, in each way people write one: PN004 alone
    /// (PN001 does not add a "fix" that keeps the 令).
    func testNormativeDocumentNumberedAsOrder() throws {
        for number in [
            "示例省市场监督管理局令第5号", "示例省市场监督管理局令〔2024〕第5号", "示例省市场监督管理局令〔2024〕5号",
            "示例省市场监督管理局令第５号",
        ] {
            let result = try numbered(number).check()
            result.assertFindings(["1️⃣": .error("PN004", "不得以“令”的形式发布")])
            result.assertClean("PN001")
        }
    }

    /// A 其他政策文件 is not promulgated by order either.
    func testPolicyNumberedAsOrder() throws {
        var fixture = numbered("示例省市场监督管理局令第5号")
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertFindings(["1️⃣": .error("PN004", "其他政策文件")])
    }

    /// A regulation with a 发文字号 instead of its order number.
    func testRegulationWithDispatchNumber() throws {
        try numbered("示市监规〔2024〕3号", asRegulation: true).check()
            .assertFindings(["1️⃣": .error("PN004", "不是令号")])
    }

    func testMatchingNumbersPass() throws {
        try numbered("示市监规〔2024〕3号").check().assertNoFindings()
        try numbered("示例省人民政府令第12号", asRegulation: true).check().assertNoFindings()
    }

    /// An issuer code with 令 in another place is not an order (`令` must be followed by 第, 〔 or a digit).
    func testIsOrderLike() {
        XCTAssertTrue(DocumentNumber.isOrderLike("国家市场监督管理总局令第45号"))
        XCTAssertTrue(DocumentNumber.isOrderLike("示例省人民政府令[2024]5号"))
        XCTAssertFalse(DocumentNumber.isOrderLike("示令规办〔2024〕3号"))
        XCTAssertFalse(DocumentNumber.isOrderLike("示市监规〔2024〕3号"))
    }
}

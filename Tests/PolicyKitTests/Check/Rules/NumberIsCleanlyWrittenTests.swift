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

/// PN005 number-spacing: spaces and year brackets of two styles in a 文号, named exactly,
/// with the corrected number. `number` is on line 3 of `index.md`, its value at column 9.
final class NumberIsCleanlyWrittenTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func numbered(_ number: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 1️⃣\(number)")
        return fixture
    }

    func testSpacesAreNamedWithTheFix() throws {
        let cases: [(number: String, message: String)] = [
            ("示市监规 〔2024〕3号", "“规”与“〔”之间的半角空格"),
            ("示市监规\u{3000}〔2024〕3号", "“规”与“〔”之间的全角空格"),
            ("示市监规〔2024〕 3 号", "“〕”与“3”之间的半角空格；“3”与“号”之间的半角空格"),
            ("示市监规〔2024〕\u{3000}\u{3000}3号", "全角空格、全角空格"),
        ]
        for c in cases {
            let result = try numbered(c.number).check()
            let finding = result.assertFindings(["1️⃣": .error("PN005", c.message)]).first
            XCTAssertEqual(finding?.fix, "删去空格，改为“示市监规〔2024〕3号”。", c.number)
            // One slip, one finding: PN001 judges the corrected number, PN003 is not involved.
            result.assertClean("PN001")
        }
    }

    func testMixedBracketsAreNamedWithTheFix() throws {
        for (number, open, close) in [("示市监规〔2024]3号", "〔", "]"), ("示市监规[2024〕3号", "[", "〕"), ("示市监规【2024〕3号", "【", "〕")] {
            let result = try numbered(number).check()
            let finding = result.assertFindings(["1️⃣": .error("PN005", "年份括号前后不一致（前为“\(open)”，后为“\(close)”）")]).first
            XCTAssertEqual(finding?.fix, "年份两边都用六角括号〔〕，改为“示市监规〔2024〕3号”。", number)
            result.assertClean("PN001")
        }
    }

    /// Both slips in one number, one message; a further format problem is still PN001's.
    func testSlipsAndFormatProblemTogether() throws {
        let result = try numbered("示市监规 〔2024]03号").check()
        let slip = result.assertFindings(["1️⃣": .error("PN005", "半角空格")]).first
        XCTAssertEqual(slip?.fix, "删去空格，年份两边都用六角括号〔〕，改为“示市监规〔2024〕03号”。")
        let format = result.assertFindings(["1️⃣": .error("PN001", "前导 0")]).first
        XCTAssertEqual(format?.fix, "改为“示市监规〔2024〕3号”。")
    }

    /// Consistent wrong brackets are PN001's (with its own fix), not a slip.
    func testCleanNumbersPass() throws {
        try numbered("示市监规〔2024〕3号").check().assertNoFindings()
        try numbered("示市监规[2024]3号").check().assertClean("PN005")
    }
}

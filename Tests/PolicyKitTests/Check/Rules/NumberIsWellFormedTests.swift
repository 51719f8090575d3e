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

/// PN001 number-format (`NumberIsWellFormed`).
/// The base document's number `示市监规〔2024〕3号` is on line 3; its value starts at column 9.
final class NumberIsWellFormedTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The base fixture with another number; 1️⃣ marks where the number's value starts.
    private func numbered(_ number: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 1️⃣\(number)")
        return fixture
    }

    /// Each common slip, what the message says, and the corrected form the fix proposes.
    func testMalformedNumbers() throws {
        let cases: [(number: String, problem: String, suggestion: String?)] = [
            ("示市监规[2024]3号", "六角括号", "示市监规〔2024〕3号"),
            ("示市监规【2024】3号", "六角括号", "示市监规〔2024〕3号"),
            ("示市监规［2024］3号", "六角括号", "示市监规〔2024〕3号"),
            ("示市监规(2024)3号", "六角括号", "示市监规〔2024〕3号"),
            ("示市监规（2024）3号", "六角括号", "示市监规〔2024〕3号"),
            ("示市监规〔24〕3号", "四位", nil),
            ("示市监规〔2024〕03号", "前导 0", "示市监规〔2024〕3号"),
            ("示市监规〔2024〕第3号", "第", "示市监规〔2024〕3号"),
            ("示市监规〔2024〕3", "号", "示市监规〔2024〕3号"),
            ("示市监规2024年3号", "六角括号〔〕标注的四位年份", nil),
            ("〔2024〕3号", "发文机关代字", nil),
        ]
        for c in cases {
            let finding = try numbered(c.number).check()
                .assertFindings(["1️⃣": .error("PN001", c.problem)]).first
            if let suggestion = c.suggestion {
                XCTAssertEqual(finding?.fix, "改为“\(suggestion)”。", c.number)
            }
        }
    }

    /// Several slips at once still end in one suggestion.
    func testWrongBracketsAndLeadingZero() throws {
        let finding = try numbered("示市监规【2024】第03号").check()
            .assertFindings(["1️⃣": .error("PN001")]).first
        XCTAssertEqual(finding?.fix, "改为“示市监规〔2024〕3号”。")
    }

    /// Full-width digits mean the same number.
    func testFullWidthDigitsAreValid() throws {
        try numbered("示市监规〔２０２４〕３号").check().assertNoFindings()
    }

    /// A regulation carries its order number, which uses 第 by rule — also in full-width digits.
    func testRegulationOrderNumbers() throws {
        for number in ["示例省人民政府令第12号", "示例省人民政府令第１２号"] {
            var fixture = numbered(number)
            fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
            fixture.move(ContentFixture.bundle, to: "regulations/2024-food-labels")
            try fixture.check().assertNoFindings()
        }
    }

    /// An order number with a leading zero is not an order number.
    func testOrderNumberWithLeadingZero() throws {
        var fixture = numbered("示例省人民政府令第012号")
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.move(ContentFixture.bundle, to: "regulations/2024-food-labels")
        try fixture.check().assertFindings(["1️⃣": .error("PN001")])
    }

    /// An order number with a year is a hybrid; the fix drops the year and keeps 第.
    func testRegulationOrderNumberWithYear() throws {
        var fixture = numbered("示例省人民政府令〔2024〕第5号")
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.move(ContentFixture.bundle, to: "regulations/2024-food-labels")
        let finding = try fixture.check().assertFindings(["1️⃣": .error("PN001", "不标年份")]).first
        XCTAssertEqual(finding?.fix, "改为“示例省人民政府令第5号”。")
    }
}

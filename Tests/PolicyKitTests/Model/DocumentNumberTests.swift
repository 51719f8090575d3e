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

/// 文号 per GB/T 9704-2012, and regulations' order numbers.
final class DocumentNumberTests: XCTestCase {
    func testStandardNumber() {
        XCTAssertEqual(DocumentNumber.parse("示市监规〔2024〕3号"), .standard(code: "示市监规", year: 2024, serial: 3))
        XCTAssertEqual(DocumentNumber.parse("示市监发〔2019〕125号"), .standard(code: "示市监发", year: 2019, serial: 125))
        XCTAssertEqual(DocumentNumber.parse(" 示市监规〔2024〕3号 "), .standard(code: "示市监规", year: 2024, serial: 3))
    }

    /// Full-width digits (common in official texts) read as the same number.
    func testFullWidthDigits() {
        XCTAssertEqual(DocumentNumber.parse("示市监规〔２０２４〕１０号"), .standard(code: "示市监规", year: 2024, serial: 10))
        XCTAssertEqual(DocumentNumber.parse("示例省人民政府令第１２号"), .order(issuer: "示例省人民政府", serial: 12))
    }

    func testOrderNumber() {
        XCTAssertEqual(DocumentNumber.parse("示例省人民政府令第12号"), .order(issuer: "示例省人民政府", serial: 12))
        XCTAssertEqual(DocumentNumber.parse("国家市场监督管理总局令第88号"), .order(issuer: "国家市场监督管理总局", serial: 88))
    }

    /// Problems, and the corrected form where one can be guessed.
    func testMalformed() {
        func problem(_ text: String) -> (String, String?)? {
            if case .malformed(let p, let s) = DocumentNumber.parse(text) { return (p, s) }
            return nil
        }
        XCTAssertEqual(problem("示市监规[2024]3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规【2024】3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规（2024）3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规(2024)3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规［2024］3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〈2024〉3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〔2024〕03号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〔2024〕第3号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〔2024〕第003号")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〔2024〕3")?.1, "示市监规〔2024〕3号")
        XCTAssertEqual(problem("示市监规〔2024〕3号")?.0, nil)
        XCTAssertNotNil(problem("示市监规〔24〕3号"))
        XCTAssertNil(problem("示市监规〔24〕3号")?.1)
        XCTAssertNotNil(problem("示市监规〔二〇二四〕3号"))
        XCTAssertNotNil(problem("示市监规〔2024〕三号"))
        XCTAssertNotNil(problem("示市监规〔2024〕0号"))
        XCTAssertNotNil(problem("〔2024〕3号"))
        XCTAssertNotNil(problem("示市监规2024年3号"))
        XCTAssertNotNil(problem("示例省人民政府令第012号"))
        XCTAssertNotNil(problem("示例省人民政府令第号"))
        XCTAssertNotNil(problem(""))
    }

    /// Numbers differing only in brackets or spaces compare equal, for the duplicate check.
    func testNormalized() {
        XCTAssertEqual(DocumentNumber.normalized("示市监规[2024]3号"), "示市监规〔2024〕3号")
        XCTAssertEqual(DocumentNumber.normalized("示市监规 （2024） 3号"), "示市监规〔2024〕3号")
        XCTAssertNotEqual(DocumentNumber.normalized("示市监规〔2024〕3号"), DocumentNumber.normalized("示市监规〔2024〕4号"))
    }
}

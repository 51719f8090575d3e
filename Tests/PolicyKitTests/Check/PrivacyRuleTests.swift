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

/// PP001 personal-data: no resident ID, mobile, bank card or e-mail in published text.
/// Findings show only a masked excerpt, never the data itself.
final class PrivacyRuleTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Appends a paragraph to the interpretation (it lands on line 19).
    private func interpretation(with paragraph: String) -> ContentFixture {
        var fixture = ContentFixture()
        fixture[interp]! += "\n\(paragraph)\n"
        return fixture
    }

    func testMobileNumber() throws {
        let finding = try interpretation(with: "咨询请联系张科长，电话13812345678。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 12, message: "手机号码")
        XCTAssertEqual(finding?.message.contains("13812345678"), false, "the number itself is never repeated")
        XCTAssertEqual(finding?.message.contains("138*****678"), true, finding?.message ?? "")
    }

    /// 11010519491231002X has a valid GB 11643 check character; with a wrong one it is just digits.
    func testResidentIDWithValidCheckDigit() throws {
        try interpretation(with: "申请人身份证号11010519491231002X。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 8, message: "居民身份证号码")
        try interpretation(with: "申请人身份证号110105194912310021。").check().assertClean("PP001")
    }

    /// A Luhn-valid 19-digit card number; off by one digit it fails Luhn and passes.
    func testBankCard() throws {
        try interpretation(with: "退款账号6222021234567890128。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, message: "银行卡号")
        try interpretation(with: "退款账号6222021234567890127。").check().assertClean("PP001")
    }

    func testEmailInFrontMatter() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "office: 食品安全协调处", with: "office: 食品安全协调处 zhang.san@example.com")
        try fixture.check().assertFinds("PP001", .error, file: "content/\(doc)", line: 4, column: 17, message: "电子邮箱")
    }

    /// The scan skips eight bytes at a time where no match can start: a number or an address
    /// found at every alignment, at the very end, and after text that is all skipped.
    func testScanFindsMatchesAtEveryAlignment() {
        for lead in ["", "a", "中", "中a"] {
            for repeats in 0..<10 {
                let prefix = String(repeating: lead, count: repeats)
                let found = PersonalData.scanLines(prefix + "电话13812345678；邮箱li.si@example.com")
                XCTAssertEqual(found.map(\.match.kind), [.mobile, .email], "after \(prefix.utf8.count) bytes")
                XCTAssertEqual(found.first?.match.column, prefix.count + 3)
                XCTAssertEqual(PersonalData.scanLines("第一行\n" + prefix + "13812345678").map(\.line), [2])
            }
        }
    }

    /// The eight-byte test is exact: true exactly when some byte is in 0x30...0x40.
    func testEightByteSkipTestIsExact() {
        for filler: UInt8 in [0x00, 0x20, 0x2F, 0x41, 0x7F, 0x80, 0xAF, 0xB0, 0xC0, 0xE4, 0xFF] {
            XCTAssertFalse(PersonalData.mayStartMatch(UInt64(filler) &* 0x0101_0101_0101_0101), "filler \(filler)")
            for byte in UInt8.min...UInt8.max {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(PersonalData.mayStartMatch(word), (0x30...0x40).contains(byte), "byte \(byte) at \(position)")
                }
            }
        }
    }

    /// Public office contacts listed in site.yml privacy.allow pass.
    func testAllowedOfficialContact() throws {
        var fixture = interpretation(with: "监督电话13812345678，邮箱spjg@example.gov.cn。")
        fixture["site.yml"]! += "privacy:\n  allow: [\"13812345678\", spjg@example.gov.cn]\n"
        try fixture.check().assertNoFindings()
    }

    /// 文号, dates, amounts and landline numbers are not personal data.
    func testNumbersThatAreNotPersonal() throws {
        try interpretation(with: "依据示市监规〔2024〕3号，自2024年4月1日起，罚款100000元以下；举报电话0571-12315。")
            .check().assertNoFindings()
    }

    /// site.yml privacy.patterns adds the bureau's own patterns.
    func testCustomPattern() throws {
        var fixture = interpretation(with: "经营者备案号BA-2024-00017。")
        fixture["site.yml"]! += "privacy:\n  patterns: ['BA-\\d{4}-\\d{5}']\n"
        try fixture.check().assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 7, message: "自定义")
    }

    /// An invalid pattern is a settings error, reported at the patterns entry.
    func testInvalidCustomPattern() throws {
        var fixture = ContentFixture()
        fixture["site.yml"]! += "privacy:\n  patterns: ['BA-(']\n"
        try fixture.check().assertFinds("PF008", .error, file: "content/site.yml", line: 16, column: 13, message: "privacy.patterns")
    }
}

import XCTest
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

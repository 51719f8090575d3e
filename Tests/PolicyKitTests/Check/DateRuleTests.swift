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

/// PF005 date-format, PD001 date-order, PD002 validity-period, PD003 disclosure-late,
/// PD004 calendar-coverage. The base document: signed 2024-03-01 (line 5), published
/// 2024-03-08 (line 6), effective 2024-04-01 (line 7), expires 2029-03-31 (line 8).
final class DateRuleTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Moves the document's and its interpretation's publication date together.
    private func publish(_ fixture: inout ContentFixture, on date: String) {
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: \(date)")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(date)")
    }

    // MARK: - PF005 date-format

    func testSlashedDate() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024/1/5")
        try fixture.check().assertFinds("PF005", .error, file: "content/\(doc)", line: 5, column: 9, message: "2024/1/5")
    }

    /// Well-formed but impossible: 30 February.
    func testImpossibleDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-30")
        try fixture.check().assertFinds("PF005", .error, file: "content/\(doc)", line: 5, column: 9, message: "2024-02-30")
    }

    /// 29 February 2024 exists (leap year): the close variant passes.
    func testLeapDayIsValid() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-29")
        try fixture.check().assertNoFindings()
    }

    /// Unpadded, Chinese and timestamp forms are refused: a timestamp would be an instant.
    func testOtherDateForms() throws {
        for text in ["2024-3-8", "2024年3月8日", "2024-03-08T09:00:00+08:00", "2024-03-08 09:00", "20240308"] {
            var fixture = ContentFixture()
            fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(text)")
            try fixture.check().assertFinds("PF005", .error, file: "content/\(interp)", line: 4, column: 12, message: text)
        }
    }

    /// A quoted date is the same date.
    func testQuotedDateIsValid() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: '2024-03-08'")
        try fixture.check().assertNoFindings()
    }

    func testNestedRepealDate() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024/12/31 }")
        try fixture.check().assertFinds("PF005", .error, file: "content/\(doc)", line: 9, column: 19, message: "repealed.date")
    }

    func testCleanupDates() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            effective: 2024.12.01
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---
            """
        try fixture.check().assertFinds("PF005", .error, file: "content/cleanup/2024.md", line: 4, column: 12)
    }

    // MARK: - PD001 date-order

    func testSignedAfterPublished() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-03-09")
        try fixture.check().assertFinds("PD001", .error, file: "content/\(doc)", line: 6, column: 12, message: "早于成文日期")
    }

    /// Boundary: signed and published the same day is fine.
    func testSignedOnPublicationDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-03-08")
        try fixture.check().assertNoFindings()
    }

    func testEffectiveBeforeSigned() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-02-29")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-02-27")
        try fixture.check().assertFinds("PD001", .error, file: "content/\(doc)", line: 7, column: 12, message: "施行日期")
    }

    /// Boundary: in force from the day it was signed.
    func testEffectiveOnSigningDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-03-01")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-02-28")
        try fixture.check().assertNoFindings()
    }

    func testExpiresNotAfterEffective() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-04-01")
        try fixture.check().assertFinds("PD001", .error, file: "content/\(doc)", line: 8, column: 10, message: "有效期至")
        fixture.replace(in: doc, "expires: 2024-04-01", with: "expires: 2024-04-02")
        try fixture.check().assertClean("PD001")
    }

    func testRepealedBeforePublished() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-03-07 }")
        try fixture.check().assertFinds("PD001", .error, file: "content/\(doc)", line: 9, column: 19, message: "废止日期")
    }

    func testCleanupEffectiveBeforePublished() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            effective: 2024-11-28
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---
            """
        try fixture.check().assertFinds("PD001", .error, file: "content/cleanup/2024.md", line: 4, column: 12)
        fixture.replace(in: "cleanup/2024.md", "effective: 2024-11-28", with: "effective: 2024-12-01")
        try fixture.check().assertNoFindings()
    }

    // MARK: - PD002 validity-period

    /// The fix proposes the longest allowed date.
    func testNormativeWithoutExpires() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        let finding = try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 2, column: 1)
        XCTAssertEqual(finding?.fix.contains("expires: 2029-03-31"), true, finding?.fix ?? "")
    }

    /// Five years from 2024-04-01 end on 2029-03-31 (base fixture, clean); a day more warns.
    func testValidityOverFiveYears() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-04-01")
        try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 8, column: 10, message: "2029-03-31")
    }

    /// 暂行/试行 titles get two years.
    func testProvisionalValidity() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理暂行办法")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2026-04-01")
        try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 8, message: "暂行")
        fixture.replace(in: doc, "expires: 2026-04-01", with: "expires: 2026-03-31")
        try fixture.check().assertNoFindings()
    }

    /// The limits come from site.yml.
    func testValidityLimitFromSiteConfig() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "max_years: 5", with: "max_years: 3")
        try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 8, message: "2027-03-31")
    }

    /// Other policy documents carry no validity period.
    func testPolicyNeedsNoExpires() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertNoFindings()
    }

    // MARK: - PD003 disclosure-late

    /// Signed 2024-02-01: counting the Spring Festival holidays (02-10..17) out and the
    /// make-up Sundays (02-04, 02-18) in, the 20th working day is 2024-03-05. Without the
    /// calendar it would be 2024-02-29, so this also proves the calendar is used.
    func testDisclosureOnTwentiethWorkingDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        publish(&fixture, on: "2024-03-05")
        try fixture.check().assertNoFindings()
    }

    func testDisclosureOnTwentyFirstWorkingDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        publish(&fixture, on: "2024-03-06")
        try fixture.check().assertFinds("PD003", .warning, file: "content/\(doc)", line: 6, column: 12, message: "21 个工作日")
    }

    // MARK: - PD004 calendar-coverage

    /// Signed in 2023, which calendar.yml does not list: the disclosure count may be off.
    func testCountAcrossUncoveredYear() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 示市监规〔2023〕3号")
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2023-12-27")
        publish(&fixture, on: "2024-01-05")
        let result = try fixture.check()
        result.assertFinds("PD004", .warning, file: "content/\(doc)", line: 6, message: "2023")
        XCTAssertEqual(result.findings("PD004").count, 1, "one finding per missing year")
        result.assertNoErrors()
    }

    /// A late interpretation counts into the next year too.
    func testInterpretationLagIntoUncoveredYear() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 5")
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-12-20")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-12-30")
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2025-01-01")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-12-31")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2025-01-02")
        try fixture.check().assertFinds("PD004", .warning, file: "content/\(doc)", line: 6, message: "2025")
    }

    /// Spans inside covered years are exact: no warning (base fixture is clean).
    func testCoveredYearIsClean() throws {
        try ContentFixture().check().assertClean("PD004")
    }
}

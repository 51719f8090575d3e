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

/// PD004 calendar-coverage (`CalendarCoversDates`).
/// The base document: signed 2024-03-01 (line 5), published 2024-03-08 (line 6),
/// effective 2024-04-01 (line 7), expires 2029-03-31 (line 8).
final class CalendarCoversDatesTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Moves the document's and its interpretation's publication date together.
    private func publish(_ fixture: inout ContentFixture, on date: String) {
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: \(date)")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(date)")
    }

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

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

/// PI002 interpretation-not-simultaneous (`InterpretationIsSimultaneous`).
final class InterpretationIsSimultaneousTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// The document is published on Friday 2024-02-09, the last working day before the Spring
    /// Festival holidays (02-10..02-17); the next working day is the make-up Sunday 02-18.
    /// Counted with the calendar that is 1 working day late (without it, 5).
    /// 1️⃣ marks the interpretation's publication date.
    private func springFestival(interpretation published: String, maxLag: Int) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: \(maxLag)")
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-02-09")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 1️⃣\(published)")
        return fixture
    }

    func testNextWorkingDayIsLateWithoutLagAllowance() throws {
        try springFestival(interpretation: "2024-02-18", maxLag: 0).check()
            .assertFindings(["1️⃣": .error("PI002", "晚 1 个工作日")])
    }

    func testNextWorkingDayPassesWithOneDayAllowance() throws {
        try springFestival(interpretation: "2024-02-18", maxLag: 1).check().assertNoFindings()
    }

    /// Monday 02-19 is the second working day after: too late even with one day allowed.
    func testSecondWorkingDayFailsWithOneDayAllowance() throws {
        try springFestival(interpretation: "2024-02-19", maxLag: 1).check()
            .assertFindings(["1️⃣": .error("PI002", "晚 2 个工作日")])
    }

    /// The calendar matters: without it, 02-18 is a Sunday after five weekdays.
    func testLagWithoutHolidaysInCalendar() throws {
        var fixture = springFestival(interpretation: "2024-02-18", maxLag: 1)
        fixture.replace(in: "calendar.yml", "  - 2024-02-10..2024-02-17  # 春节\n", with: "")
        fixture.replace(in: "calendar.yml", "2024-02-18, ", with: "")
        try fixture.check().assertFindings(["1️⃣": .error("PI002", "晚 5 个工作日")])
    }

    /// 同步发布 means the same date: with no working days allowed, a Saturday after a Friday
    /// document is late, though no working day lies between them.
    func testSaturdayAfterFridayIsLateWithNoAllowance() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 1️⃣2024-03-09")
        try fixture.check().assertFindings(["1️⃣": .error("PI002", "其间没有工作日，但不是同一天")])
    }

    /// The same for a holiday: 09-30 document, 10-03 (国庆节) interpretation.
    func testHolidayAfterDocumentIsLateWithNoAllowance() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-09-30")
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-10-08")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2024-10-03")
        try fixture.check().assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "须同日发布")
    }

    /// With one working day allowed, the deadline after 09-30 is 10-08 (the holidays and the
    /// weekend after them do not count): a holiday in between is on time, the 9th is not.
    func testDeadlineIsTheNthWorkingDay() throws {
        for (published, late) in [("2024-10-03", false), ("2024-10-08", false), ("2024-10-09", true)] {
            var fixture = ContentFixture()
            fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 1")
            fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-09-30")
            fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-10-08")
            fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(published)")
            let result = try fixture.check()
            if late {
                result.assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "最晚应在 2024-10-08")
            } else {
                result.assertClean("PI002")
            }
        }
    }

    /// Never before the document, even by a day.
    func testInterpretationBeforeDocument() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 5")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 1️⃣2024-03-07")
        try fixture.check().assertFindings(["1️⃣": .error("PI002", "早于")])
    }
}

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

/// Working days by calendar.yml: Monday–Friday unless a holiday, plus make-up workdays.
final class WorkCalendarTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// The 2024 Spring Festival and National Day (国办发明电〔2023〕7号).
    private func calendar2024() -> WorkCalendar {
        var unreadable: [String] = []
        let calendar = WorkCalendar(
            holidays: ["2024-01-01", "2024-02-10..2024-02-17", "2024-10-01..2024-10-07"],
            workdays: ["2024-02-04", "2024-02-18", "2024-09-29", "2024-10-12"],
            unreadable: &unreadable)
        XCTAssertEqual(unreadable, [])
        return calendar
    }

    func testWorkingDays() {
        let calendar = calendar2024()
        XCTAssertTrue(calendar.isWorkingDay(day("2024-02-09")), "an ordinary Friday")
        XCTAssertFalse(calendar.isWorkingDay(day("2024-02-03")), "an ordinary Saturday")
        XCTAssertFalse(calendar.isWorkingDay(day("2024-01-01")), "a holiday on a Monday")
        XCTAssertFalse(calendar.isWorkingDay(day("2024-02-12")), "a weekday inside a holiday range")
        XCTAssertFalse(calendar.isWorkingDay(day("2024-02-10")), "a Saturday inside a holiday range")
        XCTAssertTrue(calendar.isWorkingDay(day("2024-02-18")), "a make-up Sunday")
        XCTAssertTrue(calendar.isWorkingDay(day("2024-10-12")), "a make-up Saturday")
    }

    /// Ranges are inclusive at both ends.
    func testRangeIsInclusive() {
        let calendar = calendar2024()
        XCTAssertTrue(calendar.isWorkingDay(day("2024-09-30")))
        XCTAssertFalse(calendar.isWorkingDay(day("2024-10-01")))
        XCTAssertFalse(calendar.isWorkingDay(day("2024-10-07")))
        XCTAssertTrue(calendar.isWorkingDay(day("2024-10-08")))
        XCTAssertEqual(calendar.holidays.count, 1 + 8 + 7)
    }

    /// Lag semantics: 0 the same day, 1 the next working day; holidays skipped, make-up days counted.
    func testWorkingDaysAfterThrough() {
        let calendar = calendar2024()
        XCTAssertEqual(calendar.workingDays(after: day("2024-03-08"), through: day("2024-03-08")), 0)
        XCTAssertEqual(calendar.workingDays(after: day("2024-03-08"), through: day("2024-03-07")), 0, "end before start")
        XCTAssertEqual(calendar.workingDays(after: day("2024-03-08"), through: day("2024-03-09")), 0, "Saturday")
        XCTAssertEqual(calendar.workingDays(after: day("2024-03-08"), through: day("2024-03-11")), 1, "next Monday")
        XCTAssertEqual(calendar.workingDays(after: day("2024-02-09"), through: day("2024-02-17")), 0, "whole holiday")
        XCTAssertEqual(calendar.workingDays(after: day("2024-02-09"), through: day("2024-02-18")), 1, "make-up Sunday")
        XCTAssertEqual(calendar.workingDays(after: day("2024-02-09"), through: day("2024-02-19")), 2)
        XCTAssertEqual(calendar.workingDays(after: day("2024-09-30"), through: day("2024-10-08")), 1, "across National Day")
    }

    /// With no calendar at all, only weekends are days off.
    func testEmptyCalendar() {
        let calendar = WorkCalendar()
        XCTAssertEqual(calendar.workingDays(after: day("2024-02-09"), through: day("2024-02-18")), 5)
        XCTAssertTrue(calendar.coveredYears.isEmpty)
        XCTAssertFalse(calendar.covers(day("2024-01-01"), day("2024-01-02")))
    }

    /// Spaces around the range's ends are tolerated; bad entries are handed back, not guessed.
    func testEntryParsing() {
        var unreadable: [String] = []
        let calendar = WorkCalendar(
            holidays: [
                " 2024-05-01 .. 2024-05-05 ", "2024-06-31", "2024-10-07..2024-10-01",
                "2024-01-01..2024-12-31", "2024-01-01..2024-01-02..2024-01-03", "明天",
            ],
            workdays: ["2024-4-28"], unreadable: &unreadable)
        XCTAssertEqual(
            unreadable,
            [
                "2024-06-31", "2024-10-07..2024-10-01", "2024-01-01..2024-12-31",
                "2024-01-01..2024-01-02..2024-01-03", "明天", "2024-4-28",
            ])
        XCTAssertFalse(calendar.isWorkingDay(day("2024-05-01")))
        XCTAssertFalse(calendar.isWorkingDay(day("2024-05-03")))
        XCTAssertTrue(calendar.isWorkingDay(day("2024-05-06")))
    }

    /// Years the file mentions, including those a range reaches into.
    func testCoveredYears() {
        var unreadable: [String] = []
        let calendar = WorkCalendar(holidays: ["2022-12-31..2023-01-02"], workdays: ["2024-02-04"], unreadable: &unreadable)
        XCTAssertEqual(calendar.coveredYears, [2022, 2023, 2024])
        XCTAssertTrue(calendar.covers(day("2023-06-01"), day("2024-06-01")))
        XCTAssertTrue(calendar.covers(day("2024-06-01"), day("2023-06-01")), "either order")
        XCTAssertFalse(calendar.covers(day("2024-06-01"), day("2025-01-02")))
    }
}

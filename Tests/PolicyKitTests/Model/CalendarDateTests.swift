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

final class CalendarDateTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// Only strict YYYY-MM-DD of a real day parses.
    func testParseIsStrict() {
        for text in ["2024-03-01", "2024-02-29", "2000-02-29", "2024-12-31", "0001-01-01"] {
            XCTAssertNotNil(CalendarDate(text), text)
        }
        for text in [
            "2024-3-1", "2024/03/01", "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10",
            "2024-01-00", "2024-04-31", " 2024-03-01", "2024-03-01 ", "2024-03-01T00:00:00Z", "24-03-01",
            "２０２４-03-01", "+024-03-01", "2024-+3-01", "2024-03", "", "2024年3月1日", "20240301",
        ] {
            XCTAssertNil(CalendarDate(text), "“\(text)” should not parse")
        }
    }

    func testComponentsAndDescription() {
        let d = day("2024-03-01")
        XCTAssertEqual([d.year, d.month, d.day], [2024, 3, 1])
        XCTAssertEqual(d.description, "2024-03-01")
        XCTAssertEqual(d.chinese, "2024年3月1日")
        XCTAssertEqual(CalendarDate(year: 5, month: 1, day: 2)?.description, "0005-01-02")
    }

    func testLeapYears() {
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2000, month: 2, day: 29))  // divisible by 400
        XCTAssertNil(CalendarDate(year: 2100, month: 2, day: 29))  // divisible by 100
        XCTAssertNil(CalendarDate(year: 2023, month: 2, day: 29))
    }

    /// ISO weekday, 1 = Monday; checked against known days, including before 1970.
    func testWeekday() {
        XCTAssertEqual(day("1970-01-01").isoWeekday, 4)  // Thursday
        XCTAssertEqual(day("1969-12-31").isoWeekday, 3)  // Wednesday, negative day number
        XCTAssertEqual(day("2024-01-01").isoWeekday, 1)  // Monday
        XCTAssertEqual(day("2024-02-09").isoWeekday, 5)  // Friday
        XCTAssertEqual(day("2024-02-18").isoWeekday, 7)  // Sunday (a make-up workday)
        XCTAssertEqual(day("2000-02-29").isoWeekday, 2)  // Tuesday
    }

    func testDayNumberRoundTrip() {
        XCTAssertEqual(day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(day("1969-12-31").dayNumber, -1)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(CalendarDate(dayNumber: n).dayNumber, n)
        }
    }

    func testAddingDays() {
        XCTAssertEqual(day("2024-12-31").adding(days: 1), day("2025-01-01"))
        XCTAssertEqual(day("2024-03-01").adding(days: -1), day("2024-02-29"))
        XCTAssertEqual(day("2023-03-01").adding(days: -1), day("2023-02-28"))
        XCTAssertEqual(day("2024-01-01").adding(days: 366), day("2025-01-01"))
    }

    /// 29 February plus a year is 28 February; plus four years is 29 February again.
    func testAddingYearsOnLeapDay() {
        XCTAssertEqual(day("2024-02-29").adding(years: 1), day("2025-02-28"))
        XCTAssertEqual(day("2024-02-29").adding(years: 4), day("2028-02-29"))
        XCTAssertEqual(day("2024-02-29").adding(years: -1), day("2023-02-28"))
        XCTAssertEqual(day("2024-04-01").adding(years: 5), day("2029-04-01"))
    }

    func testAddingMonthsClampsToMonthEnd() {
        XCTAssertEqual(day("2024-01-31").adding(months: 1), day("2024-02-29"))
        XCTAssertEqual(day("2023-01-31").adding(months: 1), day("2023-02-28"))
        XCTAssertEqual(day("2024-11-15").adding(months: 2), day("2025-01-15"))
        XCTAssertEqual(day("2024-03-31").adding(months: -1), day("2024-02-29"))
        XCTAssertEqual(day("2024-01-15").adding(months: -1), day("2023-12-15"))
    }

    func testOrdering() {
        XCTAssertLessThan(day("2024-02-29"), day("2024-03-01"))
        XCTAssertLessThan(day("2023-12-31"), day("2024-01-01"))
        XCTAssertEqual(day("2024-03-01"), CalendarDate(year: 2024, month: 3, day: 1))
    }

    /// Today is a day in the site's zone: at any instant, Shanghai is at most one day ahead of UTC.
    func testTodayInZone() {
        let utc = CalendarDate.today(in: TimeZone(identifier: "UTC")!)
        let shanghai = CalendarDate.today(in: TimeZone(identifier: "Asia/Shanghai")!)
        XCTAssertTrue([0, 1].contains(shanghai.dayNumber - utc.dayNumber))
    }
}

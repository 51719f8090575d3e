import PropertyBased
import Testing
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// Properties of the day arithmetic every deadline and status rests on, checked on random
/// days from 1900 to 2199 (x-sheep/swift-property-based; a failure prints a fixed seed).
@Suite struct DatePropertyTests {
    /// Day numbers of 1900-01-01 … 2199-12-31.
    static let days = Gen.int(in: CalendarDate(year: 1900, month: 1, day: 1)!.dayNumber...CalendarDate(year: 2199, month: 12, day: 31)!.dayNumber)

    @Test func dayNumberRoundTripsAndGivesARealDay() async {
        await propertyCheck(count: 2000, input: Self.days) { n in
            let date = CalendarDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            #expect(CalendarDate(date.description) == date, "ISO text \(date.description) parses back")
        }
    }

    @Test func nextDayIsTheFollowingCalendarDay() async {
        await propertyCheck(count: 2000, input: Self.days) { n in
            let date = CalendarDate(dayNumber: n), next = date.adding(days: 1)
            if let sameMonth = CalendarDate(year: date.year, month: date.month, day: date.day + 1) {
                #expect(next == sameMonth)
            } else if let nextMonth = CalendarDate(year: date.year, month: date.month + 1, day: 1) {
                #expect(next == nextMonth)
            } else {
                #expect(next == CalendarDate(year: date.year + 1, month: 1, day: 1))
            }
            #expect(next.isoWeekday == date.isoWeekday % 7 + 1)
            #expect((1...7).contains(date.isoWeekday))
        }
    }

    @Test func addingDaysIsAdditiveAndOrdered() async {
        await propertyCheck(count: 1000, input: Self.days, Gen.int(in: -5000...5000), Gen.int(in: -5000...5000)) { n, a, b in
            let date = CalendarDate(dayNumber: n)
            #expect(date.adding(days: a).adding(days: b) == date.adding(days: a + b))
            #expect((date.adding(days: a) < date) == (a < 0))
        }
    }

    @Test func addingYearsAndMonthsKeepsTheDayOrClampsIt() async {
        await propertyCheck(count: 1000, input: Self.days, Gen.int(in: -30...30), Gen.int(in: -120...120)) { n, years, months in
            let date = CalendarDate(dayNumber: n)
            let y = date.adding(years: years)
            #expect(y.year == date.year + years && y.month == date.month)
            #expect(y.day == date.day || (date.month == 2 && date.day == 29 && y.day == 28))
            let m = date.adding(months: months)
            let total = date.year * 12 + (date.month - 1) + months
            #expect(m.year == total / 12 && m.month == total % 12 + 1)
            #expect(m.day == min(date.day, CalendarDate.daysIn(month: m.month, year: m.year)))
        }
    }

    @Test func weekdayMatchesAKnownDay() {
        // 2024-03-08 was a Friday; every day's weekday follows from the day count.
        #expect(CalendarDate("2024-03-08")!.isoWeekday == 5)
    }
}

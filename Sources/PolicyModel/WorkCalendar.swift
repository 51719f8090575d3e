import Foundation
import PolicyCore

/// The working-day calendar from `calendar.yml`: Monday–Friday are working days unless
/// listed as holidays; weekend make-up days (调休) listed as workdays count too.
public struct WorkCalendar: Sendable {
    public private(set) var holidays: Set<Int> = []
    public private(set) var workdays: Set<Int> = []
    /// Years the file mentions; counting across any other year cannot be exact.
    public private(set) var coveredYears: Set<Int> = []

    public init() {}

    /// Builds the calendar from day lists; each entry is a date or an inclusive range `A..B`.
    /// Returns the entries it could not read, so the caller can report them.
    public init(holidays: [String], workdays: [String], unreadable: inout [String]) {
        for entry in holidays { add(entry, to: \.holidays, unreadable: &unreadable) }
        for entry in workdays { add(entry, to: \.workdays, unreadable: &unreadable) }
    }

    private mutating func add(
        _ entry: String, to set: WritableKeyPath<WorkCalendar, Set<Int>>,
        unreadable: inout [String]
    ) {
        let ends = entry.components(separatedBy: "..")
        guard ends.count <= 2, let first = CalendarDate(ends[0].trimmed),
            let last = ends.count == 2 ? CalendarDate(ends[1].trimmed) : first, first <= last,
            last.dayNumber - first.dayNumber < 60
        else { unreadable.append(entry); return }
        for n in first.dayNumber...last.dayNumber {
            self[keyPath: set].insert(n)
            coveredYears.insert(CalendarDate(dayNumber: n).year)
        }
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if workdays.contains(date.dayNumber) { return true }
        if holidays.contains(date.dayNumber) { return false }
        return date.isoWeekday <= 5
    }

    /// Working days after `start` up to and including `end` — the lag of a publication on
    /// `end` behind one on `start` (0 for the same day, 1 for the next working day).
    public func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        for n in (start.dayNumber + 1)...end.dayNumber where isWorkingDay(CalendarDate(dayNumber: n)) {
            count += 1
        }
        return count
    }

    /// Whether every year from `start` to `end` is in the file.
    public func covers(_ start: CalendarDate, _ end: CalendarDate) -> Bool {
        (min(start.year, end.year)...max(start.year, end.year)).allSatisfy(coveredYears.contains)
    }
}

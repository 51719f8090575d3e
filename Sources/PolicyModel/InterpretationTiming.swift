import PolicyCore

/// How an interpretation's publication day stands against its document's: the one
/// definition of 同步发布 that the gate (PI002), the pages and `policy report` all read.
///
/// On time means `document ≤ interpretation ≤ deadline`, where the deadline is the
/// document's day itself when the limit is 0 working days, and otherwise the N-th working
/// day after it. A Saturday or a holiday after a Friday document is "0 working days later"
/// but not the same day, so with a limit of 0 it is late.
public struct InterpretationTiming: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// Published before the document.
        case early
        /// Published the same day as the document (同步发布).
        case sameDay
        /// After the document's day, by the deadline.
        case withinLimit
        /// After the deadline.
        case late
    }

    public let document: CalendarDate
    public let interpretation: CalendarDate
    /// The last day the interpretation may come out.
    public let deadline: CalendarDate
    /// Working days after the document's day through the interpretation's (0 when not later).
    public let workingDaysLater: Int
    public let verdict: Verdict

    public var isOnTime: Bool { verdict == .sameDay || verdict == .withinLimit }

    public init(document: CalendarDate, interpretation: CalendarDate, maxLagWorkingDays: Int, calendar: WorkCalendar) {
        self.document = document
        self.interpretation = interpretation
        deadline = calendar.deadline(after: document, workingDays: max(0, maxLagWorkingDays))
        workingDaysLater = calendar.workingDays(after: document, through: interpretation)
        verdict =
            interpretation < document
            ? .early
            : interpretation == document
                ? .sameDay
                : interpretation <= deadline ? .withinLimit : .late
    }

    /// How the pages say it: 与文件同步发布, or how many working days later.
    public var chinese: String {
        switch verdict {
        case .early: "早于文件发布"
        case .sameDay: "与文件同步发布"
        case .withinLimit, .late:
            workingDaysLater == 0 ? "文件发布后的非工作日发布" : "文件发布后第 \(workingDaysLater) 个工作日发布"
        }
    }
}

extension WorkCalendar {
    /// The N-th working day after `start`; `start` itself when N is 0.
    public func deadline(after start: CalendarDate, workingDays n: Int) -> CalendarDate {
        // Capped so that an absurd setting cannot spin: ten years of working days.
        var day = start.dayNumber, left = min(n, 2_500)
        while left > 0 {
            day += 1
            if isWorkingDay(CalendarDate(dayNumber: day)) { left -= 1 }
        }
        return CalendarDate(dayNumber: day)
    }
}

extension Library {
    /// The timing of `interpretation` against its document, under the site's limit; nil
    /// when the document is not in the library.
    public func timing(of interpretation: Interpretation) -> InterpretationTiming? {
        document(interpretation.documentID).map { timing(of: interpretation, in: $0) }
    }

    public func timing(of interpretation: Interpretation, in document: Document) -> InterpretationTiming {
        InterpretationTiming(
            document: document.published, interpretation: interpretation.published,
            maxLagWorkingDays: site.interpretation.maxLagWorkingDays, calendar: calendar)
    }
}

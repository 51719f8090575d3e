import PolicyCore

/// PF009: `calendar.yml` exists and every entry is a date or a range of dates.
struct CalendarIsValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PF009", name: "calendar-valid", severity: .error,
        summary: "calendar.yml is missing, or an entry is not a YYYY-MM-DD date or A..B range.",
        fix: "在 content/calendar.yml 中按 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD 的格式列出放假日（holidays）和调休上班日（workdays）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        // Unreadable entries are found while the model builds the calendar from the others.
        guard context.raw.calendar == nil else {
            return context.library.unreadableCalendarEntries.map {
                finding($0.location, "calendar.yml 中的日期“\($0.entry)”无法识别。")
            }
        }
        return [finding(SourceLocation(file: "\(context.raw.displayRoot)/calendar.yml"),
                        "缺少工作日历 calendar.yml，无法按工作日计算解读滞后和公开时限。")]
    }
}

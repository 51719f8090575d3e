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
            return context.library.unreadableCalendarEntries.map { entry in
                switch entry.problem {
                case .notADate(let text):
                    finding(entry.location, "calendar.yml 中的日期“\(text)”无法识别。")
                case .nested(let key, let isMapping):
                    finding(entry.location, "calendar.yml 的 \(key) 中有一项不是日期或日期区间（是\(isMapping ? "映射" : "列表")），该项未被计入。")
                }
            }
        }
        return [
            finding(
                SourceLocation(file: "\(context.raw.displayRoot)/calendar.yml"),
                "缺少工作日历 calendar.yml，无法按工作日计算解读滞后和公开时限。")
        ]
    }
}

import PolicyCore

/// PD004: working days can only be counted exactly in years calendar.yml lists.
struct CalendarCoversDates: Rule {
    static let descriptor = RuleDescriptor(
        code: "PD004", name: "calendar-coverage", severity: .warning,
        summary: "Working days are counted across a year calendar.yml does not cover, so the count may be off.",
        fix: "在 calendar.yml 中补充该年度的法定节假日和调休上班日（以国务院办公厅通知为准）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        // Only spans that a working-day rule counts: document signed → published (disclosure)
        // and document → interpretation (同步发布). One finding per missing year.
        var missing: [Int: SourceLocation] = [:]
        for doc in context.library.documents {
            var spans = [(doc.signed, doc.published)]
            spans += doc.interpretations.filter { $0.published > doc.published }.map { (doc.published, $0.published) }
            for (start, end) in spans where !context.calendar.covers(start, end) {
                // Dates out of order (published before signed) are PD001's; the span still counts.
                for year in min(start.year, end.year)...max(start.year, end.year) where !context.calendar.coveredYears.contains(year) && missing[year] == nil {
                    missing[year] = doc.source.frontMatter?.location(of: "published") ?? doc.source.location()
                }
            }
        }
        let calendarFile = "\(context.raw.displayRoot)/calendar.yml"
        return missing.sorted { $0.key < $1.key }.map { year, location in
            finding(location, "calendar.yml 未列出 \(year) 年的节假日安排，按工作日计算的期限可能不准确（参见 \(calendarFile)）。")
        }
    }
}

import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ003: `answered` is a real day, and not after the as-of day. Unlike a document, an
/// answer is never scheduled: it is exported after it was given, so a later day is a typo
/// (a swapped month and day, a wrong year), and an error rather than a notice.
struct QuestionDateIsValid: Rule {
    static let descriptor = RuleDescriptor(
        code: "PQ003", name: "qa-date", severity: .error,
        summary:
            "A standalone Q&A entry's answered date is not a YYYY-MM-DD calendar day, or is after the as-of date (an answer is exported after it is given, so a later day is a typo).",
        fix: "answered 写作 YYYY-MM-DD（如 2025-03-01），为实际答复的日期，不晚于今天。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.questionSources.compactMap { source in
            guard let text = source.fields.string("answered") else { return nil }
            let at = source.fields.location(of: "answered")
            let label = QuestionSchema.label(source)
            guard let day = CalendarDate(text) else {
                return finding(at, "\(label)答复日期“\(text)”不是 YYYY-MM-DD 格式的有效日期。")
            }
            guard day <= context.asOf else {
                return finding(at, "\(label)答复日期 \(day) 晚于 \(context.asOf)：问答在答复之后才导出，日期应不晚于今天。")
            }
            return nil
        }
    }
}

import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ003: `answered` is a real day (an error otherwise). A day after the as-of day is a
/// notice, like a scheduled document (PS001): the entry stays off the site until that day
/// (`Library.published(asOf:)`). Not an error, because a build at an earlier as-of date
/// (the search page's other days, a reproducible rebuild of an old state) must still pass;
/// the notice names the day, so a typo (a swapped month and day) is seen on every run.
struct QuestionDateIsValid: Rule {
    static let descriptor = RuleDescriptor(
        code: "PQ003", name: "qa-date", severity: .error,
        summary:
            "A standalone Q&A entry's answered date is not a YYYY-MM-DD calendar day (an error); a day after the as-of date is a notice: the entry stays off the site until that day (check it is not a typo).",
        fix: "answered 写作 YYYY-MM-DD（如 2025-03-01），为实际答复的日期；晚于今天的条目到那一天才发布。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.questionSources.compactMap { source in
            guard let text = source.fields.string("answered") else { return nil }
            let at = source.fields.location(of: "answered")
            let label = QuestionSchema.label(source)
            guard let day = CalendarDate(text) else {
                return finding(at, "\(label)答复日期“\(text)”不是 YYYY-MM-DD 格式的有效日期。")
            }
            guard day <= context.asOf else {
                return finding(
                    at, "\(label)答复日期 \(day) 晚于 \(context.asOf)：该问答到那天才在网站上出现；如是笔误（月、日颠倒，年份写错），请改正。",
                    severity: .notice)
            }
            return nil
        }
    }
}

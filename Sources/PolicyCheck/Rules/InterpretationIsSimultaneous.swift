import PolicyCore

/// PI002: 同步发布 — an interpretation is released the same day as its document, or by the
/// `max_lag_working_days`-th working day after it; never before the document. The timing is
/// `InterpretationTiming`, the same one the pages and `policy report` show.
struct InterpretationIsSimultaneous: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI002", name: "interpretation-not-simultaneous", severity: .error,
        summary:
            "An interpretation is published before its document, or after its deadline: the document's own date when interpretation.max_lag_working_days is 0, else the N-th working day after it.",
        fix: "将解读的 published 改为与文件相同的发布日期（同步发布）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let allowed = context.site.interpretation.maxLagWorkingDays
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            for item in doc.interpretations {
                let location = item.source.frontMatter?.location(of: "published") ?? item.source.location()
                let timing = context.library.timing(of: item, in: doc)
                switch timing.verdict {
                case .sameDay, .withinLimit:
                    continue
                case .early:
                    found.append(
                        finding(
                            location, "解读发布日期 \(item.published) 早于文件发布日期 \(doc.published)。",
                            fix: "解读不能早于文件发布：将 published 改为 \(doc.published)。"))
                case .late where allowed == 0:
                    found.append(
                        finding(
                            location,
                            "解读没有与文件同日发布（文件 \(doc.published)，解读 \(item.published)，\(timing.workingDaysLater == 0 ? "其间没有工作日，但不是同一天" : "晚 \(timing.workingDaysLater) 个工作日")）；interpretation.max_lag_working_days 为 0，须同日发布。",
                            fix: "解读应与文件同步发布：将 published 改为 \(doc.published)。"))
                case .late:
                    found.append(
                        finding(
                            location,
                            "解读比文件晚 \(timing.workingDaysLater) 个工作日发布（文件 \(doc.published)，解读 \(item.published)），超过允许的 \(allowed) 个工作日：最晚应在 \(timing.deadline)。",
                            fix: "解读应与文件同步发布：将 published 改为 \(doc.published)，或不晚于 \(timing.deadline)。"))
                }
            }
        }
        return found
    }
}

import PolicyCore

/// PI002: 同步发布 — an interpretation is released the same day as its document, or within
/// `max_lag_working_days` working days; never before the document.
struct InterpretationIsSimultaneous: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI002", name: "interpretation-not-simultaneous", severity: .error,
        summary: "An interpretation is published before its document, or more working days after it than interpretation.max_lag_working_days allows.",
        fix: "将解读的 published 改为与文件相同的发布日期（同步发布）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let allowed = context.site.interpretation.maxLagWorkingDays
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            for item in doc.interpretations {
                let location = item.source.frontMatter?.location(of: "published") ?? item.source.location()
                if item.published < doc.published {
                    found.append(finding(location, "解读发布日期 \(item.published) 早于文件发布日期 \(doc.published)。",
                                         fix: "解读不能早于文件发布：将 published 改为 \(doc.published)。"))
                    continue
                }
                let lag = context.calendar.workingDays(after: doc.published, through: item.published)
                if lag > allowed {
                    found.append(finding(location, "解读比文件晚 \(lag) 个工作日发布（文件 \(doc.published)，解读 \(item.published)），超过允许的 \(allowed) 个工作日。",
                                         fix: "解读应与文件同步发布：将 published 改为 \(doc.published)\(allowed > 0 ? "，或在允许的 \(allowed) 个工作日内" : "")。"))
                }
            }
        }
        return found
    }
}

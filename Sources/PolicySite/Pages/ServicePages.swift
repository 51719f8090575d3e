import PolicyCore

/// The library services beyond the libraries themselves: 新旧对照 for every version pair,
/// the 政策问答库 (with `qa.json`), interpretations by form, the report figures (with their
/// CSV and JSON) and the per-section Atom feeds. Each is a job of its own for `SiteRenderer`.
struct ServicePages {
    let context: SiteContext

    func jobs() -> [SiteRenderer.Job] {
        let context = context
        let wholeLibrary: [SiteRenderer.Job] = [
            { try QuestionBankPage(context: context).render() },
            { [try InterpretationsPage(context: context).render()] },
            { try ReportPage(context: context).render() },
            { try SectionFeeds(context: context).render() },
        ]
        // Comparisons are the costly part (a character diff per changed article): one job each.
        return wholeLibrary
            + context.library.versionPairs.map { pair in
                {
                    [try ComparisonPage(context: context, pair: pair, diff: context.library.comparison(pair)).render()]
                }
            }
    }
}

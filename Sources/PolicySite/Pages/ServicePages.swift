import PolicyCore

/// The library services beyond the libraries themselves: 新旧对照 for every version pair,
/// the 政策问答库 (with `qa.json`), interpretations by form, the report figures (with their
/// CSV and JSON) and the per-section Atom feeds. Each is a job of its own for `SiteRenderer`.
struct ServicePages {
    let context: SiteContext

    func jobs(inputs: PageInputs?) -> [SiteRenderer.Job] {
        let context = context
        let wholeLibrary: [SiteRenderer.Job] = [
            .init(inputs: inputs?.questionBank()) { try QuestionBankPage(context: context).render() },
            .init(inputs: inputs?.frontMatterPages("interpretations")) { [try InterpretationsPage(context: context).render()] },
            .init { try ReportPage(context: context).render() },
            .init { try SectionFeeds(context: context).render() },
        ]
        // Comparisons are the costly part (a character diff per changed article): one job each.
        return wholeLibrary
            + context.library.versionPairs.map { pair in
                .init(inputs: inputs?.comparison(pair)) {
                    [try ComparisonPage(context: context, pair: pair, diff: context.library.comparison(pair)).render()]
                }
            }
    }
}

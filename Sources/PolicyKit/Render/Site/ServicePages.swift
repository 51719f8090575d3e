/// The library services beyond the libraries themselves: 新旧对照 for every version pair,
/// the 政策问答库 (with `qa.json`), interpretations by form, the report figures (with their
/// CSV and JSON) and the per-section Atom feeds.
struct ServicePages {
    let context: SiteContext

    func render() throws -> [OutputFile] {
        // Comparisons are the costly part (a character diff per changed article): all cores.
        let comparisons = context.library.versionPairs.parallelMap { pair in
            Result { try ComparisonPage(context: context, pair: pair, diff: context.library.comparison(pair)).render() }
        }
        var files = try comparisons.map { try $0.get() }
        files += try QuestionBankPage(context: context).render()
        files.append(try InterpretationsPage(context: context).render())
        files += try ReportPage(context: context).render()
        files += SectionFeeds(context: context).render()
        return files
    }
}

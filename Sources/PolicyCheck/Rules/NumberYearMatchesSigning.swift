import PolicyCore
import PolicyModel

/// PN002: the year in a 文号 (`示市监规〔2024〕3号`) is the year the document was signed
/// (成文日期). Order numbers carry no year; a malformed number is PN001's, and spaces or mixed
/// brackets are PN005's, so the number is judged as that fix leaves it.
struct NumberYearMatchesSigning: Rule {
    static let descriptor = RuleDescriptor(
        code: "PN002", name: "number-year", severity: .error,
        summary: "The year in a 文号 is not the year of the document's signing date (成文日期).",
        fix: "核对文号年份与成文日期（signed），二者应为同一年。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard let written = doc.number else { return nil }
            let number = DocumentNumber.typingSlips(written)?.corrected ?? written
            guard !DocumentNumber.isOrderLike(number), case .standard(_, let year, _) = DocumentNumber.parse(number),
                year != doc.signed.year
            else { return nil }
            return finding(
                doc.source.frontMatter?.location(of: "number") ?? doc.source.location(),
                "文号“\(written)”中的年份 \(year) 与成文日期 \(doc.signed)（\(doc.signed.year) 年）不一致。")
        }
    }
}

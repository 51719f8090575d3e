import PolicyCore
import PolicyModel

/// PN005: a 文号 contains no whitespace (half-width, full-width) and its year brackets pair
/// up (`〔2024]` is neither right nor wrong brackets). A separate rule from PN001 because the
/// slip is in the typing, not in the format: the fix is always the same number with the
/// space deleted or the odd bracket replaced, which the message gives in full. PN001 then
/// judges the number as corrected, so one slip is reported once.
struct NumberIsCleanlyWritten: Rule {
    static let descriptor = RuleDescriptor(
        code: "PN005", name: "number-spacing", severity: .error,
        summary: "A 文号 contains spaces (half- or full-width) or year brackets of two styles (〔2024], [2024〕).",
        fix: "删去文号中的空格，年份两边都用六角括号〔〕，如 示市监规〔2024〕3号。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard let number = doc.number, let slips = DocumentNumber.typingSlips(number) else { return nil }
            var problems: [String] = []
            if !slips.spaces.isEmpty { problems.append("含有空格（\(slips.spaces.joined(separator: "；"))）") }
            if let (open, close) = slips.mismatchedBrackets {
                problems.append("年份括号前后不一致（前为“\(open)”，后为“\(close)”）")
            }
            var fixes: [String] = []
            if !slips.spaces.isEmpty { fixes.append("删去空格") }
            if slips.mismatchedBrackets != nil { fixes.append("年份两边都用六角括号〔〕") }
            return finding(
                doc.source.frontMatter?.location(of: "number") ?? doc.source.location(),
                "文号“\(number)”\(problems.joined(separator: "，"))。",
                fix: "\(fixes.joined(separator: "，"))，改为“\(slips.corrected)”。")
        }
    }
}

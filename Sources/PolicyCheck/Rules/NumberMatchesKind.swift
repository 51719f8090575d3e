import PolicyCore
import PolicyModel

/// PN004: a 规章 is promulgated by an order signed by the head of government or department
/// (立法法, 规章制定程序条例) and carries its order number (令号, `……令第N号`); every other
/// kind carries a 发文字号 (`示市监规〔2024〕3号`) and may not be numbered as an order — a
/// 行政规范性文件 issued as a 令 passes itself off as a regulation.
struct NumberMatchesKind: Rule {
    static let descriptor = RuleDescriptor(
        code: "PN004", name: "number-kind", severity: .error,
        summary: "A 行政规范性文件 or 其他政策文件 is numbered as an order (……令第N号, ……令〔2024〕5号), or a 规章 carries a 发文字号 instead of its order number.",
        fix: "规章用令号（示例省人民政府令第12号），其他文件用发文字号（示市监规〔2024〕3号）；若种类有误，改正 kind 或所在文件夹。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard let written = doc.number, !written.trimmed.isEmpty else { return nil }
            let number = DocumentNumber.typingSlips(written)?.corrected ?? written
            let location = doc.source.frontMatter?.location(of: "number") ?? doc.source.location()
            let isOrder = DocumentNumber.isOrderLike(number)
            if doc.kind != .regulation, isOrder {
                return finding(
                    location, "\(doc.kind.chinese)的文号“\(written)”是令号：只有规章以政府令、部门令公布，\(doc.kind.chinese)不得以“令”的形式发布。",
                    fix: "改用发文字号，如 示市监规〔\(doc.signed.year)〕1号；若该文件确为规章，放入 regulations/ 文件夹（或写 kind: regulation）。")
            }
            if doc.kind == .regulation, !isOrder {
                return finding(
                    location, "规章的文号“\(written)”不是令号：规章以政府令、部门令公布，文号写作“……令第N号”。",
                    fix: "改为公布该规章的令号，如 示例省人民政府令第12号；若该文件不是规章，放入 normative/ 或 policies/ 文件夹（或改正 kind）。")
            }
            return nil
        }
    }
}

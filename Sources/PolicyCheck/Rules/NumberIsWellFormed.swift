import PolicyCore
import PolicyModel

/// PN001: 文号 follow GB/T 9704 — issuer code, four-digit year in 〔〕, serial without
/// leading zeros or 第, then 号. A regulation carries its order number (`……令第N号`) instead.
struct NumberIsWellFormed: Rule {
    static let descriptor = RuleDescriptor(
        code: "PN001", name: "number-format", severity: .error,
        summary: "A 文号 does not follow GB/T 9704: year not four digits in 〔〕 (not [] 【】 ［］ () （）), serial with leading zeros or 第, or no 号 at the end.",
        fix: "文号写作“发文机关代字〔年份〕序号号”，如 示市监规〔2024〕3号；年份用六角括号〔〕，序号不编虚位、不加“第”。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        documentNumbers(context) + cleanupNumbers(context)
    }

    private func documentNumbers(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard let written = doc.number else { return nil }
            // Spaces and mismatched brackets are PN005's; judge the number as that fix leaves it.
            let number = DocumentNumber.typingSlips(written)?.corrected ?? written
            let location = doc.source.frontMatter?.location(of: "number") ?? doc.source.location()
            let parsed = DocumentNumber.parse(number)
            if DocumentNumber.isOrderLike(number) {
                // An order number on anything but a regulation is PN004's.
                guard doc.kind == .regulation else { return nil }
                if case .order = parsed { return nil }
                return finding(
                    location, "令号“\(written)”格式不正确：令号写作“……令第N号”，不标年份，序号为阿拉伯数字、不编虚位。",
                    fix: DocumentNumber.orderWithoutYear(number).map { "改为“\($0)”。" })
            }
            switch parsed {
            case .order, .standard:
                return nil  // a standard number's year is PN002's
            case .malformed(let problem, let suggestion):
                return finding(
                    location, "文号“\(written)”格式不正确：\(problem)。",
                    fix: suggestion.map { "改为“\($0)”。" })
            }
        }
    }

    /// A cleanup batch's own 文号 (`number`) follows the same format as a document's.
    private func cleanupNumbers(_ context: CheckContext) -> [Diagnostic] {
        context.library.cleanups.compactMap { batch in
            guard let number = batch.number else { return nil }
            let location = batch.source.frontMatter?.location(of: "number") ?? batch.source.location()
            guard case .malformed(let problem, let suggestion) = DocumentNumber.parse(number) else { return nil }
            return finding(
                location, "清理结果《\(batch.title)》的文号“\(number)”格式不正确：\(problem)。",
                fix: suggestion.map { "改为“\($0)”。" })
        }
    }
}

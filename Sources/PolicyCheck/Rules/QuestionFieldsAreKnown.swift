import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ007: a field a Q&A entry does not define is most often a typo (`chanel`) that silently
/// loses data, or a column of the export that was not mapped.
struct QuestionFieldsAreKnown: Rule {
    static let descriptor = RuleDescriptor(
        code: "PQ007", name: "qa-unknown-field", severity: .warning,
        summary: "A standalone Q&A entry has a field the format does not define (suggests the nearest known one).",
        fix: "检查字段名拼写；问答的字段见 docs/content-format.md 的“Standalone Q&A entries”。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.questionSources.flatMap { source in
            let known = QuestionSchema.fields(of: source)
            return source.fields.entries.filter { !known.contains($0.key) }.map { entry in
                let near = Suggest.nearest(entry.key, in: known)
                let why = entry.key == "answer" && !source.isBatch ? "问答文件的答复写在正文中。" : near.map { "是否应为“\($0)”？" } ?? "该字段不会被使用。"
                return finding(entry.keyLocation, "\(QuestionSchema.label(source))未知字段“\(entry.key)”。\(why)")
            }
        }
    }
}

import PolicyCore
import PolicyLoad

/// PF003: a field the format does not know is most often a typo that silently loses data.
struct KnownFieldsOnly: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF003", name: "unknown-field", severity: .warning,
        summary: "A front-matter field the content format does not define (suggests the nearest known one).",
        fix: "检查字段名拼写；支持的字段见 docs/content-format.md。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            found += unknown(in: fm, known: Schema.fields(for: role), prefix: "")
            for (field, known) in Schema.nested {
                let nested = fm.mapping(field).map { [$0] } ?? fm.mappings(field)
                for m in nested { found += unknown(in: m, known: known, prefix: "\(field).") }
            }
        }
        return found
    }

    private func unknown(in fm: FrontMatter, known: [String], prefix: String) -> [Diagnostic] {
        fm.entries.filter { !known.contains($0.key) }.map { entry in
            let hint = Suggest.nearest(entry.key, in: known).map { "是否应为“\(prefix)\($0)”？" } ?? "该字段不会被使用。"
            return finding(
                entry.keyLocation, "未知字段“\(prefix)\(entry.key)”。\(hint)",
                fix: Suggest.nearest(entry.key, in: known).map { "将“\(entry.key)”改为“\($0)”。" })
        }
    }
}

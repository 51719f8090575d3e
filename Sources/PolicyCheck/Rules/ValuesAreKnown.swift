import PolicyCore
import PolicyLoad
import PolicyModel

/// PF006: `kind`, `form` and cleanup `result` take one of a fixed set of values.
struct ValuesAreKnown: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF006", name: "unknown-value", severity: .error,
        summary: "Unknown kind, interpretation form, cleanup result or disclosure (公开方式).",
        fix: "使用规定的取值之一（见提示）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            switch role {
            case .document:
                found += check(fm, "kind", DocumentKind.allCases.map(\.rawValue) + DocumentKind.allCases.map(\.chinese)) {
                    DocumentKind(alias: $0) != nil
                }
                found += check(fm, "disclosure", Disclosure.allCases.map(\.rawValue)) { Disclosure(alias: $0) != nil }
            case .interpretation:
                found += check(fm, "form", InterpretationForm.allCases.map { "\($0.rawValue)（\($0.aliases.joined(separator: "/"))）" },
                               candidates: InterpretationForm.allCases.flatMap { [$0.rawValue] + $0.aliases }) {
                    InterpretationForm(alias: $0) != nil
                }
            case .cleanup:
                for result in fm.mappings("results") {
                    found += check(result, "result", CleanupOutcome.allCases.map(\.rawValue)) { CleanupOutcome(rawValue: $0) != nil }
                }
            }
        }
        return found
    }

    /// `allowed` is what the fix lists; `candidates` (default: `allowed`) what "did you mean" picks from.
    private func check(_ fm: FrontMatter, _ field: String, _ allowed: [String], candidates: [String]? = nil,
                       _ isKnown: (String) -> Bool) -> [Diagnostic] {
        guard let value = fm.string(field), !isKnown(value) else { return [] }
        let hint = Suggest.nearest(value, in: candidates ?? allowed).map { "是否应为“\($0)”？" } ?? ""
        return [finding(fm.location(of: field), "字段“\(field)”的值“\(value)”无效。\(hint)",
                        fix: "可用的值：\(allowed.joined(separator: "、"))。")]
    }
}

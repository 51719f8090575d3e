import PolicyCore
import PolicyLoad
import PolicyModel

/// PF006: `kind`, `form` and cleanup `result` take one of a fixed set of values, and every
/// field has the shape `Schema`'s tables give it (a required field's own shape is PF004's).
struct ValuesAreKnown: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF006", name: "unknown-value", severity: .error,
        summary:
            "Unknown kind, interpretation form, cleanup result or disclosure (公开方式); or a field of the wrong shape (a list or mapping where one value is meant, a string where a mapping is meant) in a Markdown file, site.yml or calendar.yml.",
        fix: "使用规定的取值之一（见提示）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            found += shapes(fm, Schema.shapes(for: role), skipping: RequiredFieldsPresent.required(role, fm))
            switch role {
            case .document:
                found += check(fm, "kind", DocumentKind.allCases.map(\.rawValue) + DocumentKind.allCases.map(\.chinese)) {
                    DocumentKind(alias: $0) != nil
                }
                found += check(fm, "disclosure", Disclosure.allCases.map(\.rawValue)) { Disclosure(alias: $0) != nil }
                // Left empty is not "default": the document is withheld until it is filled in.
                if fm.node("disclosure") != nil, fm.string("disclosure") == nil {
                    found.append(
                        finding(
                            fm.location(of: "disclosure"), "公开方式（disclosure）为空：文件暂按不公开处理，不会发布到网站。",
                            fix: "填写 disclosure: 主动公开、依申请公开 或 不予公开；主动公开的文件也可以删去这一行。"))
                }
            case .interpretation:
                found += check(
                    fm, "form", InterpretationForm.allCases.map { "\($0.rawValue)（\($0.aliases.joined(separator: "/"))）" },
                    candidates: InterpretationForm.allCases.flatMap { [$0.rawValue] + $0.aliases }
                ) {
                    InterpretationForm(alias: $0) != nil
                }
            case .cleanup:
                for result in fm.mappings("results") {
                    found += check(result, "result", CleanupOutcome.allCases.map(\.rawValue)) { CleanupOutcome(rawValue: $0) != nil }
                }
            }
        }
        for (file, table) in [(context.raw.site, Schema.siteShapes), (context.raw.calendar, Schema.calendarShapes)] {
            if let fm = file?.frontMatter { found += shapes(fm, table, skipping: []) }
        }
        return found
    }

    /// Wrong shapes, except a required field's own (PF004) and missing keys (PF004).
    private func shapes(_ fm: FrontMatter, _ table: [FieldSpec], skipping required: [String]) -> [Diagnostic] {
        fm.shapeProblems(table).filter { $0.missingKey == nil && !(required.contains($0.field) && $0.path == $0.field) }
            .map { problem in
                let (text, fix) = problem.message
                return finding(fm.location(of: problem), text, fix: fix)
            }
    }

    /// `allowed` is what the fix lists; `candidates` (default: `allowed`) what "did you mean" picks from.
    private func check(
        _ fm: FrontMatter, _ field: String, _ allowed: [String], candidates: [String]? = nil,
        _ isKnown: (String) -> Bool
    ) -> [Diagnostic] {
        guard let value = fm.string(field), !isKnown(value) else { return [] }
        let hint = Suggest.nearest(value, in: candidates ?? allowed).map { "是否应为“\($0)”？" } ?? ""
        return [
            finding(
                fm.location(of: field), "字段“\(field)”的值“\(value)”无效。\(hint)",
                fix: "可用的值：\(allowed.joined(separator: "、"))。")
        ]
    }
}

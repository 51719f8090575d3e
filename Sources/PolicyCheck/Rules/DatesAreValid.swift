import PolicyCore
import PolicyLoad

/// PF005: dates are calendar days written `YYYY-MM-DD` — never `2024/1/5`, `2024年1月5日`
/// or a timestamp, which YAML would turn into an instant.
struct DatesAreValid: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF005", name: "date-format", severity: .error,
        summary: "A date field is not a real YYYY-MM-DD calendar day.",
        fix: "日期写作 YYYY-MM-DD，如 2024-03-01（月、日补足两位）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            for field in Schema.dateFields(for: role) { found += check(fm, field, label: field) }
            if let repealed = fm.mapping("repealed") { found += check(repealed, "date", label: "repealed.date") }
            if let exempt = fm.mapping("exempt") { found += check(exempt, "approved_on", label: "exempt.approved_on") }
            for amendment in fm.mappings("amended_by") { found += check(amendment, "date", label: "amended_by.date") }
            for change in fm.mappings("changes") { found += check(change, "date", label: "changes.date") }
        }
        return found
    }

    private func check(_ fm: FrontMatter, _ field: String, label: String) -> [Diagnostic] {
        guard let text = fm.string(field), CalendarDate(text) == nil else { return [] }
        return [finding(fm.location(of: field), "字段“\(label)”的值“\(text)”不是有效日期。")]
    }
}

import PolicyCore

/// PI006: 谁起草谁解读 — the office that drafted a document interprets it.
struct InterpretationOfficeMatches: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI006", name: "interpretation-office", severity: .warning,
        summary: "An interpretation names another office than its document's drafting office.",
        fix: "解读应由起草处室负责：删去解读的 office 字段（默认与文件相同），或改为文件的起草处室。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            guard let office = doc.office else { continue }
            for item in doc.interpretations {
                guard let other = item.office, other != office else { continue }
                found.append(
                    finding(
                        item.source.frontMatter?.location(of: "office") ?? item.source.location(),
                        "解读由“\(other)”发布，而文件由“\(office)”起草。"))
            }
        }
        return found
    }
}

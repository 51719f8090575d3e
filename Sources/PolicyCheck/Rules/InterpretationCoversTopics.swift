import PolicyCore

/// PI003: a text interpretation explains the background and basis, the main measures and
/// the key terms — recognised by heading words listed in `site.yml` `must_cover`.
struct InterpretationCoversTopics: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI003", name: "interpretation-coverage", severity: .error,
        summary: "A text interpretation has no heading for one of interpretation.must_cover (背景依据, 主要内容, 关键词 by default).",
        fix: "为缺少的部分加一个小标题（## 背景依据、## 主要内容、## 关键词解释 等）并写明内容。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for item in context.library.interpretations where item.form == .text {
            let headings = item.bodyFacts.headings.map(\.text)
            let missing = context.site.interpretation.mustCover.filter { topic in
                !headings.contains { heading in topic.words.contains { !$0.isEmpty && heading.containsBytes($0) } }
            }
            guard !missing.isEmpty else { continue }
            let names = missing.map(\.topic).joined(separator: "、")
            let words = missing.map { "“\($0.topic)”（小标题含：\($0.words.joined(separator: "/"))）" }.joined(separator: "，")
            found.append(
                finding(
                    item.source.frontMatter?.location(of: "form") ?? item.source.location(),
                    "文字解读缺少以下部分：\(names)。",
                    fix: "添加小标题：\(words)。"))
        }
        return found
    }
}

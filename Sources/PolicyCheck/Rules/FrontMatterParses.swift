import PolicyCore

/// PF002: every Markdown file starts with YAML front matter between `---` lines that parses.
struct FrontMatterParses: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF002", name: "front-matter-syntax", severity: .error,
        summary: "Front matter is missing, never closed, not a mapping, or not valid YAML (with the YAML error's position).",
        fix: "文件开头用两行 --- 包住 YAML 字段，例如 ---⏎title: 标题⏎---；冒号后加空格，含冒号的值加引号。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let settings = [context.raw.site, context.raw.calendar].compactMap { $0 }
        for file in context.markdownFiles.map(\.file) + settings {
            guard let error = file.frontMatterError else { continue }
            switch error {
            case .missing:
                found.append(finding(file.location(), "文件缺少开头的 front matter（以 --- 开始的字段区）。"))
            case .unclosed:
                found.append(
                    finding(
                        file.location(), "front matter 没有结束：找不到第二个 --- 行。",
                        fix: "在字段区末尾单独加一行 ---，再开始正文。"))
            case .notAMapping:
                found.append(finding(file.location(), "front matter 不是“字段: 值”的形式。"))
            case .syntax(let position):
                found.append(
                    finding(
                        file.location(line: position.line, column: position.column),
                        "YAML 语法错误：\(position.problem)。"))
            }
        }
        return found
    }
}

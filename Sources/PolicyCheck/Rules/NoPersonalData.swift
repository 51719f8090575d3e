import PolicyCore
import PolicyModel

/// PP001: 防止泄露个人隐私 — nothing published may carry a person's ID number, mobile number,
/// bank card or personal e-mail. Official contact numbers and addresses listed in
/// `site.yml` `privacy.allow` pass; `privacy.patterns` adds the bureau's own patterns.
struct NoPersonalData: Rule {
    static let descriptor = RuleDescriptor(
        code: "PP001", name: "personal-data", severity: .error,
        summary: "Published text or front matter contains personal data: a resident ID number (valid check digit), mobile number, bank card number (Luhn), e-mail address, or a privacy.patterns match. The finding shows only a masked excerpt.",
        fix: "删除或隐去个人信息（如 110105********1234）；确属公开的机关联系方式，请列入 site.yml 的 privacy.allow。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let allowed = Set(context.site.privacy.allow)
        let patterns = context.site.privacy.patterns
        return context.markdownFiles.map(\.file).parallelMap { file -> [Diagnostic] in
            var matches = PersonalData.scanLines(file.text)
            if !patterns.isEmpty {
                // Compiled per file: Regex is not Sendable, and files are checked in parallel.
                let patterns = patterns.compactMap { try? Regex($0) }
                for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    for pattern in patterns {
                        for range in line.ranges(of: pattern) {
                            matches.append((index + 1, PersonalData.Match(
                                kind: .pattern, value: String(line[range]),
                                column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)))
                        }
                    }
                }
            }
            var found: [Diagnostic] = []
            for (line, match) in matches where !allowed.contains(match.value) {
                found.append(finding(file.location(line: line, column: match.column),
                                     "疑似\(match.kind.rawValue)：\(match.masked)。公开发布的内容不得包含个人信息。"))
            }
            return found
        }.flatMap { $0 }
    }
}

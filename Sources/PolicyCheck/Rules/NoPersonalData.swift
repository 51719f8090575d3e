import PolicyCore
import PolicyModel
import Yams

/// PP001: 防止泄露个人隐私 — nothing published may carry a person's ID number, mobile number,
/// bank card or personal e-mail, however it is typed (separated, full-width). It reads
/// every text the site can publish (`ReviewedText`): all front matter and bodies, and each
/// bundle's transcripts, captions, text and PDF attachments. Official contact numbers and
/// addresses listed in `site.yml` `privacy.allow` pass; `privacy.patterns` adds the
/// bureau's own patterns. A number hidden by Markdown — split by emphasis, a tag, a line
/// break inside a paragraph or a zero-width space — is found as the page shows it.
struct NoPersonalData: Rule {
    static let descriptor = RuleDescriptor(
        code: "PP001", name: "personal-data", severity: .error,
        summary:
            "Published text contains personal data: a resident ID number (valid check digit), mobile number, bank card number (Luhn), e-mail address, a privacy.patterns match, or in a Q&A entry a name or address after its label (姓名：, 来电人：, 住址：) — also with spaces, dashes, dots or full-width characters, and as the page shows Markdown (split by emphasis, an HTML tag, a line break inside a paragraph or a zero-width space). Reads front matter, bodies, transcripts, captions, text and PDF attachments (a PDF finding names the page). The finding shows only a masked excerpt.",
        fix: "删除或隐去个人信息（如 110105********1234）；确属公开的机关联系方式，请列入 site.yml 的 privacy.allow。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let allowed = Set(context.site.privacy.allow.flatMap { [$0, PersonalData.normalize($0)] })
        let patterns = context.site.privacy.patterns
        return context.reviewedTexts.parallelMap { text -> [Diagnostic] in
            // Compiled per text: Regex is not Sendable, and texts are checked in parallel.
            let compiled = patterns.compactMap { try? Regex($0) }
            var found: [Diagnostic] = []
            for (pageIndex, page) in text.pages.enumerated() {
                // A PDF's text is what its reader sees already; any other text is also read as
                // its page shows it (markup dropped), where a number can hide inside emphasis.
                var matches = text.isPDF ? PersonalData.scanLines(page) : PersonalData.scanMarkdown(page)
                if text.isQuestion { matches += LabelledPersonalData.scanLines(page) }
                if !compiled.isEmpty {
                    for (index, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        for pattern in compiled {
                            for range in line.ranges(of: pattern) {
                                matches.append(
                                    (
                                        index + 1,
                                        PersonalData.Match(
                                            kind: .pattern, value: String(line[range]),
                                            column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                                    ))
                            }
                        }
                    }
                }
                for (line, match) in matches where !allowed.contains(match.value) && !allowed.contains(match.normalized) {
                    found.append(
                        finding(
                            text.location(page: pageIndex + 1, line: line, column: match.column),
                            "\(text.place(page: pageIndex + 1, line: line))疑似\(match.kind.rawValue)：\(match.masked)。公开发布的内容不得包含个人信息。"))
                }
                // YAML values as the page shows them: a quoted value's escapes (`\x31`, a `\`
                // line continuation) can keep a number apart in the file and whole on the page.
                let written = Set(matches.map { PersonalData.normalize($0.match.value) })
                let frontMatters = (text.source?.frontMatter).map { [$0] } ?? text.entries
                for fm in frontMatters {
                    for entry in fm.entries {
                        for (node, value) in Self.scalars(in: entry.value) {
                            var decoded = PersonalData.scanMarkdown(value).map(\.match)
                            if text.isQuestion { decoded += LabelledPersonalData.scanLines(value).map(\.match) }
                            for match in decoded
                            where !written.contains(PersonalData.normalize(match.value)) && !allowed.contains(match.value)
                                && !allowed.contains(match.normalized)
                            {
                                found.append(
                                    finding(
                                        fm.locationOfNode(node) ?? entry.keyLocation,
                                        "字段“\(entry.key)”中疑似\(match.kind.rawValue)：\(match.masked)。公开发布的内容不得包含个人信息。"))
                            }
                        }
                    }
                }
            }
            return found
        }.flatMap { $0 }
    }

    /// Every scalar below a front-matter value, with its text as YAML decodes it.
    private static func scalars(in node: Node) -> [(Node, String)] {
        switch node {
        case .scalar(let scalar): [(node, scalar.string)]
        case .mapping(let mapping): mapping.flatMap { scalars(in: $0.value) }
        case .sequence(let sequence): sequence.flatMap { scalars(in: $0) }
        default: []
        }
    }
}

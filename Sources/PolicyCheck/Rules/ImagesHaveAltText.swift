import PolicyCore

/// PM002: every image says in words what it shows, for screen-reader users.
struct ImagesHaveAltText: Rule {
    static let descriptor = RuleDescriptor(
        code: "PM002", name: "image-alt", severity: .error,
        summary: "An image in a body, or a graphic/animation interpretation's media, has no alt text.",
        fix: "为图片写替代文字：正文中写作 ![图片内容说明](文件名)，media 中写 alt: 图片内容说明。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            for (source, facts) in [(doc.source, doc.bodyFacts)] + doc.interpretations.map({ ($0.source, $0.bodyFacts) }) {
                for ref in facts.references
                where ref.isImage && ref.text.trimmed.isEmpty {
                    found.append(finding(source.location(line: ref.line, column: ref.column), "图片“\(ref.url)”没有替代文字。"))
                }
            }
            for item in doc.interpretations where item.form == .graphic || item.form == .animation {
                guard let media = item.media, media.alt == nil else { continue }
                found.append(
                    finding(
                        item.source.frontMatter?.location(of: "media") ?? item.source.location(),
                        "\(item.form.chinese)的 media 缺少 alt（图片内容说明）。"))
            }
        }
        return found
    }
}

import PolicyCore

/// PF013: a title fits on a page. Every page, list, feed and search result repeats titles,
/// so an unbounded one (a paragraph pasted into `title`) multiplies into the whole site; the
/// longest real titles of the provincial corpus are well under a hundred characters.
struct TitleLengthIsSensible: Rule {
    /// In Unicode scalars, not grapheme clusters: one cluster can hold any number of
    /// combining marks, and it is bytes on disk this bound is for.
    static let maxLength = 200

    static let descriptor = RuleDescriptor(
        code: "PF013", name: "title-length", severity: .error,
        summary: "A document, interpretation or cleanup title is longer than 200 characters.",
        fix: "标题只写文件名称（不超过 200 个字）；说明性文字写进正文。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.markdownFiles.compactMap { file, _ in
            guard let fm = file.frontMatter, let title = fm.string("title") else { return nil }
            let length = title.unicodeScalars.count
            guard length > Self.maxLength else { return nil }
            return finding(
                fm.location(of: "title"),
                "标题长 \(length) 个字，超过上限 \(Self.maxLength) 个字：“\(title.unicodeScalars.prefix(20).map(String.init).joined())……”。")
        }
    }
}

import PolicyCore

/// PF010: the content folder holds its files itself. A symbolic link is never followed: it
/// may point outside the content (a private folder, /etc), and what it points at is not in
/// the repository the legal section reviews. The loader applies the rule while it walks the
/// folder — bundle folders, index.md and other Markdown files, bundle files, cleanup files,
/// site.yml and calendar.yml — so nothing behind a link is read, copied or silently dropped.
struct NoSymlinks: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF010", name: "symlink", severity: .error,
        summary:
            "A file or folder in the content is a symbolic link; links are never followed (they may point outside the content folder), so it is not read or published.",
        fix: "把链接指向的文件或文件夹本身复制到内容目录中（cp -L），删除符号链接后重新提交。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.loadProblems.filter { $0.kind == .symlink }.map { finding($0.location, $0.message, fix: $0.fix) }
    }
}

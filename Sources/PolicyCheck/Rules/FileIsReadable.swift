import PolicyCore

/// PF001: every content file is UTF-8 text of a sane size. The loader finds the files it
/// cannot read (such a file has nothing else to check) and keeps them as `LoadProblem`s;
/// this rule reports them. That includes every bundle file without read permission, so a
/// file the site would publish stops `check`, not `build` halfway through copying.
struct FileIsReadable: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF001", name: "file-readable", severity: .error,
        summary:
            "A content file cannot be read: not UTF-8 (e.g. GBK, UTF-16), contains NUL bytes, is too large, is not a regular file (a pipe), or a published file lacks read permission.",
        fix: "将文件另存为 UTF-8 编码的纯文本后重新提交。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.loadProblems.filter { $0.kind == .unreadable }.map { finding($0.location, $0.message, fix: $0.fix) }
    }
}

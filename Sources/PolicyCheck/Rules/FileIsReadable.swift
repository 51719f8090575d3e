import PolicyCore

/// PF001: every content file is UTF-8 text of a sane size. The loader finds the files it
/// cannot read (such a file has nothing else to check) and keeps them as `LoadProblem`s;
/// this rule reports them.
struct FileIsReadable: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF001", name: "file-readable", severity: .error,
        summary: "A content file cannot be read: not UTF-8 (e.g. GBK), contains NUL bytes, or is too large.",
        fix: "将文件另存为 UTF-8 编码的纯文本后重新提交。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.raw.loadProblems.filter { $0.kind == .unreadable }.map { finding($0.location, $0.message, fix: $0.fix) }
    }
}

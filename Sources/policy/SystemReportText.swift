import PolicyKit

/// The lines `check` and `build` print about a system library's sources: which content of
/// each is used (its commit, or the locked one standing in for a failing one).
enum SystemReportText {
    static func sources(_ checked: SystemPipeline.Checked) -> String? {
        guard !checked.sources.isEmpty else { return nil }
        let rejected = Set(checked.rejected.map(\.source))
        return "系统文件库的来源：\n"
            + checked.sources.map { s in
                let id = s.origin.source
                let what = s.commit.map { "提交 \($0.prefix(12))" } ?? "本地目录"
                let note = rejected.contains(id) ? "（新提交未通过检查，使用 library.lock 中的提交）" : ""
                return "  \(id)（\(s.origin.issuer)，\(s.origin.level.rawValue)）：\(what)\(note)，\(s.checked.library.documents.count) 件文件\n"
            }.joined()
    }
}

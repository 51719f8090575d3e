import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ006: an answer resting on a document that is no longer in force (已废止, 已失效, 已修改
/// at the as-of day) may state a rule that no longer applies. The page says so
/// (依据文件已废止); this warning makes sure the answering office hears it too.
struct QuestionBasisIsInForce: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PQ006", name: "qa-stale-basis", severity: .warning,
        summary:
            "A standalone Q&A entry concerns a document that is no longer in force at the as-of date (已废止, 已失效 or 已修改): its answer may no longer state current policy.",
        fix: "核对答复是否仍然适用：按现行文件更新答复并改 documents 与 answered，或删去这条问答。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let library = context.library
        return library.questionEntries.compactMap { entry -> Diagnostic? in
            guard let q = entry.standalone else { return nil }
            let stale = library.staleBasis(of: entry, at: context.asOf)
            guard !stale.isEmpty else { return nil }
            let named = stale.map { d, status in
                let current = library.currentVersion(of: d, at: context.asOf).map { "，现行版本为\($0.quotedTitle)（\($0.id)）" } ?? ""
                return "\(d.quotedTitle)（\(d.id)）\(status.chinese)\(current)"
            }.joined(separator: "；")
            return finding(
                q.fields.location(of: "documents"),
                "问答“\(q.id)”所依据的文件已不再有效：\(named)（按 \(context.asOf) 计）。页面将标注“依据文件\(stale[0].status.chinese)”。")
        }
    }
}

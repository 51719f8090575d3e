import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ005: an entry's id is its page (`qa/<id>/`) and its key in `qa.json`: two entries with
/// one id — in one batch, in two batches, or a batch entry and a `.md` file — would share it.
struct QuestionIDsAreUnique: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PQ005", name: "qa-duplicate-id", severity: .error,
        summary: "Two standalone Q&A entries share an id (within a batch, across batch files, or a batch entry and a qa/<id>.md file).",
        fix: "为后一条问答换一个未用过的编号；已发布的问答编号不要改动。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var found: [Diagnostic] = []
        for source in context.raw.questionSources {
            guard let id = source.id else { continue }
            let at = source.isBatch ? source.fields.location(of: "id") : source.location
            if let earlier = first[id] {
                found.append(finding(at, "问答编号“\(id)”重复：\(earlier.file) 第 \(earlier.line) 行已使用。"))
            } else {
                first[id] = at
            }
        }
        return found
    }
}

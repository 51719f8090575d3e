import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ004: every document a standalone Q&A entry concerns is a bundle of the library, so the
/// entry is listed on that document's page and its basis is watched (PQ006). A qualified id
/// (`province/<id>`, another bureau's document in a system library) is PL006's.
struct QuestionReferencesResolve: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PQ004", name: "qa-reference", severity: .error,
        summary: "A standalone Q&A entry's documents names no bundle of the library.",
        fix: "documents 填写所涉文件的文件夹名（编号），而不是标题或文号。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let ids = context.library.bundleIDs
        var found: [Diagnostic] = []
        for source in context.raw.questionSources {
            let fm = source.fields
            let nodes = fm.node("documents").map { $0.sequence.map(Array.init) ?? [$0] } ?? []
            for node in nodes {
                // `<source>/<id>`: a document of another bureau of a system library, which
                // only the system's check can see (PL006).
                guard let id = node.scalar?.string.trimmed, !id.isEmpty, !ids.contains(id), !id.contains("/") else { continue }
                let hint = Suggest.nearest(id, in: Array(ids)).map { "是否应为“\($0)”？" } ?? ""
                found.append(
                    finding(
                        fm.locationOfNode(node) ?? fm.location(of: "documents"),
                        "\(QuestionSchema.label(source))documents 中的文件“\(id)”在文件库中不存在。\(hint)"))
            }
        }
        return found
    }
}

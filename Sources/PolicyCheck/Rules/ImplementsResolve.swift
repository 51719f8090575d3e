import PolicyCore
import PolicyModel

/// PL006: every `implements:` of every source, and every `documents:` of its Q&A entries,
/// names a document of the system: a same-source id, or `<source>/<id>` of another source.
struct ImplementsResolve: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL006", name: "cross-source-reference", severity: .error,
        summary:
            "implements (or a Q&A entry's documents) names a source that library.yml does not list, or a document that source does not have.",
        fix: "写作 implements: 来源id/文件编号（如 province/2024-food-labels），来源 id 见 library.yml，文件编号是该来源的文件夹名。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let system = context.system else { return [] }
        let sources = Set(system.manifest.sources.map(\.id))
        let ids = context.library.bundleIDs
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            guard let origin = doc.origin else { continue }
            let location = doc.source.frontMatter?.location(of: "implements") ?? doc.source.location()
            for target in doc.implements where !ids.contains(target) {
                let source = String(target.prefix { $0 != "/" })
                let local = String(target.dropFirst(source.count + 1))
                let message =
                    sources.contains(source)
                    ? "来源“\(origin.source)”的文件“\(doc.localID)”的 implements 指向来源“\(source)”中的文件“\(local)”，但该来源没有这个文件。"
                    : "来源“\(origin.source)”的文件“\(doc.localID)”的 implements 指向来源“\(source)”，但 library.yml 中没有这个来源。"
                let hint = Suggest.nearest(target, in: Array(ids)).map { "是否应为“\($0)”？" } ?? ""
                found.append(finding(location, message + hint))
            }
        }
        // A hotline answer of a city may rest on the province's regulation: `documents:` of a
        // Q&A entry names other bureaus' documents the same way.
        for question in context.library.standaloneQuestions {
            let origin = String(question.id.prefix { $0 != "/" })
            for target in question.documents where !ids.contains(target) {
                let source = String(target.prefix { $0 != "/" })
                let local = String(target.dropFirst(source.count + 1))
                let message =
                    sources.contains(source)
                    ? "来源“\(origin)”的问答“\(question.id.dropFirst(origin.count + 1))”的 documents 指向来源“\(source)”中的文件“\(local)”，但该来源没有这个文件。"
                    : "来源“\(origin)”的问答“\(question.id.dropFirst(origin.count + 1))”的 documents 指向来源“\(source)”，但 library.yml 中没有这个来源。"
                let hint = Suggest.nearest(target, in: Array(ids)).map { "是否应为“\($0)”？" } ?? ""
                found.append(finding(question.fields.location(of: "documents"), message + hint))
            }
        }
        return found
    }
}

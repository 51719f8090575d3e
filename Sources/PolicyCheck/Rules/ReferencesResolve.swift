import PolicyCore

/// PR001: every id a document or cleanup batch names is a bundle of this library.
struct ReferencesResolve: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PR001", name: "unresolved-reference", severity: .error,
        summary: "supersedes, repealed.by, an unqualified implements or a cleanup result's document names no bundle of the library.",
        fix: "填写被引用文件的文件夹名（编号），而不是标题或文号。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let ids = context.library.bundleIDs
        var found: [Diagnostic] = []
        func verify(_ id: String, _ field: String, at location: SourceLocation) {
            guard !ids.contains(id) else { return }
            let hint = Suggest.nearest(id, in: Array(ids)).map { "是否应为“\($0)”？" } ?? ""
            found.append(finding(location, "\(field) 引用的文件“\(id)”在文件库中不存在。\(hint)"))
        }
        for doc in context.library.documents {
            let fm = doc.source.frontMatter
            for id in doc.supersedes {
                if id == doc.id {
                    found.append(finding(fm?.location(of: "supersedes") ?? doc.source.location(), "文件不能修订它自己（supersedes 指向自身）。"))
                } else {
                    verify(id, "supersedes", at: fm?.location(of: "supersedes") ?? doc.source.location())
                }
            }
            // A qualified `<source>/<id>` names another bureau's library: PL006 checks it
            // when the system library is built.
            for id in doc.implements where !id.contains("/") {
                verify(id, "implements", at: fm?.location(of: "implements") ?? doc.source.location())
            }
            if let by = doc.repeal?.by {
                verify(by, "repealed.by", at: fm?.mapping("repealed")?.location(of: "by") ?? doc.source.location())
            }
        }
        for batch in context.library.cleanups {
            for result in batch.results { verify(result.document, "清理结果", at: result.location) }
        }
        return found
    }
}

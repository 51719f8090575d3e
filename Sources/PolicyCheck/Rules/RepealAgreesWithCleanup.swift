import PolicyCore

/// PR003: a document's own `repealed` and the cleanup results about it tell one story.
struct RepealAgreesWithCleanup: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PR003", name: "repeal-conflicts-cleanup", severity: .error,
        summary: "A document's repealed date disagrees with a cleanup result that ends it, or a cleanup keeps in force a document already repealed.",
        fix: "使文件的 repealed.date 与清理结果的生效日期一致，或删去其中错误的一处。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            guard let repeal = doc.repeal else { continue }
            let location = doc.source.frontMatter?.mapping("repealed")?.location(of: "date") ?? doc.source.location()
            for (batch, result) in context.library.cleanupResults[doc.id] ?? [] {
                if result.outcome.endsValidity && batch.effective != repeal.date {
                    found.append(
                        finding(
                            location,
                            "\(doc.quotedTitle)的 repealed.date 为 \(repeal.date)，但《\(batch.title)》的结果“\(result.outcome.rawValue)”自 \(batch.effective) 起生效。"))
                } else if !result.outcome.endsValidity && repeal.date <= batch.effective {
                    found.append(finding(result.location, "《\(batch.title)》认定\(doc.quotedTitle)“\(result.outcome.rawValue)”，但该文件已于 \(repeal.date) 废止。"))
                }
            }
        }
        return found
    }
}

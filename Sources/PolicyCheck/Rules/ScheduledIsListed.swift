import PolicyCore
import PolicyLoad

/// PS001: a document, interpretation or cleanup batch dated after the as-of day is scheduled:
/// no output shows it until that day (`Library.published(asOf:)`). Listed on every run so
/// that reviewers know what a daily build will publish next.
struct ScheduledIsListed: Rule {
    static let descriptor = RuleDescriptor(
        code: "PS001", name: "scheduled", severity: .notice,
        summary:
            "A document, interpretation or cleanup batch is published after the as-of date (--as-of, default today): it stays off the site until that day.",
        fix: "到发布日期后重新生成网站即自动发布；如需提前发布，修改 published。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let asOf = context.asOf
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            if doc.published > asOf {
                found.append(finding(location(doc.source), "\(doc.quotedTitle)（\(doc.bundlePath)）定于 \(doc.published) 发布，此前不在网站上出现（按 \(asOf) 计）。"))
            }
            for item in doc.interpretations where item.published > asOf && item.published > doc.published {
                found.append(finding(location(item.source), "解读《\(item.title)》定于 \(item.published) 发布，此前不在网站上出现（按 \(asOf) 计）。"))
            }
        }
        for batch in context.library.cleanups where batch.published > asOf {
            found.append(finding(location(batch.source), "清理结果《\(batch.title)》定于 \(batch.published) 发布，此前不在网站上出现（按 \(asOf) 计）。"))
        }
        return found
    }

    private func location(_ source: SourceFile) -> SourceLocation {
        source.frontMatter?.location(of: "published") ?? source.location()
    }
}

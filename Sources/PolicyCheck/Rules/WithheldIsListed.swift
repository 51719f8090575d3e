import PolicyCore

/// PS002: a document whose 公开方式 is 依申请公开 or 不予公开 never reaches the site; each
/// run lists them, so that a wrong `disclosure` is noticed before it hides a document.
struct WithheldIsListed: Rule {
    static let descriptor = RuleDescriptor(
        code: "PS002", name: "withheld", severity: .notice,
        summary: "A document's disclosure is 依申请公开 or 不予公开: it is kept out of every page, list, feed and data file of the site.",
        fix: "如应主动公开，将 disclosure 改为 主动公开（或删去该字段）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard !doc.disclosure.isPublic else { return nil }
            let location = doc.source.frontMatter?.location(of: "disclosure") ?? doc.source.location()
            return finding(location, "\(doc.quotedTitle)（\(doc.bundlePath)）公开方式为“\(doc.disclosure.rawValue)”，不在网站发布。")
        }
    }
}

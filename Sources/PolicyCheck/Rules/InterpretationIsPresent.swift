import PolicyCore

/// PI001: every document is published together with its interpretation (政策解读), unless it
/// predates the requirement, carries an `exempt` decision, or is not published on the site
/// at all (公开方式 other than 主动公开: PS002 lists it, and there is nothing to go out with).
struct InterpretationIsPresent: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI001", name: "interpretation-required", severity: .error,
        summary:
            "A document has no interpretation (and is neither exempt, nor withheld from the site by its disclosure, nor published before interpretation.required_since).",
        fix: "在文件夹中添加解读文件（如 解读.md，form: text，与文件同日发布）；确无需解读的，在 index.md 中写明 exempt: 理由。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let policy = context.site.interpretation
        // Count interpretation files, not parsed interpretations: a malformed or unreadable
        // one is reported by the front-matter or file rules and should not also read as "missing".
        let fileCounts = Dictionary(
            context.raw.bundles.map { bundle in
                (bundle.id, bundle.files.filter { $0.hasSuffix(".md") && $0 != "index.md" && !$0.utf8.contains(UInt8(ascii: "/")) }.count)
            }, uniquingKeysWith: +)
        var found: [Diagnostic] = []
        for doc in context.library.documents where policy.requiredFor.contains(doc.kind) && doc.disclosure.isPublic {
            guard fileCounts[doc.id, default: 0] == 0, doc.exempt == nil else { continue }
            if let since = policy.requiredSince, doc.published < since { continue }
            found.append(
                finding(
                    doc.source.location(),
                    "\(doc.quotedTitle)（\(doc.bundlePath)）没有政策解读。",
                    fix:
                        "在 \(doc.source.displayPath.dropLast("index.md".count)) 中添加 解读.md（title、form: text、published: \(doc.published)，含“背景依据”“主要内容”“关键词”小标题）；如确无需解读，在 index.md 中写 exempt: 理由。"
                ))
        }
        return found
    }
}

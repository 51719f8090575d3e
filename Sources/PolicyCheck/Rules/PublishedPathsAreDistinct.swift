import PolicyCore

/// PF011: every file the site writes has a place of its own. A published bundle file lands at
/// `d/<id>/<name>`, beside the pages made for the document: `index.html`, one folder per
/// interpretation (`解读/`) and `compare/<old>/`. A file named like one of those would be
/// overwritten by the page or break the build, so the check reports it first. It also reports
/// what the loader found: file names in one folder that differ only in Unicode normalisation
/// (NFC `é` against NFD `e` + accent), the same name to every tool that compares text, two
/// files on disk, so one of them would silently be lost.
struct PublishedPathsAreDistinct: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF011", name: "path-collision", severity: .error,
        summary:
            "Two files would share one place: a published bundle file named like a generated page (index.html, an interpretation's folder, compare/), or file names differing only in Unicode normalisation (NFC/NFD).",
        fix: "给文件换一个不与生成页面（index.html、解读文件夹名、compare）重名的名称并更新引用；同名文件只保留一个。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found = context.raw.loadProblems.filter { $0.kind == .nameCollision }.map {
            finding($0.location, $0.message, fix: $0.fix)
        }
        // Computed once: `versionPairs` walks the whole library.
        let comparisons = Dictionary(grouping: context.library.versionPairs, by: \.new.id)
        for doc in context.library.documents {
            guard let bundle = context.raw.bundle(id: doc.id) else { continue }
            let pages =
                ["index.html"] + doc.interpretations.map { "\($0.id)/index.html" }
                + (comparisons[doc.id] ?? []).map { "compare/\($0.old.id)/index.html" }
            for file in context.publishedFiles(of: doc) {
                guard let page = pages.first(where: { $0 == file || $0.hasPrefix(file + "/") }) else { continue }
                found.append(
                    finding(
                        SourceLocation(file: bundle.displayPath + file),
                        "附件“\(file)”与生成的页面 d/\(doc.id)/\(page) 占用同一位置：发布时会被覆盖或无法生成网站。"))
            }
        }
        return found
    }
}

import PolicyCore

/// PF014: a document revises a few earlier versions and is revised by a few later ones.
/// Each `supersedes` pair gets a 新旧对照 page holding both texts, so a document listed in
/// hundreds of pairs would put its text on hundreds of pages: the site would grow with the
/// square of the content (docs/site.md, "Output size"). Documents that a new one merely
/// replaces are `repealed: {by: …}`, which makes no comparison.
struct VersionFanOutIsSmall: Rule {
    static let scope = RuleScope.library
    static let maxVersions = 10

    static let descriptor = RuleDescriptor(
        code: "PF014", name: "version-fan-out", severity: .error,
        summary: "A document supersedes more than 10 documents, or more than 10 documents supersede it (each pair is a 新旧对照 page).",
        fix: "supersedes 只写被本文件修订的旧版本（不超过 10 件）；被本文件一并废止的其他文件，在它们的 front matter 中写 repealed: { date: …, by: 本文件编号 }。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let library = context.library
        var found: [Diagnostic] = []
        for document in library.documents {
            let older = Set(document.supersedes.filter { library.document($0) != nil })
            if older.count > Self.maxVersions {
                found.append(
                    finding(
                        document.source.frontMatter?.location(of: "supersedes") ?? document.source.location(),
                        "本文件修订（supersedes）\(older.count) 件文件，超过上限 \(Self.maxVersions) 件。"))
            }
            let newer = Set(library.supersededBy[document.id] ?? [])
            if newer.count > Self.maxVersions {
                let some = newer.sorted().prefix(3).joined(separator: "、")
                found.append(
                    finding(
                        document.source.frontMatter?.startLocation ?? document.source.location(),
                        "本文件被 \(newer.count) 件文件修订（\(some) 等的 supersedes 都指向它），超过上限 \(Self.maxVersions) 件。"))
            }
        }
        return found
    }
}

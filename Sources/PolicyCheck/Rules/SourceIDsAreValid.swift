import PolicyCore
import PolicyModel

/// PL002: every source of library.yml has an id that can be a URL segment and a prefix of
/// qualified ids, used by no other source and by none of the system site's own folders.
struct SourceIDsAreValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL002", name: "source-id", severity: .error,
        summary:
            "A source of library.yml has no id, an id that is not lower-case letters, digits and -, one the site's own folders use, or one another source has.",
        fix: "给每个来源一个唯一的 id（小写字母、数字和 -，如 city-a），它出现在网址和文件的系统编号（city-a/编号）中，发布后不要更改。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let manifest = context.system?.manifest, let fm = manifest.file.frontMatter else { return [] }
        var found: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for entry in fm.mappings("sources") {
            guard let id = entry.string("id") else {
                found.append(finding(entry.startLocationOfEntry, "来源缺少 id。"))
                continue
            }
            let location = entry.location(of: "id")
            if !Self.isWellFormed(id) {
                found.append(finding(location, "来源 id“\(id)”不合格：只能用小写字母、数字和 -，不以 - 开头或结尾。"))
            } else if LibraryManifest.reservedIDs.contains(id) {
                found.append(
                    finding(
                        location, "来源 id“\(id)”与系统网站自身的目录 /\(id)/ 重名。",
                        fix: "换一个 id，如 \(id)-bureau；保留的名称：\(LibraryManifest.reservedIDs.sorted().joined(separator: "、"))。"))
            }
            if let first = seen[id] {
                found.append(finding(location, "来源 id“\(id)”重复：第 \(first.line) 行已有同名来源。", fix: "每个来源用不同的 id。"))
            } else {
                seen[id] = location
            }
        }
        return found
    }

    static func isWellFormed(_ id: String) -> Bool { LibraryManifest.isWellFormedSourceID(id) }
}

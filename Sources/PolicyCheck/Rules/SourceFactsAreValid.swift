import PolicyCore
import PolicyModel

/// PL004: every source names its bureau — issuer, level (省/市/县) and region — and a
/// `parent` that is another source of the system.
struct SourceFactsAreValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL004", name: "source-facts", severity: .error,
        summary: "A source lacks issuer, level or region, its level is not 省, 市 or 县, or its parent is not a source of library.yml.",
        fix: "为来源写明 issuer（发布机关）、level（省、市或县）、region（行政区域）；parent 写上级来源的 id。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let manifest = context.system?.manifest, let fm = manifest.file.frontMatter else { return [] }
        let ids = Set(manifest.sources.map(\.id))
        var found: [Diagnostic] = []
        for entry in fm.mappings("sources") {
            let name = entry.string("id").map { "来源“\($0)”" } ?? "来源"
            for (key, label) in [("issuer", "发布机关"), ("level", "层级"), ("region", "行政区域")] where entry.string(key) == nil {
                found.append(finding(entry.startLocationOfEntry, "\(name)缺少 \(key)（\(label)）。"))
            }
            if let level = entry.string("level"), SourceLevel(rawValue: level) == nil {
                found.append(
                    finding(
                        entry.location(of: "level"), "\(name)的 level“\(level)”不是省、市或县。",
                        fix: "写作 level: 省、level: 市 或 level: 县。"))
            }
            if let parent = entry.string("parent"), !ids.contains(parent) || parent == entry.string("id") {
                let hint = Suggest.nearest(parent, in: Array(ids)).map { "是否应为“\($0)”？" } ?? ""
                found.append(
                    finding(
                        entry.location(of: "parent"), "\(name)的 parent“\(parent)”不是 library.yml 中的其他来源。\(hint)",
                        fix: "parent 写上级单位来源的 id，或删除 parent。"))
            }
        }
        return found
    }
}

import Foundation
import PolicyCore
import PolicyModel

/// PL001: library.yml parses, lists its sources, and holds only the fields it may hold.
struct LibraryFileIsValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL001", name: "library-file", severity: .error,
        summary: "library.yml does not parse, has no list of sources, or holds a field it does not define (a warning), a bad base_url or time zone.",
        fix: "按 docs/system-library.md 的示例填写 library.yml：title、base_url、timezone 和 sources 列表。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let manifest = context.system?.manifest else { return [] }
        let file = manifest.file
        guard let fm = file.frontMatter else {
            if case .syntax(let p)? = file.frontMatterError {
                return [finding(file.location(line: p.line, column: p.column), "library.yml 有 YAML 语法错误：\(p.problem)。")]
            }
            return [finding(file.location(), "library.yml 是空的，或不是“字段: 值”的形式。")]
        }
        var found: [Diagnostic] = []
        for entry in fm.entries where !LibraryManifest.topLevelKeys.contains(entry.key) {
            found.append(unknown(entry.key, at: entry.keyLocation, known: LibraryManifest.topLevelKeys))
        }
        if let url = fm.string("base_url"),
            !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url) == nil
                || url.contains(where: \.isWhitespace)
        {
            found.append(finding(fm.location(of: "base_url"), "base_url“\(url)”不是完整网址。", fix: "写作完整网址，如 https://www.example.gov.cn/library/。"))
        }
        if let zone = fm.string("timezone"), TimeZone(identifier: zone) == nil {
            found.append(finding(fm.location(of: "timezone"), "未知时区“\(zone)”。", fix: "写作 Asia/Shanghai。"))
        }
        guard let sources = fm.node("sources")?.sequence, !sources.isEmpty else {
            found.append(
                finding(
                    fm.has("sources") ? fm.location(of: "sources") : fm.startLocation, "library.yml 没有 sources 列表：系统文件库至少要有一个来源。",
                    fix: "添加 sources:，每个来源一项：- { id: province, issuer: 某省市场监督管理局, level: 省, region: 某省, path: ../province }。"))
            return found
        }
        for node in sources where node.mapping == nil {
            found.append(
                finding(
                    fm.locationOfNode(node) ?? fm.location(of: "sources"), "sources 的每一项应是一个映射（id、issuer、level、region、path 或 git）。",
                    fix: "写作 - { id: city-a, issuer: 甲市市场监督管理局, level: 市, region: 甲市, git: ../repos/city-a.git }。"))
        }
        for entry in fm.mappings("sources") {
            for key in entry.entries where !LibraryManifest.sourceKeys.contains(key.key) {
                found.append(unknown(key.key, at: key.keyLocation, known: LibraryManifest.sourceKeys))
            }
        }
        return found
    }

    private func unknown(_ key: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        let hint = Suggest.nearest(key, in: known).map { "改为“\($0)”" } ?? "删除它"
        return finding(
            location, "library.yml 中的字段“\(key)”没有定义，不会被读取。", fix: "\(hint)；可用的字段：\(known.joined(separator: "、"))。",
            severity: .warning)
    }
}

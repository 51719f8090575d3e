import Foundation
import Mustache
import PolicyCore
import PolicyLoad

/// The page templates and static assets: the built-in theme embedded in the binary, with
/// files from a site's own `theme/` folder (`ThemeFolder`, read by the loader) replacing
/// built-in ones by file name; a new template name adds a partial.
public struct Theme: Sendable {
    /// Parsed templates by name (the file name without `.mustache`), partials included.
    public let templates: MustacheLibrary
    public let templateNames: Set<String>
    /// Asset path under `assets/` → bytes.
    public let assets: [String: Data]
    /// A digest of every template as used (overrides applied): part of each page's key
    /// (`PageKey`), so that a page made with other templates is never reused. Assets are
    /// not in it: a page names them only through its view model.
    public let templatesDigest: String

    /// The built-in files. SwiftPM's `embedInCode` names each `[UInt8]` after the file name
    /// with `.` and `-` made `_`, and offers no listing, so the list is kept here by hand.
    static let builtIn: [(name: String, bytes: [UInt8])] = [
        ("base.mustache", PackageResources.base_mustache),
        ("badge.mustache", PackageResources.badge_mustache),
        ("home.mustache", PackageResources.home_mustache),
        ("library.mustache", PackageResources.library_mustache),
        ("document.mustache", PackageResources.document_mustache),
        ("interpretation.mustache", PackageResources.interpretation_mustache),
        ("cleanups.mustache", PackageResources.cleanups_mustache),
        ("cleanup.mustache", PackageResources.cleanup_mustache),
        ("search.mustache", PackageResources.search_mustache),
        ("compare.mustache", PackageResources.compare_mustache),
        ("qa.mustache", PackageResources.qa_mustache),
        ("qa-answer.mustache", PackageResources.qa_answer_mustache),
        ("qa-entry.mustache", PackageResources.qa_entry_mustache),
        ("qa-groups.mustache", PackageResources.qa_groups_mustache),
        ("interpretations.mustache", PackageResources.interpretations_mustache),
        ("report.mustache", PackageResources.report_mustache),
        ("feed.mustache", PackageResources.feed_mustache),
        ("versions.mustache", PackageResources.versions_mustache),
        ("style.css", PackageResources.style_css),
        ("search.js", PackageResources.search_js),
        ("tokenize.js", PackageResources.tokenize_js),
        ("decode.js", PackageResources.decode_js),
        ("match.js", PackageResources.match_js),
        ("query.js", PackageResources.query_js),
        ("ranges.js", PackageResources.ranges_js),
        ("mode.js", PackageResources.mode_js),
        ("search.css", PackageResources.search_css),
        ("status.js", PackageResources.status_js),
        ("status-live.js", PackageResources.status_live_js),
    ]

    /// - Parameter overrides: a site's own theme folder, as the loader read it.
    public init(overrides: ThemeFolder?) throws {
        var templateSources: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (name, bytes) in Theme.builtIn {
            if name.hasSuffix(".mustache") {
                templateSources[String(name.dropLast(9))] = String(decoding: bytes, as: UTF8.self)
            } else {
                assets[name] = Data(bytes)
            }
        }
        var origin = Dictionary(uniqueKeysWithValues: templateSources.keys.map { ($0, "内置主题 \($0).mustache") })
        if let overrides {
            for (name, template) in overrides.templates {
                templateSources[name] = template.text
                origin[name] = template.path
            }
            assets.merge(overrides.assets) { _, theirs in theirs }
        }
        if let cycle = Theme.partialCycle(in: templateSources) {
            throw PolicyError.themeFailed(
                "\(origin[cycle[0]] ?? cycle[0])：模板通过 {{> …}} 包含了自己（\(cycle.joined(separator: " → "))），生成页面时会无限递归。请删去这个包含。")
        }
        var library = MustacheLibrary()
        for name in templateSources.keys.sorted() {
            do {
                library.register(try MustacheTemplate(string: templateSources[name]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw PolicyError.themeFailed(
                    "\(origin[name] ?? name) 第\(error.context.lineNumber)行第\(error.context.columnNumber)列：\(Theme.explain(error.error))")
            } catch {
                throw PolicyError.themeFailed("\(origin[name] ?? name)：\(error)")
            }
        }
        templates = library
        templateNames = Set(templateSources.keys)
        self.assets = assets
        var digest = ContentDigest()
        for name in templateSources.keys.sorted() { digest.add("template \(name)"); digest.add(templateSources[name]!) }
        templatesDigest = digest.hex
    }

    /// Renders the named template with `context`; a missing template is a theme error.
    public func render(_ name: String, _ context: some Encodable) throws -> String {
        try render(name, encoded: try TemplateEncoder.encode(context))
    }

    /// The same with a context `TemplateEncoder` already made.
    func render(_ name: String, encoded context: Any) throws -> String {
        guard let html = templates.render(context, withTemplate: name) else {
            throw PolicyError.themeFailed("缺少模板 \(name).mustache")
        }
        return html
    }

    public func hasAsset(_ path: String) -> Bool { assets[path] != nil }

    /// A template syntax error in Chinese.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "区块结束标签 {{/…}} 的名称与开始标签 {{#…}} 不一致。"
        case .unfinishedName: "标签没有正确结束（缺少 }}，或名称中有不允许的字符）。"
        case .expectedSectionEnd: "区块 {{#…}} 或 {{^…}} 没有对应的结束标签 {{/…}}。"
        case .invalidSetDelimiter: "更改分隔符的标签 {{=… …=}} 格式不正确。"
        case .transformAppliedToInheritanceSection: "继承区块 {{$…}} 不能使用变换函数。"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: "{{<…}} 继承区块内只能有 {{$…}} 区块。"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "配置标签 {{% …}} 格式不正确或无法识别。"
        }
    }

    /// The first chain of partials that includes itself (`a → b → a`), or nil. Mustache would
    /// follow it until the stack overflows: the theme is refused instead. Tags are found
    /// with the default delimiters, which every template here uses.
    static func partialCycle(in sources: [String: String]) -> [String]? {
        let tag = /\{\{\s*[><]\s*([^\s}]+)\s*\}\}/
        let includes = sources.mapValues { text in Set(text.matches(of: tag).map { String($0.output.1) }) }
        var finished: Set<String> = []
        func visit(_ name: String, _ path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name), let next = includes[name] else { return nil }
            for partial in next.sorted() {
                if let cycle = visit(partial, path + [name]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in sources.keys.sorted() {
            if let cycle = visit(name, []) { return cycle }
        }
        return nil
    }
}

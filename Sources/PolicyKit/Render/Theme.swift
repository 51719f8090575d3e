import Foundation
import Mustache

/// The page templates and static assets: the built-in theme embedded in the binary, with
/// files from a site's own `theme/` folder replacing built-in ones by file name.
///
/// Override folder layout: `templates/<name>.mustache` (top level only; a new name adds a
/// partial) and `assets/…` (copied to the site's `assets/`, sub-folders kept).
public struct Theme: Sendable {
    /// Parsed templates by name (the file name without `.mustache`), partials included.
    public let templates: MustacheLibrary
    public let templateNames: Set<String>
    /// Asset path under `assets/` → bytes.
    public let assets: [String: Data]
    /// A digest of every template and asset as used (overrides applied): pages made with
    /// another theme are never reused.
    public let digest: String

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
        ("interpretations.mustache", PackageResources.interpretations_mustache),
        ("report.mustache", PackageResources.report_mustache),
        ("versions.mustache", PackageResources.versions_mustache),
        ("style.css", PackageResources.style_css),
        ("search.js", PackageResources.search_js),
        ("search.css", PackageResources.search_css),
    ]

    public init(overrides: URL?) throws {
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
            let fm = FileManager.default
            guard fm.directoryExists(overrides.path) else {
                throw PolicyError.themeFailed("找不到主题目录 \(overrides.path)")
            }
            let templatesDir = overrides.appendingPathComponent("templates")
            for file in Theme.files(under: templatesDir) where file.hasSuffix(".mustache") && !file.contains("/") {
                let url = templatesDir.appendingPathComponent(file)
                guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    throw PolicyError.themeFailed("\(url.path)：无法以 UTF-8 读取")
                }
                let name = String(file.dropLast(9))
                templateSources[name] = text
                origin[name] = url.path
            }
            let assetsDir = overrides.appendingPathComponent("assets")
            for file in Theme.files(under: assetsDir) {
                if let data = fm.contents(atPath: assetsDir.appendingPathComponent(file).path) { assets[file] = data }
            }
        }
        var library = MustacheLibrary()
        for name in templateSources.keys.sorted() {
            do {
                library.register(try MustacheTemplate(string: templateSources[name]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw PolicyError.themeFailed(
                    "\(origin[name] ?? name) 第\(error.context.lineNumber)行第\(error.context.columnNumber)列：\(error.error)")
            } catch {
                throw PolicyError.themeFailed("\(origin[name] ?? name)：\(error)")
            }
        }
        templates = library
        templateNames = Set(templateSources.keys)
        self.assets = assets
        var digest = ContentDigest()
        for name in templateSources.keys.sorted() { digest.add("template \(name)"); digest.add(templateSources[name]!) }
        for name in assets.keys.sorted() { digest.add("asset \(name)"); digest.add(assets[name]!) }
        self.digest = digest.hex
    }

    /// Renders the named template with `context`; a missing template is a theme error.
    public func render(_ name: String, _ context: some Encodable) throws -> String {
        guard let html = templates.render(try TemplateEncoder.encode(context), withTemplate: name) else {
            throw PolicyError.themeFailed("缺少模板 \(name).mustache")
        }
        return html
    }

    public func hasAsset(_ path: String) -> Bool { assets[path] != nil }

    /// Regular, non-hidden files below `folder`, relative to it, sorted; none when absent.
    private static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return found.sorted()
    }
}

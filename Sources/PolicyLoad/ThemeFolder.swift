import Foundation
import PolicyCore

/// A site's own `theme/` folder as read from disk: templates (`templates/<name>.mustache`,
/// top level only) and assets (`assets/…`, sub-folders kept). Reading lives here with the
/// rest of the loading; `Theme` (in the site layer) lays these files over the built-in ones.
public struct ThemeFolder: Sendable {
    public struct Template: Sendable {
        public let text: String
        /// Where it came from, for error messages.
        public let path: String
    }

    /// Template name (the file name without `.mustache`) → its text.
    public let templates: [String: Template]
    /// Asset path under `assets/` → bytes.
    public let assets: [String: Data]

    public init(templates: [String: Template] = [:], assets: [String: Data] = [:]) {
        self.templates = templates
        self.assets = assets
    }

    /// Reads the folder; a missing folder or a template that is not UTF-8 is a theme error.
    public init(reading folder: URL) throws {
        let fm = FileManager.default
        guard fm.directoryExists(folder.path) else {
            throw PolicyError.themeFailed("找不到主题目录 \(folder.path)")
        }
        var templates: [String: Template] = [:]
        let templatesDir = folder.appendingPathComponent("templates")
        for file in ThemeFolder.files(under: templatesDir) where file.hasSuffix(".mustache") && !file.contains("/") {
            let url = templatesDir.appendingPathComponent(file)
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw PolicyError.themeFailed("\(url.path)：无法以 UTF-8 读取")
            }
            templates[String(file.dropLast(9))] = Template(text: text, path: url.path)
        }
        var assets: [String: Data] = [:]
        let assetsDir = folder.appendingPathComponent("assets")
        for file in ThemeFolder.files(under: assetsDir) {
            if let data = fm.contents(atPath: assetsDir.appendingPathComponent(file).path) { assets[file] = data }
        }
        self.init(templates: templates, assets: assets)
    }

    /// Regular, non-hidden files below `folder`, relative to it, sorted; none when absent.
    private static func files(under folder: URL) -> [String] {
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return found.sorted()
    }
}

import Foundation

/// Reads a content folder into a `RawLibrary`. It never stops at a bad file: what it cannot
/// read becomes a diagnostic and the rest is still loaded.
public struct ContentLoader {
    /// Files larger than this are refused: no document is that long, and reading one would
    /// stall the check.
    public static let maxFileBytes = 8 << 20

    public let root: URL
    public let displayRoot: String

    public init(root: URL, displayRoot: String? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = (displayRoot ?? root.path).trimmingSuffix("/")
    }

    public func load() throws -> RawLibrary {
        var problems: [Diagnostic] = []
        guard FileManager.default.directoryExists(root.path) else {
            throw PolicyError.contentNotFound(displayRoot)
        }
        let site = readYAMLFile("site.yml", problems: &problems)
        let calendar = readYAMLFile("calendar.yml", problems: &problems)
        var bundles: [RawLibrary.Bundle] = []
        for kind in DocumentKind.allCases {
            for id in subfolders(of: kind.folder) {
                bundles.append(readBundle(kind: kind, id: id, problems: &problems))
            }
        }
        let cleanups = files(in: "cleanup").filter { $0.hasSuffix(".md") }.compactMap {
            readSource("cleanup/\($0)", problems: &problems)
        }
        return RawLibrary(site: site, calendar: calendar, bundles: bundles, cleanups: cleanups,
                          loadDiagnostics: problems, displayRoot: displayRoot, rootPath: root.path)
    }

    // MARK: - Bundles

    private func readBundle(kind: DocumentKind, id: String, problems: inout [Diagnostic]) -> RawLibrary.Bundle {
        let path = "\(kind.folder)/\(id)"
        let files = Set(allFiles(under: path))
        let index = files.contains("index.md") ? readSource("\(path)/index.md", problems: &problems) : nil
        let interpretations = files.filter { $0.hasSuffix(".md") && $0 != "index.md" && !$0.contains("/") }
            .sorted()
            .compactMap { readSource("\(path)/\($0)", problems: &problems) }
        return RawLibrary.Bundle(id: id, kind: kind, path: path, displayPath: "\(displayRoot)/\(path)/",
                                 index: index, interpretations: interpretations, files: files)
    }

    // MARK: - Files

    /// Reads a Markdown file with front matter; nil (and a diagnostic) when it cannot be read.
    func readSource(_ relativePath: String, problems: inout [Diagnostic]) -> SourceFile? {
        guard let text = readText(relativePath, problems: &problems) else { return nil }
        return SourceFile(relativePath: relativePath, displayPath: display(relativePath), text: text)
    }

    private func readYAMLFile(_ relativePath: String, problems: inout [Diagnostic]) -> SourceFile? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(relativePath).path),
              let text = readText(relativePath, problems: &problems) else { return nil }
        return SourceFile(relativePath: relativePath, displayPath: display(relativePath), yaml: text)
    }

    private func readText(_ relativePath: String, problems: inout [Diagnostic]) -> String? {
        let url = root.appendingPathComponent(relativePath)
        let location = SourceLocation(file: display(relativePath))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            problems.append(Diagnostic(FileIsReadable.descriptor, at: location, "无法读取文件。"))
            return nil
        }
        if data.count > ContentLoader.maxFileBytes {
            problems.append(Diagnostic(FileIsReadable.descriptor, at: location,
                                       "文件大小为 \(data.count / 1_048_576) MB，超过 \(ContentLoader.maxFileBytes >> 20) MB 的上限，未读取。",
                                       fix: "将过长的正文拆分，或把大文件作为附件（PDF）放入文件夹并在 attachments 中引用。"))
            return nil
        }
        if let problem = TextEncoding.problem(in: data) {
            problems.append(Diagnostic(FileIsReadable.descriptor, at: location, problem.message, fix: problem.fix))
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func display(_ relativePath: String) -> String { "\(displayRoot)/\(relativePath)" }

    // MARK: - Folders

    private func subfolders(of relativePath: String) -> [String] {
        let url = root.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && FileManager.default.directoryExists(url.appendingPathComponent($0).path) }
            .sorted()
    }

    private func files(in relativePath: String) -> [String] {
        let url = root.appendingPathComponent(relativePath)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every regular file below a bundle, relative to it, skipping hidden files.
    private func allFiles(under relativePath: String) -> [String] {
        let base = root.appendingPathComponent(relativePath)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)
            result.append(String(relative))
        }
        return result.sorted()
    }
}

/// Errors that stop a command before any checking can happen.
public enum PolicyError: Error, CustomStringConvertible {
    case contentNotFound(String)
    case outputFailed(String)
    case themeFailed(String)

    public var description: String {
        switch self {
        case .contentNotFound(let path): "找不到内容目录 \(path)：请确认路径，或在仓库根目录运行（默认为 content）。"
        case .outputFailed(let why): "无法写入站点：\(why)"
        case .themeFailed(let why): "模板错误：\(why)"
        }
    }
}

extension FileManager {
    func directoryExists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var s = self
        while s.count > 1 && s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }
}

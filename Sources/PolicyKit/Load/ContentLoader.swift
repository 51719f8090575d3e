import Foundation

/// Reads a content folder into a `RawLibrary`. It never stops at a bad file: what it cannot
/// read becomes a diagnostic and the rest is still loaded.
public struct ContentLoader: Sendable {
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
        let folders = DocumentKind.allCases.flatMap { kind in subfolders(of: kind.folder).map { (kind, $0) } }
        let read = folders.parallelMap { kind, id in
            var found: [Diagnostic] = []
            let bundle = readBundle(kind: kind, id: id, problems: &found)
            return (bundle, found)
        }
        let bundles = read.map(\.0)
        problems += read.flatMap(\.1)
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
        return String(decoding: data, as: UTF8.self)  // validated above
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

    /// Every regular file below a bundle, relative to it, skipping hidden files. Read with
    /// readdir(3), which gives each entry's type for free, because Foundation's enumerator
    /// asks for resource values one stat at a time and cost a tenth of a check.
    private func allFiles(under relativePath: String) -> [String] {
        var result: [String] = []
        func walk(_ folder: String, prefix: String) {
            guard let dir = opendir(folder) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                guard !name.hasPrefix(".") else { continue }
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): walk(folder + "/" + name, prefix: prefix + name + "/")
                case Int32(DT_REG): result.append(prefix + name)
                default: break  // links and devices are not content
                }
            }
        }
        walk(root.appendingPathComponent(relativePath).path, prefix: "")
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

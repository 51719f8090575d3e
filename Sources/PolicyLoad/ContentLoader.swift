import Foundation
import PolicyCore

/// Reads a content folder into a `RawLibrary`. It never stops at a bad file: what it cannot
/// read becomes a diagnostic and the rest is still loaded.
public struct ContentLoader: Sendable {
    /// Files larger than this are refused: no document is that long, and reading one would
    /// stall the check.
    public static let maxFileBytes = 8 << 20

    public let root: URL
    public let displayRoot: String
    private let rootPath: String

    public init(root: URL, displayRoot: String? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = (displayRoot ?? root.path).trimmingSuffix("/")
        self.rootPath = self.root.path.trimmingSuffix("/")
    }

    public func load() throws -> RawLibrary {
        var problems: [LoadProblem] = []
        guard FileManager.default.directoryExists(root.path) else {
            throw PolicyError.contentNotFound(displayRoot)
        }
        let site = readYAMLFile("site.yml", problems: &problems)
        let calendar = readYAMLFile("calendar.yml", problems: &problems)
        let folders = DocumentKind.allCases.flatMap { kind in
            subfolders(of: kind.folder, problems: &problems).map { (kind, $0) }
        }
        let read = folders.parallelMap { kind, id in
            var found: [LoadProblem] = []
            let bundle = readBundle(kind: kind, id: id, problems: &found)
            return (bundle, found)
        }
        let bundles = read.map(\.0)
        problems += read.flatMap(\.1)
        let cleanups = files(in: "cleanup", problems: &problems).filter { $0.hasSuffix(".md") }.compactMap {
            readSource("cleanup/\($0)", problems: &problems)
        }
        let (questionFiles, questionBatches) = readQuestions(problems: &problems)
        return RawLibrary(
            site: site, calendar: calendar, bundles: bundles, cleanups: cleanups,
            loadProblems: problems, displayRoot: displayRoot, rootPath: root.path,
            questionFiles: questionFiles, questionBatches: questionBatches)
    }

    /// `qa/`: each `*.md` one standalone Q&A entry, each `*.yml`/`*.yaml` a batch of them.
    /// Other files there are not content (an export's spreadsheet kept beside it).
    private func readQuestions(problems: inout [LoadProblem]) -> ([SourceFile], [QuestionBatch]) {
        guard FolderWalk.kind(of: path("qa")) != nil else { return ([], []) }
        let names = files(in: "qa", problems: &problems)
        let entries = names.filter { $0.hasSuffix(".md") }.compactMap { readSource("qa/\($0)", problems: &problems) }
        let batches = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.compactMap { name in
            readText("qa/\(name)", problems: &problems).map {
                QuestionBatch(relativePath: "qa/\(name)", displayPath: display("qa/\(name)"), text: $0)
            }
        }
        return (entries, batches)
    }

    /// Only `site.yml`, for callers that need the settings before a full load.
    public func loadSettings() throws -> SourceFile? {
        var problems: [LoadProblem] = []
        return readYAMLFile("site.yml", problems: &problems)
    }

    // MARK: - Bundles

    private func readBundle(kind: DocumentKind, id: String, problems: inout [LoadProblem]) -> RawLibrary.Bundle {
        let path = "\(kind.folder)/\(id)"
        let files = Set(allFiles(under: path, problems: &problems))
        let index = files.contains("index.md") ? readSource("\(path)/index.md", problems: &problems) : nil
        let interpretations = files.filter { $0.hasSuffix(".md") && $0 != "index.md" && !$0.utf8.contains(UInt8(ascii: "/")) }
            .sorted()
            .compactMap { readSource("\(path)/\($0)", problems: &problems) }
        let texts = files.sorted().compactMap { file in
            BundleText.format(of: file).map { readBundleText("\(path)/\(file)", format: $0) }
        }
        return RawLibrary.Bundle(
            id: id, kind: kind, path: path, displayPath: "\(displayRoot)/\(path)/",
            index: index, interpretations: interpretations, files: files, texts: texts)
    }

    /// A transcript, captions, text attachment or PDF as text, for the privacy and secrecy
    /// review; what cannot be read is kept as unread (the review reports it), never dropped.
    /// Bounded like the Markdown: a file or a PDF's text beyond `maxFileBytes` is not read.
    private func readBundleText(_ relativePath: String, format: BundleText.Format) -> BundleText {
        func text(_ pages: [String], _ unread: BundleText.Unread? = nil) -> BundleText {
            BundleText(relativePath: relativePath, displayPath: display(relativePath), format: format, pages: pages, unread: unread)
        }
        if format == .pdf {
            switch PDFText.pages(of: path(relativePath), limit: ContentLoader.maxFileBytes) {
            case .success(let pages): return text(pages)
            case .failure(let why): return text([], why)
            }
        }
        switch ContentLoader.readRegularFile(path(relativePath), limit: ContentLoader.maxFileBytes) {
        case .bytes(let bytes):
            guard case .success(var decoded) = TextEncoding.decode(bytes) else { return text([], .notUTF8) }
            if decoded.hasPrefix("\u{FEFF}") { decoded.removeFirst() }
            return text([decoded.contains("\r") ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded])
        case .tooLarge(let size): return text([], .tooLarge(size))
        case .link, .notRegular, .unreadable: return text([], .unreadable)
        }
    }

    // MARK: - Files

    /// Reads a Markdown file with front matter; nil (and a diagnostic) when it cannot be read.
    func readSource(_ relativePath: String, problems: inout [LoadProblem]) -> SourceFile? {
        guard let text = readText(relativePath, problems: &problems) else { return nil }
        return SourceFile(relativePath: relativePath, displayPath: display(relativePath), text: text)
    }

    private func readYAMLFile(_ relativePath: String, problems: inout [LoadProblem]) -> SourceFile? {
        guard FolderWalk.kind(of: path(relativePath)) != nil,
            let text = readText(relativePath, problems: &problems)
        else { return nil }
        return SourceFile(relativePath: relativePath, displayPath: display(relativePath), yaml: text)
    }

    private func readText(_ relativePath: String, problems: inout [LoadProblem]) -> String? {
        let location = SourceLocation(file: display(relativePath))
        let data: [UInt8]
        switch ContentLoader.readRegularFile(path(relativePath), limit: ContentLoader.maxFileBytes) {
        case .bytes(let bytes):
            data = bytes
        case .tooLarge(let size):
            problems.append(
                LoadProblem(
                    .unreadable, at: location,
                    "文件大小为 \(ContentLoader.megabytes(size)) MB，超过 \(ContentLoader.maxFileBytes >> 20) MB 的上限，未读取。",
                    fix: "将过长的正文拆分，或把大文件作为附件（PDF）放入文件夹并在 attachments 中引用。"))
            return nil
        case .link:
            problems.append(symlinkFinding(relativePath))
            return nil
        case .notRegular:
            problems.append(LoadProblem(.unreadable, at: location, "这不是普通文件（可能是管道或设备文件），未读取。"))
            return nil
        case .unreadable:
            problems.append(LoadProblem(.unreadable, at: location, "无法读取文件。"))
            return nil
        }
        switch TextEncoding.decode(data) {
        case .success(let text):
            return text
        case .failure(let problem):
            problems.append(LoadProblem(.unreadable, at: location, problem.message, fix: problem.fix))
            return nil
        }
    }

    enum FileRead: Equatable {
        case bytes([UInt8])
        /// Larger than the limit (its size in bytes): not read at all.
        case tooLarge(Int)
        /// A symbolic link: reported (PF010), never followed.
        case link
        /// A FIFO, device or socket, which could block or stream forever.
        case notRegular
        /// Missing, a folder, or refused by the system.
        case unreadable
    }

    /// A regular file's bytes, with one path lookup: open(2) refuses a link (O_NOFOLLOW) and
    /// does not wait on a FIFO (O_NONBLOCK), fstat(2) tells what was opened, and read(2) fills
    /// one array sized by it. An lstat before `FileManager.contents(atPath:)` looked the path
    /// up twice and went through `Data`, for each of thousands of small files.
    static func readRegularFile(_ path: String, limit: Int) -> FileRead {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return errno == ELOOP ? .link : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .unreadable
        default: return .notRegular
        }
        guard Int(info.st_size) <= limit else { return .tooLarge(Int(info.st_size)) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {  // it grew since fstat
                guard count <= limit else { return .tooLarge(count) }
                bytes += [UInt8](repeating: 0, count: bytes.count)
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return .unreadable }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return .tooLarge(count) }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// Groups of paths that Swift's `String` (canonical equivalence) treats as one while
    /// their bytes differ: a `Set` of them silently keeps one.
    static func sameNameDifferentBytes(_ paths: [String]) -> [[String]] {
        Dictionary(grouping: paths, by: { $0 }).values
            .map { group in group.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
            .filter { $0.count > 1 }
            .sorted { Array($0[0].utf8).lexicographicallyPrecedes(Array($1[0].utf8)) }
    }

    private func display(_ relativePath: String) -> String { "\(displayRoot)/\(relativePath)" }

    /// The absolute path of a content file. Plain string joining: `URL.appendingPathComponent`
    /// is far slower, and this runs for every file and folder of the library.
    private func path(_ relativePath: String) -> String { "\(rootPath)/\(relativePath)" }

    package static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    private func symlinkFinding(_ relativePath: String) -> LoadProblem {
        let target =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: path(relativePath)))
            .map { "（指向 \($0)）" } ?? ""
        return LoadProblem(
            .symlink, at: SourceLocation(file: display(relativePath)),
            "\(display(relativePath)) 是符号链接\(target)，链接不会被读取或发布。")
    }

    // MARK: - Folders

    /// The bundle folders of a kind folder; links to folders are reported, not followed.
    private func subfolders(of relativePath: String, problems: inout [LoadProblem]) -> [String] {
        guard FolderWalk.kind(of: path(relativePath)) != .link else {
            problems.append(symlinkFinding(relativePath))
            return []
        }
        return files(in: relativePath, problems: &problems).filter {
            FolderWalk.kind(of: path(relativePath + "/" + $0)) == .folder
        }
    }

    /// The entries of a folder, skipping hidden ones and reporting (and dropping) links.
    private func files(in relativePath: String, problems: inout [LoadProblem]) -> [String] {
        let folder = path(relativePath)
        if FolderWalk.kind(of: folder) == .link {
            problems.append(symlinkFinding(relativePath))
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            if FolderWalk.kind(of: folder + "/" + name) == .link {
                problems.append(symlinkFinding(relativePath + "/" + name))
                return false
            }
            return true
        }.sorted()
    }

    /// Every regular file below a bundle, relative to it, skipping hidden files (`FolderWalk`:
    /// Foundation's enumerator asks for resource values one stat at a time). Links are reported (PF010) and not followed; devices and pipes are not
    /// content.
    private func allFiles(under relativePath: String, problems: inout [LoadProblem]) -> [String] {
        var result: [String] = []
        var links: [String] = []
        var others: [String] = []
        var unreadable: [String] = []
        FolderWalk.walk(path(relativePath)) { path, name, kind in
            guard !name.hasPrefix(".") else { return false }
            switch kind {
            case .file:
                result.append(path)
                // Checked here, so that a file without read permission stops `check`, not
                // `build` halfway through copying it.
                if access(self.path(relativePath + "/" + path), R_OK) != 0 { unreadable.append(path) }
            case .link: links.append(path)
            case .other: others.append(path)
            case .folder: break
            }
            return true
        }
        problems += links.sorted().map { symlinkFinding(relativePath + "/" + $0) }
        problems += unreadable.sorted().map {
            LoadProblem(
                .unreadable, at: SourceLocation(file: display(relativePath + "/" + $0)),
                "无法读取文件“\($0)”：没有读取权限。",
                fix: "检查文件权限（例如 chmod a+r \($0)），或从仓库重新检出该文件。")
        }
        problems += others.sorted().map {
            LoadProblem(
                .unreadable, at: SourceLocation(file: display(relativePath + "/" + $0)),
                "这不是普通文件（可能是管道、设备或套接字文件），不会被读取或发布。",
                fix: "删除它，或换成普通文件后重新提交。")
        }
        problems += ContentLoader.sameNameDifferentBytes(result).map { names in
            LoadProblem(
                .nameCollision, at: SourceLocation(file: display(relativePath + "/" + names[0])),
                "\(names.count) 个文件的名称仅 Unicode 规范化形式不同（NFC/NFD），看起来同名：\(names.map { "“\($0)”" }.joined(separator: "、"))，只会读取其中一个。",
                fix: "只保留一个文件（常见于在 macOS 上复制的文件名），必要时用 NFC 形式重命名。")
        }
        return result.sorted()
    }
}

extension FileManager {
    package func directoryExists(_ path: String) -> Bool {
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

extension ContentLoader {
    /// `previous` with the bundles at `paths` (`normative/<id>`) read again and every other
    /// file kept as it was read: what `policy serve` does after an edit inside a bundle.
    /// Each path must name a bundle of `previous` that is still a folder on disk; a bundle
    /// added, removed or replaced, or a changed settings or cleanup file, needs `load()`.
    public func reload(_ previous: RawLibrary, bundles paths: Set<String>) -> RawLibrary {
        var problems = previous.loadProblems.filter { problem in
            !paths.contains { problem.location.file.hasPrefix(display($0) + "/") }
        }
        var bundles = previous.bundles
        let positions = bundles.indices.filter { paths.contains(bundles[$0].path) }
        let old = previous.bundles
        let read = positions.parallelMap { i in
            var found: [LoadProblem] = []
            let bundle = readBundle(kind: old[i].kind, id: old[i].id, problems: &found)
            return (bundle, found)
        }
        for (i, (bundle, found)) in zip(positions, read) {
            bundles[i] = bundle
            problems += found
        }
        return RawLibrary(
            site: previous.site, calendar: previous.calendar, bundles: bundles, cleanups: previous.cleanups,
            loadProblems: problems, displayRoot: displayRoot, rootPath: root.path,
            questionFiles: previous.questionFiles, questionBatches: previous.questionBatches)
    }

    /// Whether `relativePath` is a bundle folder on disk now (a folder, not a link).
    public func isBundleFolder(_ relativePath: String) -> Bool {
        FolderWalk.kind(of: path(relativePath)) == .folder
    }

    /// The bytes of a regular file of the content folder (a bundle file the site copies), read
    /// when the preview serves it; nil when it is not a regular file that can be read.
    public static func bytes(at absolutePath: String) -> [UInt8]? {
        guard case .bytes(let bytes) = readRegularFile(absolutePath, limit: Int.max - 1) else { return nil }
        return bytes
    }
}

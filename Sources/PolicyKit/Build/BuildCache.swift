import Foundation

/// Skips a build whose inputs have not changed since the last one: the content's bytes,
/// the theme's, the as-of date, the git commit (pages show history) and the tool itself.
///
/// The key is made from content, never from timestamps, so touching a file does not
/// rebuild and restoring an old file does. On a hit the site on disk is by construction the
/// one a clean build would write; the findings of the check are replayed from the record.
public struct BuildCache: Sendable {
    /// What the last successful build left next to its output (`.site.cache`).
    struct Record: Codable {
        struct Finding: Codable {
            var code, severity, file, message, fix: String
            var line, column: Int
        }

        var key: String
        var documentCount: Int
        var fileCount: Int
        var findings: [Finding]
    }

    public let key: String
    private let recordURL: URL

    /// Hashes every input of a build of `content` into `output` at `asOf`.
    public init(content: URL, theme: URL?, output: URL, asOf: CalendarDate) {
        var hasher = ContentDigest()
        hasher.add("as-of \(asOf)")
        hasher.add("tool \(BuildCache.toolIdentity)")
        hasher.add("git \(BuildCache.gitHead(of: content))")
        // The benchmark's switch for a site without a search index (SearchIndexWriter).
        hasher.add("search index \(ProcessInfo.processInfo.environment["POLICY_SEARCH_INDEX"] ?? "on")")
        hasher.addTree(content)
        if let theme { hasher.addTree(theme) }
        key = hasher.hex
        let output = output.standardizedFileURL
        recordURL = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
        self.output = output
    }

    private let output: URL

    /// The findings, document and file counts of the last build, when it had these inputs and
    /// its output is still there.
    func hit() -> Record? {
        guard FileManager.default.fileExists(atPath: output.path),
              let data = FileManager.default.contents(atPath: recordURL.path),
              let record = try? JSONDecoder().decode(Record.self, from: data), record.key == key else { return nil }
        return record
    }

    func store(documentCount: Int, fileCount: Int, diagnostics: [Diagnostic]) {
        let findings = diagnostics.map {
            Record.Finding(code: $0.rule.code, severity: $0.severity.rawValue, file: $0.location.file,
                           message: $0.message, fix: $0.fix, line: $0.location.line, column: $0.location.column)
        }
        let record = Record(key: key, documentCount: documentCount, fileCount: fileCount, findings: findings)
        try? JSONEncoder().encode(record).write(to: recordURL, options: .atomic)
    }

    /// Forgets the record, before a build that is about to replace the output.
    func invalidate() { try? FileManager.default.removeItem(at: recordURL) }

    static func diagnostics(of record: Record) -> [Diagnostic] {
        record.findings.compactMap { f in
            guard let rule = RuleRegistry.rule(code: f.code)?.descriptor else { return nil }
            return Diagnostic(rule, at: SourceLocation(file: f.file, line: f.line, column: f.column), f.message,
                              fix: f.fix, severity: Severity(rawValue: f.severity))
        }
    }

    /// The running executable's size and modification time: a rebuilt tool renders anew.
    static let toolIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(date)"
    }()

    /// The commit checked out, since document pages show each bundle's git history.
    private static func gitHead(of content: URL) -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", content.path, "rev-parse", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        return git.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : ""
    }
}

extension ContentDigest {
    /// Every regular file below `folder` (hidden ones too: `.gitattributes` can matter),
    /// path and contents, skipping `.git`.
    mutating func addTree(_ folder: URL) {
        // Resolved, so that a content folder reached through a symlink is walked, not skipped.
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if path == ".git" || path.hasPrefix(".git/") { walker.skipDescendants(); continue }
            paths.append(path)
        }
        for path in paths.sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            add("file \(path)")
            add(FileManager.default.contents(atPath: base + "/" + path) ?? Data())
        }
    }
}

import Foundation
import PolicyCore
import PolicyCheck
import PolicyLoad
import PolicyWrite

/// Skips a build whose inputs have not changed since the last one: the content's bytes,
/// the theme's, the as-of date, the git commit (pages show history) and the tool itself.
///
/// The key is made from content, never from timestamps, so touching a file does not
/// rebuild and restoring an old file does (`FileStamps` only spares reading a file the disk
/// shows unchanged since its digest was taken). On a hit the site on disk is by construction the
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
    private let output: URL
    /// How many input files were read to make the key (the others' digests came from the
    /// stamps of the last run: `FileStamps`).
    let filesRead: Int

    /// Hashes every input of a build of `content` into `output` at `asOf`.
    public init(content: URL, theme: URL?, output: URL, asOf: CalendarDate, searchIndex: Bool = true) {
        let output = output.standardizedFileURL
        let sibling = { (suffix: String) in
            output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
        }
        recordURL = sibling("cache")
        self.output = output
        let stampsPath = sibling("stamps").path
        let previous = FileStamps(contentsOf: stampsPath)
        var stamps = FileStamps()

        var hasher = ContentDigest()
        hasher.add("as-of \(asOf)")
        hasher.add("tool \(BuildCache.toolIdentity)")
        hasher.add("git \(BuildCache.gitHead(of: content))")
        // Whether the review could read PDFs: installing pdftotext changes the findings (PP003).
        hasher.add("pdftotext \(PDFText.tool ?? "none")")
        // The benchmark's switch for a site without a search index (SearchIndexWriter).
        hasher.add("search index \(searchIndex ? "on" : "off")")
        hasher.addTree(content, label: "content", stamps: &stamps, previous: previous)
        if let theme { hasher.addTree(theme, label: "theme", stamps: &stamps, previous: previous) }
        key = hasher.hex
        filesRead = stamps.filesRead
        // Saved at once, whatever the build does next: stamps describe the files, not the site.
        if stamps.filesRead > 0 { stamps.save(to: stampsPath) }
    }

    /// The findings, document and file counts of the last build, when it had these inputs and
    /// its output is still there (the site's marker file in it, not merely a folder of that name).
    func hit() -> Record? {
        guard FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.markerName).path),
            let data = FileManager.default.contents(atPath: recordURL.path),
            let record = try? JSONDecoder().decode(Record.self, from: data), record.key == key
        else { return nil }
        return record
    }

    func store(documentCount: Int, fileCount: Int, diagnostics: [Diagnostic]) {
        let findings = diagnostics.map {
            Record.Finding(
                code: $0.rule.code, severity: $0.severity.rawValue, file: $0.location.file,
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
            return Diagnostic(
                rule, at: SourceLocation(file: f.file, line: f.line, column: f.column), f.message,
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
    /// Every regular file below `folder` (hidden ones too: `.gitattributes` can matter), path
    /// and digest, skipping the top-level `.git` (folder or gitfile); a link by the path it
    /// points to, not followed (the check refuses links in content; the theme ignores them).
    mutating func addTree(_ folder: URL, label: String, stamps: inout FileStamps, previous: FileStamps) {
        // Resolved, so that a content folder reached through a symlink is walked, not skipped.
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [String] = []
        var links: [String] = []
        FolderWalk.walk(base) { path, _, kind in
            guard path != ".git" else { return false }
            switch kind {
            case .folder: return true
            case .file: files.append(path)
            case .link: links.append(path)
            case .other: break
            }
            return false
        }
        for path in files.sorted() {
            guard let digest = stamps.digest(of: base + "/" + path, as: label + "/" + path, previous: previous) else { continue }
            add("file \(path)")
            add(digest)
        }
        for path in links.sorted() {
            add("link \(path) \((try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/" + path)) ?? "")")
        }
    }
}

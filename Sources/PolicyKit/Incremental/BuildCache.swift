import Foundation
import PolicyCore
import PolicyCheck
import PolicyLoad
import PolicyWrite

/// How `policy build` spares work, end to end, and why what it writes is the clean build.
///
/// **The promise.** A build into a folder that holds an earlier build writes the same bytes
/// as a build into an empty folder. Every shortcut below is keyed by a SHA-256
/// (`ContentDigest`) of everything its result is a function of, never by times or by a list
/// of what someone thought a page reads; `IncrementalBuildPropertyTests` checks the promise
/// against random edits of every kind of input.
///
/// **1. The whole build** (`BuildCache`, this file). The key is the digest of every file of
/// the content and theme folders (path and bytes), the commit checked out, the as-of date,
/// the running binary, whether `pdftotext` is there and the search-index switch. When the
/// last successful build into the same folder had the same key and its site is still there,
/// nothing is built: its findings are replayed. To make the key without reading every file,
/// `FileStamps` (`.site.stamps`) remembers each file's digest with its size, inode and
/// times, as git's index does; a file the disk shows changed, or changed too close to the
/// stamp, is read again. Reading is `BuildInputs` (PolicyLoad), writing `BuildCacheFiles`
/// (PolicyWrite); this type only puts the key together.
///
/// **2. Each page** (`InputRecorder`, `PageKey` in PolicySite). Otherwise everything is
/// loaded, checked and modelled again, and every page builder fills in its view model. A
/// templated page is a pure function of the binary, the theme's templates and that view
/// model, so its key is their digest; the page the last build made from the same key, at
/// the same path, is kept (hard-linked) without running the template. An input cannot be
/// forgotten: whatever a page shows — a transcript, another document's title, a date from
/// git — reaches it only through the view model the key is taken of.
///
/// **3. Each file** (`OutputLedger`, `.site.files`, in PolicyWrite). Every other output
/// (JSON, CSV, feeds' neighbours, the sitemap, assets, the search index's files, bundle files
/// copied as they are) is made anew; one whose bytes' digest equals a file of the live site
/// still as the last build left it (same inode, size and time) is hard-linked instead of
/// written. Files are only ever linked from the live site into a new staging folder, which
/// then replaces the live one in one rename: a failed build changes nothing.
///
/// **4. The search index's postings** (`PostingSegmentCache` over `KeyedFileStore`,
/// `.site.search/`). Postings are built in segments keyed by the digest of their records'
/// text; an unchanged segment is read back instead of being built.
///
/// Anything missing, damaged or edited by hand in these files or in the live site only costs
/// time: a key that does not match, a ledger entry the disk contradicts or a cache file that
/// fails its digest is treated as absent.
public struct BuildCache: Sendable {
    public let key: String
    private let recordURL: URL
    private let output: URL
    /// How many input files were read to make the key (the others' digests came from the
    /// stamps of the last run).
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
        let previous = BuildInputs.stamps(at: stampsPath)
        var stamps = FileStamps()

        var hasher = ContentDigest()
        hasher.add("as-of \(asOf)")
        hasher.add("tool \(BuildCache.toolIdentity)")
        hasher.add("git \(BuildInputs.gitHead(of: content))")
        // Whether the review could read PDFs: installing pdftotext changes the findings (PP003).
        hasher.add("pdftotext \(PDFText.tool ?? "none")")
        // The benchmark's switch for a site without a search index (SearchIndexWriter).
        hasher.add("search index \(searchIndex ? "on" : "off")")
        let folders = [("content", content)] + (theme.map { [("theme", $0)] } ?? [])
        for (label, folder) in folders {
            let tree = BuildInputs.tree(folder, label: label, stamps: &stamps, previous: previous)
            hasher.add("tree \(label)")
            for (path, digest) in tree.files {
                hasher.add("file \(path)")
                hasher.add(digest)
            }
            for (path, destination) in tree.links { hasher.add("link \(path) \(destination)") }
        }
        key = hasher.hex
        filesRead = stamps.filesRead
        // Saved at once, whatever the build does next: stamps describe the files, not the site.
        if stamps.filesRead > 0 { BuildCacheFiles.save(stamps, to: stampsPath) }
    }

    /// The findings, document and file counts of the last build, when it had these inputs and
    /// its output is still there.
    func hit() -> BuildRecord? {
        guard BuildCacheFiles.holdsSite(output), let record = BuildInputs.record(at: recordURL.path), record.key == key else {
            return nil
        }
        return record
    }

    func store(documentCount: Int, fileCount: Int, diagnostics: [Diagnostic]) {
        let findings = diagnostics.map {
            BuildRecord.Finding(
                code: $0.rule.code, severity: $0.severity.rawValue, file: $0.location.file,
                message: $0.message, fix: $0.fix, line: $0.location.line, column: $0.location.column)
        }
        BuildCacheFiles.save(BuildRecord(key: key, documentCount: documentCount, fileCount: fileCount, findings: findings), to: recordURL)
    }

    /// Forgets the record, before a build that is about to replace the output.
    func invalidate() { BuildCacheFiles.removeRecord(at: recordURL) }

    static func diagnostics(of record: BuildRecord) -> [Diagnostic] {
        record.findings.compactMap { f in
            guard let rule = RuleRegistry.rule(code: f.code)?.descriptor else { return nil }
            return Diagnostic(
                rule, at: SourceLocation(file: f.file, line: f.line, column: f.column), f.message,
                fix: f.fix, severity: Severity(rawValue: f.severity))
        }
    }

    /// What identifies the running binary (`BuildInputs.toolIdentity`): a rebuilt tool
    /// renders anew.
    static var toolIdentity: String { BuildInputs.toolIdentity }
}

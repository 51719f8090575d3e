import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel
import PolicyCheck
import PolicyWrite
import PolicySite

/// `policy check|build|report library.yml`: a system library made of many bureaus'
/// content. Each source is loaded and checked on its own (its own site.yml and calendar);
/// a git source whose commit at `ref` fails falls back to the commit library.lock recorded
/// as passed. Then the PL rules check library.yml and the references across sources, and
/// the site is the system's root (lists, search, open data over every bureau) plus each
/// bureau's own site under `<source>/`. docs/system-library.md tells the whole story.
public enum SystemPipeline {
    /// One source as the system uses it.
    public struct Source: Sendable {
        public let origin: DocumentOrigin
        /// Its content as checked: the commit used (or the local folder).
        public let checked: Pipeline.Checked
        public let folder: URL
        /// The commit used; nil for a local folder.
        public let commit: String?
        public let ref: String?
    }

    /// A source's commit at `ref` that failed its gate while a locked commit stands in.
    public struct Rejected: Sendable {
        public let source: String
        public let commit: String
        public let diagnostics: [Diagnostic]
    }

    public struct Checked: Sendable {
        public let manifest: LibraryManifest
        /// Sources that can be used, in library.yml order.
        public let sources: [Source]
        public let system: SystemLibrary
        /// Every finding that counts: each used source's own and the system's (PL rules).
        public let diagnostics: [Diagnostic]
        /// The findings of commits that failed and were replaced by their locked commit.
        public let rejected: [Rejected]
        public let asOf: CalendarDate
        public let lock: LibraryLock

        public var hasErrors: Bool { diagnostics.errorCount > 0 }
    }

    /// Whether `path` names a system library's `library.yml` rather than a content folder:
    /// a file whose name ends in `.yml` or `.yaml` (a content folder is a folder).
    public static func isManifest(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return (path.hasSuffix(".yml") || path.hasSuffix(".yaml"))
            && !(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Loads and checks every source and the system. `strict` (`policy check`): a source
    /// that fell back to its locked commit is an error.
    public static func check(
        manifest url: URL, displayPath: String, asOf: CalendarDate? = nil, now: Date = Date(), strict: Bool
    ) throws -> Checked {
        let files = LibraryFiles(manifest: url, displayPath: displayPath)
        let manifest = LibraryManifest(file: try files.loadManifest())
        let lock = try files.loadLock()
        let asOf = asOf ?? CalendarDate.today(in: manifest.site.timeZone, now: now)
        var gates: [String: SystemFacts.Gate] = [:]
        var sources: [Source] = []
        var rejected: [Rejected] = []
        var diagnostics: [Diagnostic] = []
        // Sources sharing an id, or with an id that is no folder name (`..`, `a/b`: a clone
        // folder is named by it), are left out: PL002 reports them, so the build stops.
        let uses = Dictionary(manifest.sources.map { ($0.id, 1) }, uniquingKeysWith: +)
        for spec in manifest.sources
        where uses[spec.id] == 1 && LibraryManifest.isWellFormedSourceID(spec.id)
            && !LibraryManifest.reservedIDs.contains(spec.id)
        {
            guard let origin = spec.origin, let location = spec.location else { continue }
            let outcome = StageClock.measure("source \(spec.id)") {
                gate(spec.id, location, origin: origin, files: files, lock: lock, asOf: asOf, now: now)
            }
            gates[spec.id] = outcome.gate
            if let used = outcome.used {
                sources.append(used)
                diagnostics += used.checked.diagnostics
            } else {
                diagnostics += outcome.failedDiagnostics
            }
            if let r = outcome.rejected { rejected.append(r) }
        }
        let system = SystemLibrary(
            site: manifest.site, members: sources.map { SystemLibrary.Member(origin: $0.origin, library: $0.checked.library) })
        var context = CheckContext(raw: .empty, library: system.merged, asOf: asOf)
        context.system = SystemFacts(manifest: manifest, gates: gates, strict: strict)
        let systemFindings = RuleRegistry.system.map { $0.init() }.flatMap { $0.check(context) }
        diagnostics = (diagnostics + systemFindings).sortedForReport()
        return Checked(
            manifest: manifest, sources: sources, system: system, diagnostics: diagnostics, rejected: rejected,
            asOf: asOf, lock: lock)
    }

    private struct GateOutcome {
        var gate: SystemFacts.Gate
        var used: Source?
        var rejected: Rejected?
        /// A failing source with nothing to stand in: its findings count.
        var failedDiagnostics: [Diagnostic] = []
    }

    private static func gate(
        _ id: String, _ location: LibraryManifest.Location, origin: DocumentOrigin, files: LibraryFiles,
        lock: LibraryLock, asOf: CalendarDate, now: Date
    ) -> GateOutcome {
        func load(_ folder: URL, display: String) -> Pipeline.Checked? {
            try? Pipeline.check(content: folder, displayRoot: display, asOf: asOf, now: now)
        }
        switch location {
        case .folder(let path):
            let folder = LibraryFiles.resolve(path, against: files.folder)
            guard let checked = load(folder, display: "\(id):\(path)") else {
                return GateOutcome(gate: .unavailable(reason: "找不到内容目录 \(path)"))
            }
            if checked.hasErrors {
                return GateOutcome(
                    gate: .failed(commit: nil, errors: checked.diagnostics.errorCount), failedDiagnostics: checked.diagnostics)
            }
            return GateOutcome(
                gate: .passed(commit: nil), used: Source(origin: origin, checked: checked, folder: folder, commit: nil, ref: nil))
        case .git(let url, let ref, let folder):
            let checkout = SourceCheckout(
                url: url, ref: ref, folder: folder, clone: files.checkouts.appendingPathComponent(id), relativeTo: files.folder)
            let head: String
            do { head = try checkout.update() } catch { return GateOutcome(gate: .unavailable(reason: error.reason)) }
            func attempt(_ commit: String) -> (Pipeline.Checked, URL)? {
                guard let content = try? checkout.checkout(commit) else { return nil }
                let display = "\(id)@\(commit.prefix(7)):\(folder ?? content.lastPathComponent)"
                return load(content, display: display).map { ($0, content) }
            }
            let current = attempt(head)
            if let (checked, content) = current, !checked.hasErrors {
                return GateOutcome(
                    gate: .passed(commit: head),
                    used: Source(origin: origin, checked: checked, folder: content, commit: head, ref: ref))
            }
            // The commit fails its gate, or holds no content folder at all: the locked one stands in.
            let findings = current?.0.diagnostics ?? []
            let errors = max(1, findings.errorCount)
            guard let locked = lock.sources[id], locked.commit != head, let (old, oldContent) = attempt(locked.commit),
                !old.hasErrors
            else {
                if current == nil {
                    return GateOutcome(gate: .unavailable(reason: "提交 \(head.prefix(12)) 中找不到内容目录 \(folder ?? "content")"))
                }
                return GateOutcome(gate: .failed(commit: head, errors: errors), failedDiagnostics: findings)
            }
            return GateOutcome(
                gate: .fellBack(failed: head, errors: errors, locked: locked),
                used: Source(origin: origin, checked: old, folder: oldContent, commit: locked.commit, ref: ref),
                rejected: Rejected(source: id, commit: head, diagnostics: findings))
        }
    }

    public struct Built: Sendable {
        public let checked: Checked
        public let fileCount: Int
        public let publishedDocumentCount: Int
    }

    /// Checks, then (without errors) writes the system site to `options.output` and records
    /// each git source's passing commit in library.lock.
    public static func build(manifest url: URL, displayPath: String, options: Pipeline.BuildOptions) throws -> Built {
        let files = LibraryFiles(manifest: url, displayPath: displayPath)
        try OutputFolder(options.output).verify(content: files.folder, home: options.environment.homeFolder)
        let checked = try check(
            manifest: url, displayPath: displayPath, asOf: options.asOf, now: options.environment.now, strict: false)
        guard !checked.hasErrors else { return Built(checked: checked, fileCount: 0, publishedDocumentCount: 0) }
        let theme = try Theme(overrides: options.themeDirectory.map(ThemeFolder.init(reading:)))
        let writer = SiteWriter(output: options.output)
        var documents = 0
        let fileCount = try StageClock.measure("render and write") {
            try writer.write { sink in
                documents = try render(checked, theme: theme, searchIndex: options.environment.buildsSearchIndex, into: sink)
            }
        }
        // Sources no longer in library.yml leave the lock; each commit used enters it (a
        // fallen-back source's is the locked one already).
        let listed = Set(checked.manifest.sources.map(\.id))
        var lock = checked.lock
        lock.sources = lock.sources.filter { listed.contains($0.key) }
        for source in checked.sources {
            guard let commit = source.commit, lock.sources[source.origin.source]?.commit != commit else { continue }
            lock.sources[source.origin.source] = LibraryLock.Entry(commit: commit, ref: source.ref, passed: checked.asOf.description)
        }
        try LockFileWriter(url: files.lockFile).write(lock)
        return Built(checked: checked, fileCount: fileCount, publishedDocumentCount: documents)
    }

    /// The system site's files: the root (home page over the bureaus, lists, search and open
    /// data over the whole system, no document pages) and each bureau's own site under
    /// `<source>/`. Returns the number of documents on the site.
    static func render(_ checked: Checked, theme: Theme, searchIndex: Bool, into sink: some SiteSink) throws -> Int {
        let asOf = checked.asOf
        let (system, sections) = checked.system.published(asOf: asOf)
        var root = SiteRenderer(library: system, raw: .empty, asOf: asOf, theme: theme, searchIndex: searchIndex)
        root.rendersDocumentPages = false
        root.system = SystemOverview(sections: sections, asOf: asOf)
        try root.render(into: sink)
        for (source, section) in zip(checked.sources, sections) {
            let renderer = SiteRenderer(
                library: section.library, raw: source.checked.raw, asOf: asOf, theme: theme,
                history: GitHistory.load(content: source.folder, timeZone: section.library.site.timeZone),
                searchIndex: searchIndex)
            try renderer.render(into: SectionSink(sink, folder: SitePath.section(source.origin.source)))
        }
        return system.documents.count
    }

    /// `policy serve library.yml`: the system site in memory, as `build` would write it
    /// (nothing written, library.lock untouched); no files when the check has errors.
    public static func preview(
        manifest url: URL, displayPath: String, asOf: CalendarDate?, themeDirectory: URL?, now: Date
    ) throws -> (checked: Checked, files: [OutputFile]) {
        let checked = try check(manifest: url, displayPath: displayPath, asOf: asOf, now: now, strict: false)
        guard !checked.hasErrors else { return (checked, []) }
        let theme = try Theme(overrides: themeDirectory.map(ThemeFolder.init(reading:)))
        let files = CollectedFiles()
        _ = try render(checked, theme: theme, searchIndex: true, into: files)
        return (checked, files.sorted)
    }
}

extension RawLibrary {
    /// No files: the system site's root renders from the merged library alone.
    static var empty: RawLibrary {
        RawLibrary(site: nil, calendar: nil, bundles: [], cleanups: [], loadProblems: [], displayRoot: "", rootPath: "")
    }
}

import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel
import PolicyCheck
import PolicyWrite
import PolicySite

/// The stages every command shares, in their fixed order:
/// load → model → check → render → write. `check` stops after the third, `build` refuses to
/// go past it when there are errors.
public enum Pipeline {
    /// What `policy check` produces.
    public struct Checked: Sendable {
        public let raw: RawLibrary
        /// The whole library, as checked (scheduled and non-public documents included).
        public let library: Library
        public let diagnostics: [Diagnostic]
        /// The day the check judged scheduled publication by.
        public let asOf: CalendarDate

        public var hasErrors: Bool { diagnostics.errorCount > 0 }
    }

    public struct BuildOptions: Sendable {
        public var output: URL
        /// The day statuses are computed for; today in the site's time zone when nil.
        public var asOf: CalendarDate?
        /// A folder whose files override the built-in theme's, file by file.
        public var themeDirectory: URL?
        /// The clock, the home folder and the search-index switch, as the command line read them.
        public var environment: RunEnvironment

        public init(
            output: URL, asOf: CalendarDate? = nil, themeDirectory: URL? = nil,
            environment: RunEnvironment = RunEnvironment()
        ) {
            self.output = output
            self.asOf = asOf
            self.themeDirectory = themeDirectory
            self.environment = environment
        }
    }

    public struct Built: Sendable {
        public let checked: Checked
        public let fileCount: Int
        public let asOf: CalendarDate
        /// Documents on the site: 主动公开 and published by the as-of date.
        public var publishedDocumentCount = 0
    }

    /// Load, model and check a content folder.
    /// - Parameters:
    ///   - asOf: the day scheduled publication is judged by; today in the site's time zone
    ///     when nil.
    ///   - now: the instant "today" is taken from (`RunEnvironment.now`).
    public static func check(
        content: URL, displayRoot: String? = nil, asOf: CalendarDate? = nil,
        now: Date = Date()
    ) throws -> Checked {
        let raw = try StageClock.measure("load") { try ContentLoader(root: content, displayRoot: displayRoot).load() }
        let library = StageClock.measure("model") { ModelBuilder(raw: raw).build() }
        let asOf = asOf ?? CalendarDate.today(in: library.site.timeZone, now: now)
        let diagnostics = StageClock.measure("check") { Checker().check(raw, library, asOf: asOf) }
        return Checked(raw: raw, library: library, diagnostics: diagnostics, asOf: asOf)
    }

    /// Check, then render and write the site — only when the check found no errors. The
    /// returned `Built` carries the diagnostics either way; nothing is written on errors.
    /// - Parameter beforeWriting: runs once the check has passed, just before the output is
    ///   replaced (the build cache forgets its record there).
    public static func build(
        content: URL, displayRoot: String? = nil, options: BuildOptions,
        beforeWriting: () -> Void = {}
    ) throws -> Built {
        try OutputFolder(options.output).verify(content: content, home: options.environment.homeFolder)
        let checked = try check(
            content: content, displayRoot: displayRoot, asOf: options.asOf,
            now: options.environment.now)
        let asOf = checked.asOf
        guard !checked.hasErrors else { return Built(checked: checked, fileCount: 0, asOf: asOf) }
        beforeWriting()
        let theme = try Theme(overrides: options.themeDirectory.map(ThemeFolder.init(reading:)))
        let history = StageClock.measure("git history") {
            GitHistory.load(content: content, timeZone: checked.library.site.timeZone)
        }
        let writer = SiteWriter(output: options.output)
        // Only what is public and published by the as-of date reaches any output.
        let published = checked.library.published(asOf: asOf)
        let renderer = SiteRenderer(
            library: published, raw: checked.raw, asOf: asOf, theme: theme, history: history,
            keepingUnchangedPages: true, tool: BuildCache.toolIdentity,
            searchIndex: options.environment.buildsSearchIndex,
            searchCache: writer.sibling("search"))
        let fileCount = try StageClock.measure("render and write") {
            try writer.write { try renderer.render(into: $0) }
        }
        return Built(checked: checked, fileCount: fileCount, asOf: asOf, publishedDocumentCount: published.documents.count)
    }

    /// The outcome of `buildIfChanged`: a fresh build, or the last one reused as it stands.
    public enum Outcome: Sendable {
        case built(Built)
        case unchanged(diagnostics: [Diagnostic], documentCount: Int, fileCount: Int, asOf: CalendarDate)
    }

    /// `build`, skipped entirely when no input changed since the last successful build into
    /// the same output (see `BuildCache`). This is what `policy build` runs.
    public static func buildIfChanged(content: URL, displayRoot: String? = nil, options: BuildOptions) throws -> Outcome {
        // Before anything is read or written, the build cache's files beside the output included.
        try OutputFolder(options.output).verify(content: content, home: options.environment.homeFolder)
        // The as-of date is an input: resolve the default (today) before hashing.
        var options = options
        if options.asOf == nil {
            let site = SiteConfig((try? ContentLoader(root: content, displayRoot: displayRoot).loadSettings())?.frontMatter)
            options.asOf = CalendarDate.today(in: site.timeZone, now: options.environment.now)
        }
        let cache = StageClock.measure("build cache: hash inputs") {
            BuildCache(
                content: content, theme: options.themeDirectory, output: options.output, asOf: options.asOf!,
                searchIndex: options.environment.buildsSearchIndex)
        }
        if let record = cache.hit() {
            return .unchanged(
                diagnostics: BuildCache.diagnostics(of: record), documentCount: record.documentCount,
                fileCount: record.fileCount, asOf: options.asOf!)
        }
        // A refused build leaves the site, and so the record that describes it, as they were.
        let built = try build(
            content: content, displayRoot: displayRoot, options: options,
            beforeWriting: cache.invalidate)
        if !built.checked.hasErrors {
            StageClock.measure("build cache: record") {
                cache.store(
                    documentCount: built.publishedDocumentCount, fileCount: built.fileCount,
                    diagnostics: built.checked.diagnostics)
            }
        }
        return .built(built)
    }
}

import Foundation
import PolicyCheck
import PolicyCore
import PolicyLoad
import PolicyModel
import PolicySearch
import PolicySite
import PolicyWrite

/// The site `policy serve` shows, held in memory and never written anywhere: the files as
/// read, the model, each bundle's findings, the pages rendered so far and the search index.
///
/// After a change it reads again only the changed bundles (`ContentLoader.reload`), builds
/// only their documents (`ModelBuilder.build(reusing:)`) and checks again only what they can
/// change (`Checker.recheck`); a change to the settings, the cleanup files or the set of
/// bundles reads everything again, as a first build does. Pages are rendered when they are
/// asked for, from the current model, and kept until the next change: one page takes
/// milliseconds, while rendering all of them takes seconds, most of them for pages nobody
/// opens during an edit. The search index is rebuilt in memory after each change, on a
/// queue of its own, keeping the postings segments whose records did not change. The git
/// history the document pages show is read when everything is read (a commit made while
/// serving shows after the next such change or a restart).
public final class LiveSite: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var displayRoot: String
        /// Asked at each (re)load: the theme folder may appear or go away while serving.
        public var theme: @Sendable () -> URL?
        /// Fixed as-of date; today (by the wall clock) at each change when nil.
        public var asOf: CalendarDate?

        public init(content: URL, displayRoot: String, theme: @escaping @Sendable () -> URL?, asOf: CalendarDate?) {
            self.content = content
            self.displayRoot = displayRoot
            self.theme = theme
            self.asOf = asOf
        }
    }

    /// What the last update left to show.
    public enum Status: Sendable {
        case pending
        /// The site is current; warnings, if any, do not stop it.
        case built(documents: Int, warnings: [Diagnostic])
        /// The content has errors: the browser shows them instead of the site.
        case contentErrors([Diagnostic])
        /// The content could not be read at all (folder gone, broken theme template…).
        case failed(String)

        /// Whether there is a site to show (possibly with warnings).
        public var isShowable: Bool {
            if case .built = self { return true }
            return false
        }
    }

    /// The checked library, kept between changes (also when it has errors).
    struct Model {
        let raw: RawLibrary
        let library: Library
        let findings: CheckFindings
        let asOf: CalendarDate
        var theme: Theme?
        var history: LibraryHistory
    }

    public let options: Options
    private let lock = NSLock()
    private var model: Model?
    private var current: Pages
    private let searchQueue = DispatchQueue(label: "policy.serve.search")
    private let searchSegments = PostingSegmentCache.InMemory()
    private var search: (generation: Int, files: [String: OutputFile])?
    private var searchWanted = 0
    private let searchReady = NSCondition()

    public init(options: Options) {
        FreeMemory.limitArenas()
        self.options = options
        current = Pages(generation: 0, status: .pending, renderer: nil)
    }

    /// The newest generation that had a site to show (nil before the first).
    public var lastGood: Pages? { lock.withLock { good } }
    private var good: Pages?

    public var generation: Int { lock.withLock { current.generation } }
    public var status: Status { lock.withLock { current.status } }
    /// The pages of the current generation: what one request reads from start to end.
    public var pages: Pages { lock.withLock { current } }

    // MARK: - Updating

    /// Reads everything (the first time, or after a change that needs it).
    @discardableResult
    public func reload() -> Status { update(changes: nil, themeChanged: true) }

    /// Applies changes the watcher saw: `content` paths relative to the content folder;
    /// `everything` reads the whole folder again. Not reentrant: the watcher calls it from
    /// its one thread.
    @discardableResult
    public func update(content: Set<String>, everything: Bool = false, themeChanged: Bool) -> Status {
        update(changes: everything ? nil : content, themeChanged: themeChanged)
    }

    private func update(changes: Set<String>?, themeChanged: Bool) -> Status {
        let status: Status
        var renderer: SiteRenderer?
        do {
            var model = try StageClock.measure("serve: model") { try updatedModel(changes: changes) }
            if themeChanged { model.theme = nil }
            // Kept before the theme is read: a broken theme must not lose the content's changes.
            self.model = model
            if model.theme == nil {
                model.theme = try Theme(overrides: options.theme().map(ThemeFolder.init(reading:)))
                self.model = model
            }
            let diagnostics = model.findings.all
            if diagnostics.errorCount > 0 {
                status = .contentErrors(diagnostics)
            } else {
                let published = model.library.published(asOf: model.asOf)
                renderer = SiteRenderer(
                    library: published, raw: model.raw, asOf: model.asOf, theme: model.theme!, history: model.history,
                    searchIndex: false)
                renderer?.rendersDocumentPages = false
                status = .built(documents: published.documents.count, warnings: diagnostics)
            }
        } catch {
            status = .failed("\(error)")
            // Unless only the theme failed, the next change reads everything again.
            if model?.theme != nil { model = nil }
        }
        let pages = Pages(generation: generation + 1, status: status, renderer: renderer)
        pages.site = self
        lock.withLock {
            current = pages
            if status.isShowable { good = pages }
        }
        let generation = pages.generation
        if let renderer { rebuildSearchIndex(renderer.library, asOf: renderer.asOf, generation: generation) }
        return status
    }

    /// The model after `changes` (nil: everything), reading only what changed when it can.
    private func updatedModel(changes: Set<String>?) throws -> Model {
        let loader = ContentLoader(root: options.content, displayRoot: options.displayRoot)
        if let previous = model, let changes, let bundles = Self.editedBundles(changes, in: previous.raw, loader: loader) {
            let asOf = options.asOf ?? CalendarDate.today(in: previous.library.site.timeZone)
            if bundles.isEmpty && asOf == previous.asOf { return previous }
            let raw = loader.reload(previous.raw, bundles: bundles)
            let ids = Set(raw.bundles.filter { bundles.contains($0.path) }.map(\.id))
            let library = ModelBuilder(raw: raw).build(reusing: previous.library, rereading: ids)
            let findings =
                asOf == previous.asOf
                ? Checker().recheck(raw, library, asOf: asOf, bundles: bundles, previous: previous.findings)
                : Checker().findings(raw, library, asOf: asOf)
            return Model(raw: raw, library: library, findings: findings, asOf: asOf, theme: previous.theme, history: previous.history)
        }
        let raw = try loader.load()
        let library = ModelBuilder(raw: raw).build()
        let asOf = options.asOf ?? CalendarDate.today(in: library.site.timeZone)
        let findings = Checker().findings(raw, library, asOf: asOf)
        let history = GitHistory.load(content: options.content, timeZone: library.site.timeZone)
        return Model(raw: raw, library: library, findings: findings, asOf: asOf, theme: model?.theme, history: history)
    }

    /// The bundle folders (`normative/<id>`) the changed paths are in, when every one is
    /// inside a bundle that was read before and is still a folder, and ids are unique; nil
    /// when the change needs a whole reload (settings, cleanup files, a bundle added or removed).
    static func editedBundles(_ changes: Set<String>, in raw: RawLibrary, loader: ContentLoader) -> Set<String>? {
        guard Set(raw.bundles.map(\.id)).count == raw.bundles.count else { return nil }
        let known = Set(raw.bundles.map(\.path))
        var bundles: Set<String> = []
        for path in changes {
            let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3 else { return nil }  // a bundle folder itself, or anything outside one
            let bundle = "\(parts[0])/\(parts[1])"
            guard known.contains(bundle), loader.isBundleFolder(bundle) else { return nil }
            bundles.insert(bundle)
        }
        return bundles
    }

    // MARK: - Search index

    /// Builds the index of `library` in the background; a newer change supersedes a build
    /// not yet started.
    private func rebuildSearchIndex(_ library: Library, asOf: CalendarDate, generation: Int) {
        lock.withLock { searchWanted = generation }
        let segments = searchSegments
        searchQueue.async { [self] in
            guard lock.withLock({ searchWanted == generation }) else { return }
            // The old index goes first: only pages older than this change ask for it (they
            // wait for the new one instead), and a large library's two indexes at once would
            // double the preview's memory.
            lock.withLock { search = nil }
            let files = StageClock.measure("serve: search index") {
                SearchIndexWriter(library: library, asOf: asOf, segmentCache: PostingSegmentCache(memory: segments)).files()
            }
            let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            FreeMemory.release()
            searchReady.lock()
            lock.withLock { search = (generation, byPath) }
            searchReady.broadcast()
            searchReady.unlock()
        }
    }

    /// A file of the search index of `generation` or a newer one, waiting up to `seconds`
    /// for it to be built (then the newest there is), so that search agrees with the pages.
    func searchFile(_ path: String, generation: Int, waiting seconds: Double = 120) -> OutputFile? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        searchReady.lock()
        defer { searchReady.unlock() }
        while lock.withLock({ (search?.generation ?? 0) < generation }) {
            guard searchReady.wait(until: deadline) else { break }
        }
        return lock.withLock { search?.files[path] }
    }

    // MARK: - Pages

    /// One generation's site, rendered piece by piece as pages are asked for.
    public final class Pages: @unchecked Sendable {
        public let generation: Int
        public let status: Status
        let renderer: SiteRenderer?
        weak var site: LiveSite?
        private let lock = NSLock()
        private var files: [String: OutputFile] = [:]
        /// Held while a piece renders, so that a second request for it waits for the first;
        /// files already made are still served meanwhile.
        private let rendering = NSLock()
        private var rendered: Set<String> = []

        static let sitemap = "sitemap.xml"
        static let assets = "assets/"

        init(generation: Int, status: Status, renderer: SiteRenderer?) {
            self.generation = generation
            self.status = status
            self.renderer = renderer
        }

        /// The file at `path` (`d/<id>/index.html`), rendering the piece of the site it
        /// belongs to if needed: a document's pages, the search index, or everything else.
        public func file(_ path: String) throws -> OutputFile? {
            if let file = lock.withLock({ files[path] }) { return file }
            guard let renderer else { return nil }
            if path.hasPrefix(SearchIndexWriter.folder) && path != SitePath.indexFile(SitePath.search) {
                return site?.searchFile(path, generation: generation)
            }
            // The theme's assets as they are: a reloaded page's stylesheet must not wait for
            // the site-wide pages to be rendered.
            if path.hasPrefix(Self.assets) {
                return renderer.theme.assets[String(path.dropFirst(Self.assets.count))].map { OutputFile(path, .data($0)) }
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count >= 2, parts[0] == "d", renderer.library.document(String(parts[1])) != nil {
                try render("document \(parts[1])") { try renderer.renderDocument(String(parts[1])) }
                if let file = lock.withLock({ files[path] }) { return file }
            }
            // The sitemap lists every page: it needs the whole site (the site-wide pieces'
            // sitemap lacks the documents' pages).
            if path == Self.sitemap {
                var whole = renderer
                whole.rendersDocumentPages = true
                try render("whole site") { try whole.render() }
                // The whole site holds the site-wide pages too: do not render them again.
                if let file = lock.withLock({ files[path] }) { return file }
            }
            try render("site-wide pages") { try renderer.render().filter { $0.path != Self.sitemap } }
            return lock.withLock { files[path] }
        }

        /// Renders a piece once per generation (two requests for it at once wait for one).
        private func render(_ piece: String, _ make: () throws -> [OutputFile]) throws {
            rendering.lock()
            defer { rendering.unlock() }
            guard !rendered.contains(piece) else { return }
            let made = try StageClock.measure("serve: render \(piece.hasPrefix("document") ? "a document" : piece)") { try make() }
            lock.withLock {
                for file in made where files[file.path] == nil { files[file.path] = file }
            }
            rendered.insert(piece)
        }

        /// The bytes of a file: rendered ones as made, bundle files read from the content
        /// folder now (nil when that fails).
        public func bytes(of file: OutputFile) -> [UInt8]? {
            switch file.contents {
            case .text(let text): Array(text.utf8)
            case .data(let data): Array(data)
            case .bytes(let bytes): bytes
            case .copy(let path): ContentLoader.bytes(at: path)
            }
        }
    }
}

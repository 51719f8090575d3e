import PolicyCore
import PolicyLoad
import PolicyModel

/// What a document's pages are made from, as digests, so that a rebuild renders again only
/// the pages whose inputs changed and keeps the others as they are on disk
/// (`SiteSink.reuse`). The result is the same as rendering everything.
///
/// Deliberately broad, because a stale page is worse than a slow build. The shared part —
/// when it changes, every page is rendered again — covers the `policy` binary, the theme, the
/// as-of date, `site.yml`, `calendar.yml`, every cleanup file, and for every bundle its id,
/// its file list, the front matter of each of its files and the links and headings of each
/// body: all that one page can show of another document. A document's own part is the whole
/// text of its bundle's Markdown and text files (a transcript is rendered into its page) and
/// the bundle's git history.
///
/// Of the whole-library pages, those made from front matter alone (the lists, 政策解读 by form)
/// depend on the shared part only, and the 政策问答库 on it and the text of every
/// interpretation; the others (home, search index, feeds, open data) are always rendered.
struct PageInputs: Sendable {
    private let shared: String
    /// Bundle id → digest of the bundle's own part.
    private let own: [String: String]
    /// Every interpretation's text (the 政策问答库's answers are in them).
    private let interpretations: String

    init(raw: RawLibrary, library: Library, theme: Theme, asOf: CalendarDate, history: LibraryHistory, tool: String) {
        var shared = ContentDigest()
        shared.add("tool \(tool)")
        shared.add("theme \(theme.digest)")
        shared.add("as-of \(asOf)")
        for file in [raw.site, raw.calendar].compactMap({ $0 }) + raw.cleanups {
            shared.add(file.relativePath)
            shared.add(file.text)
        }
        var own: [String: String] = [:]
        var interpretations = ContentDigest()
        for bundle in raw.bundles.sorted(by: { $0.id < $1.id }) {
            for source in bundle.interpretations {
                interpretations.add(source.relativePath)
                interpretations.add(source.text)
            }
            shared.add("bundle \(bundle.id) \(bundle.path)")
            for file in bundle.files.sorted() { shared.add(file) }
            var mine = ContentDigest()
            for source in [bundle.index].compactMap({ $0 }) + bundle.interpretations {
                shared.add(source.relativePath)
                shared.add(PageInputs.frontMatter(of: source))
                mine.add(source.relativePath)
                mine.add(source.text)
            }
            // The text files the pages render (a video's transcript) as the loader read them.
            for text in bundle.texts {
                mine.add(text.relativePath)
                for page in text.pages { mine.add(page) }
            }
            for change in history.bundle(bundle.path)?.changes ?? [] {
                mine.add("\(change.commit) \(change.date)")
            }
            own[bundle.id] = mine.hex
        }
        for document in library.documents {
            for facts in [document.bodyFacts] + document.interpretations.map(\.bodyFacts) {
                for reference in facts.references { shared.add("\(reference.isImage) \(reference.url) \(reference.text)") }
                for heading in facts.headings { shared.add("\(heading.level) \(heading.text)") }
            }
        }
        self.shared = shared.hex
        self.own = own
        self.interpretations = interpretations.hex
    }

    /// The inputs of a whole-library page made from front matter alone (`name` tells the
    /// pages apart).
    func frontMatterPages(_ name: String) -> String {
        var digest = ContentDigest()
        digest.add("library pages \(name) \(shared)")
        return digest.hex
    }

    /// The inputs of the 政策问答库 and its `qa.json`.
    func questionBank() -> String {
        var digest = ContentDigest()
        digest.add("question bank \(shared) \(interpretations)")
        return digest.hex
    }

    /// The inputs of a document's page and its interpretations' pages.
    func document(_ document: Document) -> String {
        var digest = ContentDigest()
        digest.add("document \(shared) \(document.id) \(own[document.id] ?? "")")
        return digest.hex
    }

    /// The inputs of the 新旧对照 of two versions.
    func comparison(_ pair: Library.VersionPair) -> String {
        var digest = ContentDigest()
        digest.add("compare \(shared) \(pair.old.id) \(own[pair.old.id] ?? "") \(pair.new.id) \(own[pair.new.id] ?? "")")
        return digest.hex
    }

    /// The file up to where its body starts (all of it when it has no body).
    private static func frontMatter(of source: SourceFile) -> String {
        String(decoding: source.text.utf8.dropLast(source.body.utf8.count), as: UTF8.self)
    }
}

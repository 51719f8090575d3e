import PolicyCore
import PolicyLoad

/// Gives the raw files their meaning: documents, interpretations, cleanup batches, settings.
///
/// It is lenient on purpose: a file whose required fields are missing or malformed is left
/// out of the model (the rules over `RawLibrary` say why), so that one bad file never hides
/// the findings in the others.
package struct ModelBuilder: Sendable {
    let raw: RawLibrary
    /// Read once: documents without an issuer of their own take the site's.
    let site: SiteConfig

    package init(raw: RawLibrary) {
        self.raw = raw
        site = SiteConfig(raw.site?.frontMatter)
    }

    package func build() -> Library { build(reusing: nil) }

    /// The model of `raw`, taking the documents of bundles not in `rereading` (ids) from
    /// `previous` instead of building them again: a document depends only on its own bundle
    /// and the settings, so this is what `policy serve` does after an edit inside a bundle
    /// (with `site.yml` unchanged, and bundle ids unique).
    package func build(reusing previous: Library, rereading: Set<String>) -> Library {
        build(reusing: (previous, rereading))
    }

    private func build(reusing: (library: Library, rereading: Set<String>)?) -> Library {
        var calendarProblems: [String] = []
        let calendarYAML = raw.calendar?.frontMatter
        let calendar = WorkCalendar(
            holidays: calendarYAML?.strings("holidays") ?? [],
            workdays: calendarYAML?.strings("workdays") ?? [],
            unreadable: &calendarProblems)
        var unreadableEntries: [UnreadableCalendarEntry] = []
        if let file = raw.calendar {
            for entry in calendarProblems {
                // At the entry's own line when it can be found among the listed scalars.
                let nodes = ["holidays", "workdays"].compactMap { calendarYAML?.node($0) }
                    .flatMap { $0.sequence.map(Array.init) ?? [$0] }
                let node = nodes.first { $0.scalar?.string.trimmed == entry }
                let location = node.flatMap { calendarYAML?.locationOfNode($0) } ?? file.location()
                unreadableEntries.append(UnreadableCalendarEntry(.notADate(entry), at: location))
            }
            // Entries that are not text at all (a nested list or mapping), which the day lists skip.
            for key in ["holidays", "workdays"] {
                guard let node = calendarYAML?.node(key) else { continue }
                let misplaced = node.sequence.map { $0.filter { $0.scalar == nil } } ?? (node.scalar == nil ? [node] : [])
                for entry in misplaced {
                    let location = calendarYAML?.locationOfNode(entry) ?? file.location()
                    unreadableEntries.append(
                        UnreadableCalendarEntry(
                            .nested(key: key, isMapping: entry.mapping != nil),
                            at: location))
                }
            }
        }
        let documents = raw.bundles.parallelMap { bundle in
            if let reusing, !reusing.rereading.contains(bundle.id) { return reusing.library.document(bundle.id) }
            return document(bundle)
        }.compactMap { $0 }
        let cleanups = raw.cleanups.compactMap(cleanup)
        return Library(
            site: site, calendar: calendar, documents: documents, cleanups: cleanups,
            bundleIDs: Set(raw.bundles.map(\.id)), unreadableCalendarEntries: unreadableEntries,
            standaloneQuestions: standaloneQuestions())
    }

    /// The entries of `qa/` that can be read; of two with one id, the first (PQ005 reports it).
    private func standaloneQuestions() -> [StandaloneQuestion] {
        var seen: Set<String> = []
        return raw.questionSources.compactMap { source in
            StandaloneQuestion.read(source.fields, id: source.id, answer: source.answer, location: source.location)
        }.filter { seen.insert($0.id).inserted }
    }

    // MARK: - Documents

    private func document(_ bundle: RawLibrary.Bundle) -> Document? {
        guard let source = bundle.index, let fm = source.frontMatter,
            let title = fm.string("title"), let signed = fm.date("signed"), let published = fm.date("published")
        else { return nil }
        let kind = fm.string("kind").flatMap(DocumentKind.init(alias:)) ?? bundle.kind
        let repeal = fm.mapping("repealed").flatMap { r in
            r.date("date").map { Document.Repeal(date: $0, by: r.string("by"), note: r.string("note")) }
        }
        let issuers = fm.strings("issuer")
        return Document(
            id: bundle.id, kind: kind, title: title, number: fm.string("number"),
            issuers: issuers.isEmpty ? [site.issuer].filter { !$0.isEmpty } : issuers,
            office: fm.string("office"), signed: signed, published: published,
            effective: fm.date("effective") ?? published, expires: fm.date("expires"),
            topics: fm.strings("topics"), keywords: fm.strings("keywords"), supersedes: fm.strings("supersedes"),
            repeal: repeal, official: fm.string("official"),
            attachments: fm.mappings("attachments").compactMap { a in
                a.string("file").map { Document.Attachment(file: $0, title: a.string("title") ?? $0) }
            },
            exempt: Exemption.read(fm), changes: changeNotes(fm), body: source.body, bodyFacts: source.bodyFacts,
            source: source, interpretations: bundle.interpretations.compactMap { interpretation($0, of: bundle.id) },
            disclosure: Disclosure.read(fm), indexNumber: fm.string("index_no"),
            amendments: fm.mappings("amended_by").compactMap { a in
                a.date("date").map { Document.Amendment(date: $0, title: a.string("title"), number: a.string("number")) }
            }, implements: fm.strings("implements"))
    }

    /// `changes:` newest first; entries of one day keep the order they are written in.
    private func changeNotes(_ fm: FrontMatter) -> [Document.ChangeNote] {
        let notes: [Document.ChangeNote] = fm.mappings("changes").compactMap { c in
            guard let date = c.date("date"), let note = c.string("note") else { return nil }
            return Document.ChangeNote(date: date, note: note)
        }
        return notes.indices.sorted { (notes[$0].date, $1) > (notes[$1].date, $0) }.map { notes[$0] }
    }

    private func interpretation(_ source: SourceFile, of documentID: String) -> Interpretation? {
        guard let fm = source.frontMatter, let title = fm.string("title"),
            let form = fm.string("form").flatMap(InterpretationForm.init(alias:)),
            let published = fm.date("published")
        else { return nil }
        let media = fm.mapping("media").map { m in
            Interpretation.Media(
                file: m.string("file"), alt: m.string("alt"), poster: m.string("poster"),
                captions: m.string("captions"), transcript: m.string("transcript"))
        }
        let name = source.relativePath.split(separator: "/").last.map(String.init) ?? source.relativePath
        return Interpretation(
            id: String(name.dropLast(3)), documentID: documentID, title: title, form: form,
            published: published, office: fm.string("office"), media: media,
            body: source.body, bodyFacts: source.bodyFacts, source: source)
    }

    // MARK: - Cleanup batches

    private func cleanup(_ source: SourceFile) -> CleanupBatch? {
        guard let fm = source.frontMatter, let title = fm.string("title"), let published = fm.date("published")
        else { return nil }
        let results = fm.mappings("results").compactMap { r -> CleanupBatch.Result? in
            guard let doc = r.string("document"), let outcome = r.string("result").flatMap(CleanupOutcome.init)
            else { return nil }
            return CleanupBatch.Result(
                document: doc, outcome: outcome, note: r.string("note"),
                location: r.location(of: "document"))
        }
        let name = source.relativePath.split(separator: "/").last.map(String.init) ?? source.relativePath
        return CleanupBatch(
            id: String(name.dropLast(3)), title: title, number: fm.string("number"), published: published,
            effective: fm.date("effective") ?? published, results: results,
            body: source.body, bodyFacts: source.bodyFacts, source: source)
    }
}

private extension SourceFile {
    var bodyFacts: BodyFacts { BodyFacts(body, firstLine: bodyFirstLine) }
}

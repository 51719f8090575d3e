import PolicyCore

/// What the site may show on a given day. The site, its lists, feeds, sitemap, open data
/// and search index are all rendered from this library, never from the whole one, so that a
/// scheduled or non-public document cannot leak through any one page.
extension Library {
    /// The library as published at `asOf`: only 主动公开 documents published by that day,
    /// with only their interpretations published by then, and only cleanup batches published
    /// by then. Hugo's `buildFuture = false`, applied once here. A repeal names what repeals
    /// it (`by`, and the note, which quotes its title) only when that document is itself on
    /// the site: a planned repeal by a document still to be published must not give the
    /// document away before its day. The repeal's date stays, so statuses stay right.
    public func published(asOf: CalendarDate) -> Library {
        let onSite = Set(documents.filter { $0.disclosure.isPublic && $0.published <= asOf }.map(\.id))
        let shown = documents.compactMap { doc -> Document? in
            guard onSite.contains(doc.id) else { return nil }
            let interpretations = doc.interpretations.filter { $0.published <= asOf }
            var repeal = doc.repeal
            if let r = repeal, let by = r.by, !onSite.contains(by) { repeal = Document.Repeal(date: r.date, by: nil, note: nil) }
            let unchanged = interpretations.count == doc.interpretations.count && repeal?.by == doc.repeal?.by
            return unchanged ? doc : doc.keeping(interpretations: interpretations, repeal: repeal)
        }
        // A Q&A entry answered after the day waits for it; one concerning a document not on
        // the site keeps its answer but does not name that document.
        let questions = standaloneQuestions.filter { $0.answered <= asOf }.map { q in
            q.documents.allSatisfy(onSite.contains) ? q : q.keeping(documents: q.documents.filter(onSite.contains))
        }
        if shown.count == documents.count && shown.indices.allSatisfy({ shown[$0] === documents[$0] })
            && cleanups.allSatisfy({ $0.published <= asOf })
            && questions.count == standaloneQuestions.count
            && zip(questions, standaloneQuestions).allSatisfy({ $0.documents == $1.documents })
        {
            return self
        }
        return Library(
            site: site, calendar: calendar, documents: shown,
            cleanups: cleanups.filter { $0.published <= asOf },
            bundleIDs: bundleIDs, unreadableCalendarEntries: unreadableCalendarEntries,
            standaloneQuestions: questions)
    }

    /// Whether `document` is on the public site at all (any day): 主动公开.
    public func isPublic(_ id: String) -> Bool { document(id)?.disclosure.isPublic ?? false }
}

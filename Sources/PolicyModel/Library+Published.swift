import PolicyCore

/// What the site may show on a given day. The site, its lists, feeds, sitemap, open data
/// and search index are all rendered from this library, never from the whole one, so that a
/// scheduled or non-public document cannot leak through any one page.
extension Library {
    /// The library as published at `asOf`: only 主动公开 documents published by that day,
    /// with only their interpretations published by then, and only cleanup batches published
    /// by then. Hugo's `buildFuture = false`, applied once here.
    public func published(asOf: CalendarDate) -> Library {
        let shown = documents.compactMap { doc -> Document? in
            guard doc.disclosure.isPublic, doc.published <= asOf else { return nil }
            let interpretations = doc.interpretations.filter { $0.published <= asOf }
            return interpretations.count == doc.interpretations.count ? doc : doc.keeping(interpretations: interpretations)
        }
        if shown.count == documents.count && shown.indices.allSatisfy({ shown[$0] === documents[$0] })
            && cleanups.allSatisfy({ $0.published <= asOf })
        {
            return self
        }
        return Library(
            site: site, calendar: calendar, documents: shown,
            cleanups: cleanups.filter { $0.published <= asOf },
            bundleIDs: bundleIDs, unreadableCalendarEntries: unreadableCalendarEntries)
    }

    /// Whether `document` is on the public site at all (any day): 主动公开.
    public func isPublic(_ id: String) -> Bool { document(id)?.disclosure.isPublic ?? false }
}

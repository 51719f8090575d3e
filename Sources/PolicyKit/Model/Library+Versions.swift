/// Version relations (修订): the whole lineage of a document and the version to read today.
/// Pages show both directions; working them out once here keeps the templates dumb.
extension Library {
    /// Every document linked to `document` through `supersedes`, in either direction and
    /// transitively, including itself — oldest first (effective, published, id).
    public func versionChain(of document: Document) -> [Document] {
        var seen: Set<String> = [document.id]
        var queue = [document.id]
        while let id = queue.popLast() {
            let neighbours = (self.document(id)?.supersedes ?? []) + (supersededBy[id] ?? [])
            for next in neighbours where !seen.contains(next) && self.document(next) != nil {
                seen.insert(next)
                queue.append(next)
            }
        }
        return seen.compactMap { self.document($0) }
            .sorted { ($0.effective, $0.published, $0.id) < ($1.effective, $1.published, $1.id) }
    }

    /// The earlier versions this document revises, directly or through other versions,
    /// oldest first — the history a regulation's headnote recounts.
    public func predecessors(of document: Document) -> [Document] {
        var seen: Set<String> = [document.id]
        var queue = document.supersedes
        var found: [Document] = []
        while let id = queue.popLast() {
            guard !seen.contains(id), let earlier = self.document(id) else { continue }
            seen.insert(id)
            found.append(earlier)
            queue.append(contentsOf: earlier.supersedes)
        }
        return found.sorted { ($0.effective, $0.published, $0.id) < ($1.effective, $1.published, $1.id) }
    }

    /// For a document no longer in force on `asOf`, the later version of it (in its
    /// version chain) that is in force then — the newest if several. Nil when the document
    /// itself is current or no later version is in force: the link "现行版本" points here.
    public func currentVersion(of document: Document, at asOf: CalendarDate) -> Document? {
        guard !status(of: document, at: asOf).status.isCurrent else { return nil }
        let chain = versionChain(of: document)
        guard let position = chain.firstIndex(where: { $0.id == document.id }) else { return nil }
        return chain[(position + 1)...].last { status(of: $0, at: asOf).status == .inForce }
    }
}

/// A long version chain is not listed whole on every page — 1,500 versions listed on each of
/// 1,500 pages made a site of half a gigabyte — but as the nearest versions around the page's
/// own, with a link to the chain's own page, which lists them all once.
extension Library {
    /// How many versions before and after a page's own its version list shows.
    public static let versionRadius = 3

    /// The versions a document page lists: up to `radius` on each side of the document in
    /// its chain (`chain` as `versionChain(of:)` gives it), oldest first.
    public func nearestVersions(of document: Document, in chain: [Document],
                                radius: Int = Library.versionRadius) -> ArraySlice<Document> {
        guard let position = chain.firstIndex(where: { $0.id == document.id }) else { return chain[...] }
        return chain[max(0, position - radius)..<min(chain.count, position + radius + 1)]
    }

    /// A chain's identity and the address of its page: its oldest version's id.
    public func chainID(of chain: [Document]) -> String? { chain.first?.id }

    /// Every version chain of more than `1 + 2 · radius` versions — those whose pages do not
    /// list them all — once each, oldest version first.
    public func longVersionChains(radius: Int = Library.versionRadius) -> [[Document]] {
        var seen: Set<String> = []
        var chains: [[Document]] = []
        for i in documents.indices where !seen.contains(documents[i].id)
            && (!documents[i].supersedes.isEmpty || supersededBy[documents[i].id] != nil) {
            let chain = versionChain(of: documents[i])
            for d in chain { seen.insert(d.id) }
            if chain.count > 1 + 2 * radius { chains.append(chain) }
        }
        return chains.sorted { $0[0].id < $1[0].id }
    }
}

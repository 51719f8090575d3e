import PolicyCore

/// Version relations (修订): the whole lineage of a document and the version to read today.
/// Pages show both directions; working them out once here keeps the templates dumb.
extension Library {
    /// Every document linked to `document` through `supersedes`, in either direction and
    /// transitively, including itself — oldest first (effective, published, id).
    public func versionChain(of document: Document) -> [Document] {
        versionChains.chain(of: document)
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
    public func nearestVersions(
        of document: Document, in chain: [Document],
        radius: Int = Library.versionRadius
    ) -> ArraySlice<Document> {
        guard let position = chain.firstIndex(where: { $0.id == document.id }) else { return chain[...] }
        return chain[max(0, position - radius)..<min(chain.count, position + radius + 1)]
    }

    /// A chain's identity and the address of its page: its oldest version's id.
    public func chainID(of chain: [Document]) -> String? { chain.first?.id }

    /// Every version chain of more than `1 + 2 · radius` versions — those whose pages do not
    /// list them all — once each, oldest version first.
    public func longVersionChains(radius: Int = Library.versionRadius) -> [[Document]] {
        versionChains.all.filter { $0.count > 1 + 2 * radius }.sorted { $0[0].id < $1[0].id }
    }
}

/// The version chains of a library, found once: the documents linked through `supersedes` in
/// either direction, transitively — oldest first (effective, published, id).
struct VersionChains: Sendable {
    private let chains: [[Document]]
    /// id → index into `chains`, for documents with another version.
    private let chainIndex: [String: Int]

    init(documents: [Document], indexByID: [String: Int], supersededBy: [String: [String]]) {
        var chains: [[Document]] = []
        var chainIndex: [String: Int] = [:]
        for start in documents.indices where chainIndex[documents[start].id] == nil {
            var seen: Set<String> = [documents[start].id]
            var queue = [documents[start].id]
            while let id = queue.popLast() {
                let neighbours = (indexByID[id].map { documents[$0].supersedes } ?? []) + (supersededBy[id] ?? [])
                for next in neighbours where !seen.contains(next) && indexByID[next] != nil {
                    seen.insert(next)
                    queue.append(next)
                }
            }
            guard seen.count > 1 else { continue }
            for id in seen { chainIndex[id] = chains.count }
            chains.append(
                seen.compactMap { indexByID[$0].map { documents[$0] } }
                    .sorted { ($0.effective, $0.published, $0.id) < ($1.effective, $1.published, $1.id) })
        }
        self.chains = chains
        self.chainIndex = chainIndex
    }

    /// The chain `document` belongs to, or just the document when it has no other version.
    func chain(of document: Document) -> [Document] {
        chainIndex[document.id].map { chains[$0] } ?? [document]
    }

    /// Every chain of two or more versions.
    var all: [[Document]] { chains }
}

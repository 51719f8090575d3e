import PolicyCore

/// A document's place in the chain of implementation (`implements:`): the 上位文件 it
/// implements and the 下级配套文件 that implement it, each ready to be linked.
public struct ImplementationLinks: Sendable {
    /// One linked document, as a page shows it.
    public struct Linked: Sendable {
        public let title: String
        public let number: String?
        /// Its issuers, joined with `、`.
        public let issuer: String
        /// Its page, relative to the root of the site that renders the linking page (in a
        /// bureau's section of a system library, `../<source>/d/<id>/` for another bureau).
        public let path: String
    }

    /// 上位文件.
    public var implements: [Linked] = []
    /// 下级配套文件.
    public var implementedBy: [Linked] = []

    public var isEmpty: Bool { implements.isEmpty && implementedBy.isEmpty }

    /// Both directions for every document of `documents` whose `implements` names one of
    /// them (by id as the documents are known: local ids in one library, qualified ids in a
    /// system). Ids that name no document here are left out (PR001 and PL006 report them).
    static func of(_ documents: [Document], indexByID: [String: Int]) -> [String: ImplementationLinks] {
        var links: [String: ImplementationLinks] = [:]
        for i in documents.indices where !documents[i].implements.isEmpty {
            let lower = documents[i]
            for id in lower.implements {
                guard let j = indexByID[id], j != i else { continue }
                let upper = documents[j]
                links[lower.id, default: .init()].implements.append(linked(upper))
                links[upper.id, default: .init()].implementedBy.append(linked(lower))
            }
        }
        return links
    }

    static func linked(_ d: Document) -> Linked {
        Linked(title: d.title, number: d.number, issuer: d.issuers.joined(separator: "、"), path: SitePath.document(d.id))
    }

    /// The links as seen from the section of `source` in a system library: a page of that
    /// section takes the section's folder as its root.
    func seen(fromSection source: String) -> ImplementationLinks {
        let prefix = source + "/"
        func rebase(_ l: Linked) -> Linked {
            let path = l.path.hasPrefix(prefix) ? String(l.path.dropFirst(prefix.count)) : "../" + l.path
            return Linked(title: l.title, number: l.number, issuer: l.issuer, path: path)
        }
        return ImplementationLinks(implements: implements.map(rebase), implementedBy: implementedBy.map(rebase))
    }
}

import PolicyModel
import PolicyWrite

/// `versions/<oldest id>/`: every version of a long chain, once. Document pages of such a
/// chain list only their nearest versions and link here (`Library.nearestVersions`).
struct VersionChainPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let count: Int
        let items: [Item]
    }

    struct Item: Encodable {
        let link: DocumentLink
    }

    let context: SiteContext
    /// Oldest first, as `Library.versionChain(of:)` gives it.
    let chain: [Document]

    func render() throws -> String {
        let id = chain[0].id
        let directory = SitePath.versionChain(id)
        let link = Linker(page: directory)
        // Named after the newest version: the title a reader knows the chain by today.
        let title = "《\(chain[chain.count - 1].title)》版本沿革"
        let ctx = Context(
            page: context.chrome(directory, title: title, crumbs: [(title, nil)]),
            title: title, count: chain.count,
            items: chain.map { Item(link: context.documentLink($0, from: link)) })
        return try context.page(directory, template: "versions", ctx)
    }
}

import PolicyCore
import PolicyWrite

extension SiteRenderer {
    /// One document's part of the site, as `render(into:)` makes it: its page, its
    /// interpretations' pages and the bundle files it publishes. Empty for a document not on
    /// the site. For `policy serve`, which renders a page when it is asked for.
    public func renderDocument(_ id: String) throws -> [OutputFile] {
        guard let document = library.document(id) else { return [] }
        let context = SiteContext(library: library, raw: raw, asOf: asOf, theme: theme, history: history)
        return try [DocumentPage(context: context, document: document).render()]
            + document.interpretations.map {
                try InterpretationPage(context: context, document: document, interpretation: $0).render()
            } + context.copies(of: document)
    }
}

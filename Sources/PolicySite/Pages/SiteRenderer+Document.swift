import PolicyCore
import PolicyWrite

extension SiteRenderer {
    /// One document's part of the site, as `render(into:)` makes it: its page, its
    /// interpretations' pages and the bundle files it publishes. Empty for a document not on
    /// the site. For `policy serve`, which renders a page when it is asked for.
    public func renderDocument(_ id: String) throws -> [OutputFile] {
        guard let document = library.document(id) else { return [] }
        let files = CollectedFiles()
        let output = InputRecorder(sink: files, theme: theme, tool: nil)
        let context = SiteContext(
            library: library, raw: raw, asOf: asOf, theme: theme, history: history, output: output, live: live)
        _ = try DocumentPage(context: context, document: document).render()
        for interpretation in document.interpretations {
            _ = try InterpretationPage(context: context, document: document, interpretation: interpretation).render()
        }
        _ = try output.add(context.copies(of: document))
        return files.sorted
    }
}

import PolicyCore
import PolicyModel

/// One searchable page — a document or one of its interpretations — with the text the index
/// is built from. Records are numbered in library order, each document followed by its
/// interpretations, and every file of the index refers to them by that number.
struct SearchRecord: Sendable {
    /// Index into `Library.documents` of the document, or of the document interpreted.
    let documentIndex: Int
    /// Nil for the document itself.
    let interpretation: Interpretation?
    let title: String
    let number: String?
    /// The page, as a site path with each segment percent-encoded (`d/<id>/`).
    let path: String
    /// Title, 文号 (when there is one) and body plain text, one per line. Positions in the
    /// index are offsets in Unicode scalars into this text.
    let text: String
    /// Offset of the body in `text`: a match before it is a title or 文号 match.
    let bodyStart: Int

    init(documentIndex: Int, document: Document, interpretation: Interpretation?) {
        self.documentIndex = documentIndex
        self.interpretation = interpretation
        if let interpretation {
            title = interpretation.title
            number = nil
            path = SitePath.encoded(SitePath.interpretation(interpretation))
        } else {
            title = document.title
            number = document.number
            path = SitePath.encoded(SitePath.document(document.id))
        }
        let head = [title, number].compactMap { $0 }.joined(separator: "\n") + "\n"
        bodyStart = head.unicodeScalars.count
        text = head + (interpretation?.bodyFacts.plainText ?? document.bodyFacts.plainText)
    }

    /// Every document of the library and its interpretations, in record order.
    /// Made on all cores: each copies its page's text, tens of megabytes in all.
    static func all(in library: Library) -> [SearchRecord] {
        Array(library.documents.indices).parallelMap { i in
            let document = library.documents[i]
            return [SearchRecord(documentIndex: i, document: document, interpretation: nil)]
                + document.interpretations.map { SearchRecord(documentIndex: i, document: document, interpretation: $0) }
        }.flatMap { $0 }
    }
}

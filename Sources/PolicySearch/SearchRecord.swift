import PolicyCore
import PolicyLoad
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

    /// A standalone Q&A entry (`qa/<id>/`), numbered after the documents: `documentIndex` is
    /// `library.documents.count` + its place in `library.standaloneQuestions`. Its title is
    /// the question, its body the answer's plain text (like a document's body).
    init(documentIndex: Int, question: StandaloneQuestion) {
        self.documentIndex = documentIndex
        interpretation = nil
        title = question.question
        number = nil
        path = SitePath.encoded(SitePath.questionEntry(question.id))
        let head = title + "\n"
        bodyStart = head.unicodeScalars.count
        text = head + BodyFacts(question.answer, firstLine: 1).plainText
    }

    /// Every document of the library and its interpretations, in record order, then every
    /// standalone Q&A entry (the pairs of Q&A interpretations are found on their
    /// interpretation's page). Made on all cores: each copies its page's text, tens of
    /// megabytes in all.
    static func all(in library: Library) -> [SearchRecord] {
        Array(library.documents.indices).parallelMap { i in
            let document = library.documents[i]
            return [SearchRecord(documentIndex: i, document: document, interpretation: nil)]
                + document.interpretations.map { SearchRecord(documentIndex: i, document: document, interpretation: $0) }
        }.flatMap { $0 }
            + library.standaloneQuestions.enumerated().map {
                SearchRecord(documentIndex: library.documents.count + $0.offset, question: $0.element)
            }
    }
}

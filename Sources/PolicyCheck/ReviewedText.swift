import PolicyCore
import PolicyLoad

/// One text the privacy and secrecy review (PP001, PP002) reads: a Markdown file of the
/// content whole (front matter and body), or a bundle's transcript, captions, text
/// attachment or PDF (`BundleText`), page by page.
struct ReviewedText: Sendable {
    let displayPath: String
    let pages: [String]
    let isPDF: Bool
    /// The Markdown file, when this is one (its front matter is read field by field).
    let source: SourceFile?
    /// A Q&A batch's entries (`QuestionBatch`), each value read on its own like front matter.
    var entries: [FrontMatter] = []
    /// A standalone Q&A entry or batch: labelled names and addresses are looked for too.
    var isQuestion = false

    /// Where a finding is: for a PDF the location's line is the page, since a PDF has no
    /// lines an editor could open; `place` then names page and line in the message.
    func location(page: Int, line: Int, column: Int) -> SourceLocation {
        isPDF
            ? SourceLocation(file: displayPath, line: page, column: 1)
            : SourceLocation(file: displayPath, line: line, column: column)
    }

    /// `第 2 页第 5 行：` for a PDF, nothing otherwise (the location says it).
    func place(page: Int, line: Int) -> String {
        isPDF ? "第 \(page) 页第 \(line) 行：" : ""
    }
}

extension CheckContext {
    /// Every text the site can publish: each Markdown file (standalone Q&A entries included),
    /// each Q&A batch file, then each bundle text that could be read (the unread ones are
    /// PP003's). Hotline and mailbox records carry names and numbers far more often than
    /// documents do, so no entry is left out.
    var reviewedTexts: [ReviewedText] {
        markdownFiles.map { ReviewedText(displayPath: $0.file.displayPath, pages: [$0.file.text], isPDF: false, source: $0.file) }
            + raw.questionFiles.map {
                ReviewedText(displayPath: $0.displayPath, pages: [$0.text], isPDF: false, source: $0, isQuestion: true)
            }
            + raw.questionBatches.map {
                ReviewedText(
                    displayPath: $0.displayPath, pages: [$0.text], isPDF: false, source: nil, entries: $0.entries,
                    isQuestion: true)
            }
            + raw.bundles.flatMap(\.texts).filter { $0.unread == nil }.map {
                ReviewedText(displayPath: $0.displayPath, pages: $0.pages, isPDF: $0.format == .pdf, source: nil)
            }
    }
}

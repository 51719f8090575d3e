/// A file of a bundle that the site can publish and that is text underneath, other than the
/// bundle's Markdown: a transcript or captions (`.txt`, `.vtt`, `.srt`), a text attachment
/// (`.txt`, `.csv`, `.md`, `.html`), a PDF attachment or official version. Read when the
/// library is loaded, so that the privacy and secrecy review reads it from memory like the
/// Markdown.
public struct BundleText: Sendable {
    public enum Format: Sendable, Equatable {
        case plain
        /// Text from `pdftotext`, one entry of `pages` per page.
        case pdf
    }

    /// Why a file could not be read; the review then says so (PP003) instead of passing it.
    public enum Unread: Error, Sendable, Equatable {
        /// `pdftotext` (Debian's poppler-utils) is not installed.
        case noPDFTool
        /// `pdftotext` could not read the PDF (damaged, encrypted, too slow).
        case pdfFailed(String)
        case notUTF8
        /// Larger than `ContentLoader.maxFileBytes` (its size, or the text's).
        case tooLarge(Int)
        case unreadable
    }

    /// Relative to the content folder (`normative/x/视频文稿.txt`).
    public let relativePath: String
    /// As shown in findings (`content/normative/x/视频文稿.txt`).
    public let displayPath: String
    public let format: Format
    /// The text; a plain file is one page.
    public let pages: [String]
    public let unread: Unread?

    public init(relativePath: String, displayPath: String, format: Format, pages: [String], unread: Unread? = nil) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.format = format
        self.pages = pages
        self.unread = unread
    }

    /// The extensions read as plain text, and the PDF's.
    static let plainExtensions: Set<String> = [
        "txt", "vtt", "srt", "csv", "tsv", "md", "html", "htm", "xhtml", "xml", "svg", "json",
    ]
    static let pdfExtension = "pdf"

    /// The format a bundle file is reviewed as; nil for files that are not text (images,
    /// video). Top-level `.md` files are the bundle's own Markdown, read as `SourceFile`s.
    package static func format(of file: String) -> Format? {
        guard let dot = file.lastIndex(of: "."), !file.hasSuffix("/") else { return nil }
        let ext = file[file.index(after: dot)...].lowercased()
        if ext == pdfExtension { return .pdf }
        guard plainExtensions.contains(ext) else { return nil }
        if ext == "md" && !file.contains("/") { return nil }
        return .plain
    }
}

extension RawLibrary.Bundle {
    /// The text of one of the bundle's plain-text files (`视频文稿.txt`, `字幕.vtt`), as the
    /// loader read it; nil when the bundle has no such file or it could not be read.
    public func text(of file: String) -> String? {
        let path = self.path + "/" + file
        return texts.first { $0.relativePath == path && $0.format == .plain && $0.unread == nil }?.pages.first
    }
}

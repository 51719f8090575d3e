import CCmarkGFM
import Foundation
import PolicyCore

/// A Markdown body parsed once with cmark-gfm (tables, strikethrough, autolink, tagfilter).
///
/// The same parse serves the check (links, images, headings with their file lines), the
/// page (HTML) and the search index (plain text). Raw HTML in content is never passed
/// through: cmark's safe mode replaces it with a comment and drops `javascript:` URLs.
public final class MarkdownDocument {
    /// A link or image in the body, with its file position.
    public struct Reference: Sendable {
        public var url: String
        public var isImage: Bool
        /// For images: the alt text (the image's text content).
        public var text: String
        public var line: Int
        public var column: Int
    }

    public struct Heading: Sendable {
        public var level: Int
        public var text: String
        public var line: Int
    }

    private let root: OpaquePointer
    private let extensions: UnsafeMutablePointer<cmark_llist>?
    private let parser: OpaquePointer
    /// File line of the body's first line, so positions are the file's, not the body's.
    private let lineOffset: Int
    /// The source, to turn cmark's byte columns into character columns.
    private let markdown: String

    public init(_ markdown: String, firstLine: Int = 1) {
        MarkdownDocument.registerExtensions
        lineOffset = firstLine - 1
        self.markdown = markdown
        let parser: OpaquePointer = cmark_parser_new(MarkdownDocument.options)
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        self.parser = parser
        root = cmark_parser_finish(parser)
        extensions = cmark_parser_get_syntax_extensions(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    // MARK: - Reading

    /// Links and images, headings, and the plain text, in one walk of the tree: three walks,
    /// one for each, would read every body three times. The text stays UTF-8 bytes as cmark gave them (see
    /// `BodyFacts.plainTextUTF8`).
    func read() -> (references: [Reference], headings: [Heading], plainTextUTF8: [UInt8], textBlocks: [Range<Int>]) {
        var references: [Reference] = []
        var headings: [Heading] = []
        var lineStarts: [String.Index]?
        var text: [UInt8] = []
        var textBlocks: [Range<Int>] = []
        var block: OpaquePointer?  // the top-level block being read: one line of plain text each
        var blockStart = 0  // where its text starts
        // A top-level paragraph's or heading's text, the same bytes `text(of:)` gives the page.
        let closeBlock = {
            guard let block else { return }
            let type = cmark_node_get_type(block)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { textBlocks.append(blockStart..<text.count) }
        }
        walk { node in
            if cmark_node_parent(node) == root {
                closeBlock()
                if block != nil { text.append(10) }
                block = node
                blockStart = text.count
            }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            case CMARK_NODE_LINEBREAK:
                text.append(10)
            case CMARK_NODE_PARAGRAPH where node != block && text.count > blockStart:
                text.append(10)  // a second paragraph in a list item or quote
            case CMARK_NODE_HEADING:
                headings.append(
                    Heading(
                        level: Int(cmark_node_get_heading_level(node)), text: MarkdownDocument.text(of: node),
                        line: Int(cmark_node_get_start_line(node)) + lineOffset))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // Clamped like the column (see `characterColumn`): cmark's positions of autolinks are not always 1-based.
                let line = max(1, Int(cmark_node_get_start_line(node)))
                references.append(
                    Reference(
                        url: String(cString: cmark_node_get_url(node)), isImage: type == CMARK_NODE_IMAGE,
                        text: MarkdownDocument.text(of: node),
                        line: line + lineOffset,
                        column: characterColumn(
                            line: line, byteColumn: Int(cmark_node_get_start_column(node)),
                            lineStarts: &lineStarts)))
            default:
                break
            }
        }
        closeBlock()
        return (references, headings, text, textBlocks)
    }

    /// cmark counts columns in bytes; positions are reported in characters (Unicode scalars),
    /// as libyaml reports front-matter positions — `附图：![…]` starts at column 4, not 10.
    /// cmark's positions are not always 1-based (an autolink at the start of a line has column
    /// 0): they are clamped here, where every one of them becomes a column.
    private func characterColumn(line: Int, byteColumn: Int, lineStarts: inout [String.Index]?) -> Int {
        let byteColumn = max(1, byteColumn)
        let utf8 = markdown.utf8
        if lineStarts == nil {
            var starts = [utf8.startIndex]
            var i = utf8.startIndex
            while let newline = utf8[i...].firstIndex(of: 10) {
                i = utf8.index(after: newline)
                starts.append(i)
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line >= 1, line <= starts.count,
            let end = utf8.index(starts[line - 1], offsetBy: byteColumn - 1, limitedBy: utf8.endIndex)
        else { return byteColumn }
        return markdown.unicodeScalars[starts[line - 1]..<end].count + 1
    }

    /// The smallest level of any heading in the body (`#` is 1), nil without headings.
    private var highestHeadingLevel: Int? {
        var highest: Int?
        walk { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            let level = Int(cmark_node_get_heading_level(node))
            highest = min(highest ?? level, level)
        }
        return highest
    }

    // MARK: - Writing

    /// Renders HTML, first passing every link and image URL through `rewrite` (to make
    /// site links relative to the page, bundle files point at their copies…).
    /// - Parameter topHeadingLevel: the level the body's highest heading becomes, so that a
    ///   body's `#` sits under the page's own headings; nil keeps the levels as written.
    ///   - linkText: cuts a text's characters (outside links and images) into runs, each with
    ///     the URL it links to or nil; the runs must join back into the text.
    ///   - markBlocks: how each top-level block is marked, from its text and whether it is a
    ///     heading (`BlockMark`); the markup it returns is inserted as it is.
    public func html(
        topHeadingLevel: Int? = nil,
        rewritingURLs rewrite: (String, Bool) -> String = { url, _ in url },
        linkText: ((String) -> [(text: String, url: String?)])? = nil,
        markBlocks: ((String, Bool) -> BlockMark?)? = nil
    ) -> String {
        let shift = topHeadingLevel.flatMap { top in highestHeadingLevel.map { top - $0 } } ?? 0
        neutraliseUnsafeURLs()
        walk { node in
            let type = cmark_node_get_type(node)
            if shift != 0 && type == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node)) + shift
                cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let url = String(cString: cmark_node_get_url(node))
            let rewritten = rewrite(url, type == CMARK_NODE_IMAGE)
            if rewritten != url { cmark_node_set_url(node, rewritten) }
        }
        if let linkText { link(linkText) }
        if let markBlocks { mark(markBlocks) }
        guard let html = cmark_render_html(root, MarkdownDocument.options & ~CMARK_OPT_SOURCEPOS, extensions)
        else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Replaces text nodes (outside links and images) by the runs `cut` makes of them, the
    /// runs with a URL as links. cmark escapes the text and the URL like any other link.
    private func link(_ cut: (String) -> [(text: String, url: String?)]) {
        var texts: [OpaquePointer] = []
        walk { node in
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return }
            var parent = cmark_node_parent(node)
            while let p = parent {
                let type = cmark_node_get_type(p)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return }
                parent = cmark_node_parent(p)
            }
            texts.append(node)
        }
        for node in texts {
            let runs = cut(String(cString: cmark_node_get_literal(node)))
            guard runs.contains(where: { $0.url != nil }) else { continue }
            for run in runs where !run.text.isEmpty {
                let text = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(text, run.text)
                if let url = run.url {
                    let link = cmark_node_new(CMARK_NODE_LINK)
                    cmark_node_set_url(link, url)
                    cmark_node_append_child(link, text)
                    cmark_node_insert_before(node, link)
                } else {
                    cmark_node_insert_before(node, text)
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Wraps groups of top-level blocks as `mark` says (see `BlockMark`).
    private func mark(_ marker: (String, Bool) -> BlockMark?) {
        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            blocks.append(node)
            child = cmark_node_next(node)
        }
        var group: OpaquePointer?
        for block in blocks {
            let type = cmark_node_get_type(block)
            let isText = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
            switch isText ? marker(MarkdownDocument.text(of: block), type == CMARK_NODE_HEADING) : nil {
            case .group(let open, let close, let leading):
                let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
                cmark_node_set_on_enter(wrapper, open)
                cmark_node_set_on_exit(wrapper, close)
                cmark_node_insert_before(block, wrapper)
                if let leading {
                    let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                    cmark_node_set_on_enter(inline, leading)
                    cmark_node_prepend_child(block, inline)
                }
                group = wrapper
            case .end:
                group = nil
            case nil:
                break
            }
            if let group {
                cmark_node_unlink(block)
                cmark_node_append_child(group, block)
            }
        }
    }

    /// cmark's safe mode empties `javascript:`, `vbscript:`, `file:` and most `data:` URLs,
    /// which leaves `<img src="">` (invalid HTML, and a request for the page itself) and
    /// links to nowhere. Such a link is replaced by its text and such an image by its alt
    /// text; `data:` images are dropped too, since the site's Content-Security-Policy
    /// allows images from the site only.
    private func neutraliseUnsafeURLs() {
        var unsafe: [OpaquePointer] = []
        walk { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                MarkdownDocument.isUnsafe(String(cString: cmark_node_get_url(node)))
            else { return }
            unsafe.append(node)
        }
        for node in unsafe.reversed() {  // innermost first, so no freed node is visited
            if cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                let text = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(text, MarkdownDocument.text(of: node))
                cmark_node_insert_before(node, text)
            } else {
                while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// A URL scheme that runs code or embeds a document, however it is spelt (browsers
    /// ignore ASCII whitespace and controls in a scheme and compare it without case).
    static func isUnsafe(_ url: String) -> Bool {
        let scheme = String(url.unicodeScalars.filter { $0.value > 0x20 }.prefix(12).map(Character.init)).lowercased()
        return ["javascript:", "vbscript:", "file:", "data:"].contains { scheme.hasPrefix($0) }
    }

    // MARK: - Walking

    private func walk(_ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The concatenated text of a node's descendants (soft breaks become nothing, as Chinese
    /// lines wrapped in the source are one sentence).
    static func text(of node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        appendText(of: node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a node's text as UTF-8. Bytes rather than Strings: the whole library's text
    /// passes through here, and a String per literal cost more than the parse.
    private static func appendText(of node: OpaquePointer, to bytes: inout [UInt8]) {
        let start = bytes.count
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(n) {
                bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            } else if type == CMARK_NODE_LINEBREAK || (type == CMARK_NODE_PARAGRAPH && bytes.count > start && n != node) {
                bytes.append(10)
            }
        }
    }
}

/// How `MarkdownDocument.html` marks a top-level block.
public enum BlockMark: Sendable {
    /// Starts a group: this block and those after it, up to the next group or `end`, are
    /// written between `open` and `close`; `leading` (if any) becomes the block's first
    /// inline markup.
    case group(open: String, close: String, leading: String?)
    /// Ends the open group before this block.
    case end
}

/// What the rules and the search index need from a body, taken from one parse.
public struct BodyFacts: Sendable {
    public let references: [MarkdownDocument.Reference]
    public let headings: [MarkdownDocument.Heading]
    /// The body's text without markup, one block a line, as UTF-8. Kept as bytes: the check
    /// reads it only as bytes (PI005), and making a `String` of it validated every byte of
    /// every body again. cmark writes valid UTF-8 for valid input.
    public let plainTextUTF8: [UInt8]
    /// Where each top-level paragraph and heading lies in `plainTextUTF8`: the blocks the page
    /// marks as chapters and articles (`MarkdownDocument.html(markBlocks:)`), so that the
    /// outline reads exactly those (a hard line break inside an article stays inside it).
    public let textBlocks: [Range<Int>]

    /// The plain text as a string, made when asked (the search index, once per record).
    public var plainText: String { String(decoding: plainTextUTF8, as: UTF8.self) }

    /// The text of each top-level paragraph and heading, in order.
    public var textBlockStrings: [String] {
        textBlocks.map { String(decoding: plainTextUTF8[$0], as: UTF8.self) }
    }

    public init(_ markdown: String, firstLine: Int) {
        (references, headings, plainTextUTF8, textBlocks) = MarkdownDocument(markdown, firstLine: firstLine).read()
    }
}

import XCTest
@testable import PolicyLoad

/// `MarkdownDocument.html`'s two hooks for long texts: grouping top-level blocks (an article
/// and its paragraphs) and turning runs of text into links (an interpretation's 第X条).
final class MarkdownMarkingTests: XCTestCase {
    func testBlocksAreGroupedUntilTheNextGroupOrAnEnd() {
        let markdown = "前言。\n\n第一条 甲。\n\n第二款。\n\n## 附件\n\n附件正文。\n"
        let html = MarkdownDocument(markdown).html(markBlocks: { text, isHeading in
            if text.hasPrefix("第一条") { return .group(open: "<div id=\"a1\">", close: "</div>", leading: "<a href=\"#a1\">#</a>") }
            return isHeading ? .end : nil
        })
        XCTAssertEqual(
            html,
            """
            <p>前言。</p>
            <div id="a1">
            <p><a href="#a1">#</a>第一条 甲。</p>
            <p>第二款。</p>
            </div>
            <h2>附件</h2>
            <p>附件正文。</p>

            """)
    }

    /// Runs become links with escaped text and URL; text already inside a link or an image's
    /// alt text is left alone.
    func testTextRunsBecomeEscapedLinksOutsideExistingLinks() {
        let markdown = "见第一条<和>[第一条](x)与![第一条](y.png)\n"
        let html = MarkdownDocument(markdown).html(linkText: { text in
            guard let range = text.range(of: "第一条") else { return [(text, nil)] }
            return [
                (String(text[..<range.lowerBound]), nil), (String(text[range]), "../?a=\"1\"#art-1"),
                (String(text[range.upperBound...]), nil),
            ]
        })
        XCTAssertTrue(html.contains("见<a href=\"../?a=%221%22#art-1\">第一条</a>&lt;和&gt;"), html)
        XCTAssertTrue(html.contains("<a href=\"x\">第一条</a>"), html)
        XCTAssertTrue(html.contains("alt=\"第一条\""), html)
        XCTAssertEqual(html.components(separatedBy: "#art-1").count, 2, html)
    }
}

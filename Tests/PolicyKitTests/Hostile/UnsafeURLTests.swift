import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// Body links and images whose URL runs code or embeds a document are shown as their text:
/// no `href=""`/`src=""` leftovers of cmark's safe mode, no scheme a browser would run.
final class UnsafeURLTests: XCTestCase {
    private func html(_ markdown: String) -> String { MarkdownDocument(markdown).html() }

    func testDangerousLinksBecomeTheirText() {
        for url in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "javascript&#58;alert(1)", "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "<javascript:alert(1)>",
        ] {
            let out = html("前[点我](\(url))后")
            XCTAssertEqual(out, "<p>前点我后</p>\n", url)
        }
        XCTAssertEqual(html("<javascript:alert(1)>"), "<p>javascript:alert(1)</p>\n")
    }

    func testDangerousImagesBecomeTheirAltText() {
        for url in ["javascript:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=", "data:image/png;base64,iVBORw0KGgo="] {
            let out = html("图：![示意图 <b>](\(url))。")
            XCTAssertEqual(out, "<p>图：示意图 。</p>\n", url)  // raw HTML in alt text is dropped
        }
    }

    func testNestedLinkInImageAndFormattingSurvive() {
        XCTAssertEqual(html("[**粗**和*斜*](javascript:x)"), "<p><strong>粗</strong>和<em>斜</em></p>\n")
        XCTAssertEqual(html("[![图](javascript:a)](javascript:b)"), "<p>图</p>\n")
    }

    func testSafeLinksAreKept() {
        XCTAssertEqual(html("[网站](https://www.example.gov.cn/)"), "<p><a href=\"https://www.example.gov.cn/\">网站</a></p>\n")
        XCTAssertEqual(html("![图](图解.png)"), "<p><img src=\"%E5%9B%BE%E8%A7%A3.png\" alt=\"图\" /></p>\n")
        XCTAssertEqual(html("[邮件](mailto:a@example.gov.cn)"), "<p><a href=\"mailto:a@example.gov.cn\">邮件</a></p>\n")
    }

    func testRawHTMLIsNeverPassedThrough() {
        let out = html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n行内<b onclick=x>粗</b>")
        XCTAssertFalse(out.contains("<script"), out)
        XCTAssertFalse(out.contains("<img"), out)
        XCTAssertFalse(out.contains("<b "), out)
    }
}

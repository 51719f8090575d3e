import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel

/// The chapters and articles of a body with their page ids (`BodyOutline`), and the
/// references an interpretation makes to them (`ArticleReferences`).
final class BodyOutlineTests: XCTestCase {
    private let body = """
        # 示例省食品小作坊监督管理办法

        ## 第一章 总则

        **第一条** 为了加强管理，制定本办法。

        **第二条** 本办法适用于本省。

        本办法所称食品小作坊，是指……

        ## 第二章 登记管理

        ### 第一节 申请

        **第三条** 申请登记，应当具备下列条件：

        （一）有固定场所；

        **第三条之一** 电子登记证与纸质证同等效力。

        ### 第二节 变更

        第四条　登记事项变化的，应当申请变更。

        第五条规定的情形除外。

        ## 附件

        第一条 附件中另有编号的条文。

        """

    private var outline: BodyOutline { BodyOutline(BodyFacts(body, firstLine: 1)) }

    func testChaptersSectionsAndArticlesGetStableIDs() {
        XCTAssertEqual(outline.headings.map(\.anchor), ["ch-1", "ch-2", "ch-2-sec-1", "ch-2-sec-2"])
        XCTAssertEqual(outline.headings.map(\.level), [1, 1, 2, 2])
        XCTAssertEqual(outline.headings[2].title, "第一节 申请")
        XCTAssertEqual(outline.articles.map(\.label), ["第一条", "第二条", "第三条", "第三条之一", "第四条", "第一条"])
        // 之一 keeps its own id; a second 第一条 (in an appended text) gets a suffix, so ids stay unique.
        XCTAssertEqual(outline.articles.map(\.anchor), ["art-1", "art-2", "art-3", "art-3-1", "art-4", "art-1-x2"])
        XCTAssertEqual(outline.anchor(ofArticle: "第三条之一"), "art-3-1")
        XCTAssertNil(outline.anchor(ofArticle: "第九条"))
    }

    /// The outline other pages link by (an interpretation's 第X条, 新旧对照) is the page's own:
    /// a hard line break inside an article, or a list item, starts no article of its own.
    func testTheOutlineFromTheParseEqualsThePagesMarks() {
        let markdown = """
            第一条 为了加强管理，制定本办法。\\
            第二条 写在同一段里，硬换行之后，仍属第一条。

            - 第三条 列表中的文字不是条文。

            第二条 本办法适用于本省。

            > 第四条 引文中的文字也不是。
            """
        var reader = BodyOutline.Reader()
        var marks: [BodyOutline.Mark] = []
        _ = MarkdownDocument(markdown).html(
            topHeadingLevel: 2, rewritingURLs: { url, _ in url },
            markBlocks: { text, _ in
                if let mark = reader.read(text) { marks.append(mark) }
                return nil
            })
        let page = BodyOutline(marks: marks)
        XCTAssertEqual(page.articles.map(\.anchor), ["art-1", "art-2"])
        XCTAssertEqual(BodyOutline(BodyFacts(markdown, firstLine: 1)), page)
    }

    /// `第五条规定的情形` is a sentence, not an article; neither is a paragraph in the middle.
    func testCrossReferenceInASentenceIsNoArticle() {
        XCTAssertFalse(outline.articles.contains { $0.anchor == "art-5" })
    }

    func testTableOfContentsNeedsTwoChapters() {
        XCTAssertTrue(outline.hasTableOfContents)
        let oneChapter = BodyOutline(BodyFacts("## 第一章 总则\n\n第一条 内容。\n", firstLine: 1))
        XCTAssertFalse(oneChapter.hasTableOfContents)
        XCTAssertFalse(BodyOutline(BodyFacts("第一条 内容。\n\n第二条 内容。\n", firstLine: 1)).hasTableOfContents)
    }

    func testArticleAnchorFromLabel() {
        XCTAssertEqual(BodyOutline.articleAnchor(label: "第十二条"), "art-12")
        XCTAssertEqual(BodyOutline.articleAnchor(label: "第一百零二条"), "art-102")
        XCTAssertEqual(BodyOutline.articleAnchor(label: "第十条之二"), "art-10-2")
        XCTAssertEqual(BodyOutline.articleAnchor(label: "第12条"), "art-12")
        XCTAssertNil(BodyOutline.articleAnchor(label: "序言"))
    }

    // MARK: - References in an interpretation

    private func linked(_ text: String, title: String = "示例省食品小作坊监督管理办法") -> [String: String] {
        var found: [String: String] = [:]
        for segment in ArticleReferences.segments(in: text, outline: outline, documentTitle: title) {
            if let anchor = segment.anchor { found[segment.text] = anchor }
        }
        return found
    }

    func testReferencesToTheDocumentsArticlesAreFound() {
        XCTAssertEqual(linked("第二条明确了适用范围，第三条第二款规定了条件。"), ["第二条": "art-2", "第三条第二款": "art-3"])
        XCTAssertEqual(linked("依照本办法第四条，以及第三条之一第（一）项。"), ["第四条": "art-4", "第三条之一第（一）项": "art-3-1"])
        XCTAssertEqual(linked("（办法第一条）"), ["第一条": "art-1"])
        XCTAssertEqual(linked("《示例省食品小作坊监督管理办法》第二条"), ["第二条": "art-2"])
        XCTAssertEqual(linked("《办法》第二条"), ["第二条": "art-2"])
    }

    /// Another law's articles, and articles the document does not have, stay plain text.
    func testReferencesToOtherLawsOrMissingArticlesStayText() {
        XCTAssertEqual(linked("《中华人民共和国食品安全法》第三十六条"), [:])
        XCTAssertEqual(linked("依据食品安全法第三十六条"), [:])
        XCTAssertEqual(linked("优化营商环境条例第二条"), [:])
        XCTAssertEqual(linked("见第九十九条"), [:])
        XCTAssertEqual(linked("第二章"), [:])
    }

    /// The segments put the text back together unchanged.
    func testSegmentsJoinBackIntoTheText() {
        let text = "第二条明确了范围；《食品安全法》第三条不变；第四条（变更）。"
        let segments = ArticleReferences.segments(in: text, outline: outline, documentTitle: "示例省食品小作坊监督管理办法")
        XCTAssertEqual(segments.map(\.text).joined(), text)
        XCTAssertEqual(segments.compactMap(\.anchor), ["art-2", "art-4"])
    }
}

import XCTest

/// The test-side front-matter builder: the base fixture's line numbers (which many tests
/// name) come out of it, and `with` changes, adds in field order, and removes.
final class FrontMatterBuilderTests: XCTestCase {
    func testBaseDocumentKeepsItsDocumentedLines() {
        let lines = ContentFixture.document.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "---")
        XCTAssertEqual(lines[2], "number: 示市监规〔2024〕3号")
        XCTAssertEqual(lines[4], "signed: 2024-03-01")
        XCTAssertEqual(lines[7], "expires: 2029-03-31")
        XCTAssertEqual(lines[8], "---")
        XCTAssertTrue(lines[10].hasPrefix("第一条"))
        XCTAssertEqual(ContentFixture.interpretation.components(separatedBy: "\n")[2], "form: text")
    }

    func testWithReplacesInPlaceAddsInFieldOrderAndRemoves() {
        let yaml = FrontMatter.normative.with([
            "title": "另一办法", "issuer": "示例省人民政府", "expires": nil, "supersedes": "2020-old",
        ]).yaml
        XCTAssertEqual(
            yaml,
            """
            title: 另一办法
            number: 示市监规〔2024〕3号
            issuer: 示例省人民政府
            office: 食品安全协调处
            signed: 2024-03-01
            published: 2024-03-08
            effective: 2024-04-01
            supersedes: 2020-old
            """)
    }

    func testDocumentFencesTheFieldsAndKeepsTheBody() {
        XCTAssertEqual(FrontMatter(["title": "题"]).document(body: "正文"), "---\ntitle: 题\n---\n\n正文")
    }
}

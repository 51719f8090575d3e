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

/// PF015 index-number-format.
final class IndexNumberIsWellFormedTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func fixture(pattern: String?, index: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        if let pattern { fixture["site.yml"] = ContentFixture.site + "index_no:\n  pattern: '\(pattern)'\n" }
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nindex_no: 1️⃣\(index)")
        return fixture
    }

    func testIndexNumberNotMatchingPattern() throws {
        try fixture(pattern: #"\d{9}/\d{4}-\d{5}"#, index: "11330000-2024-00031").check()
            .assertFindings(["1️⃣": .error("PF015", "11330000-2024-00031")])
    }

    func testMatchingIndexNumberPassesAndIsShown() throws {
        let result = try fixture(pattern: #"\d{9}/\d{4}-\d{5}"#, index: "113300000/2024-00031").check()
        result.assertNoFindings()
        XCTAssertEqual(result.library.document(ContentFixture.docID)?.indexNumber, "113300000/2024-00031")
    }

    /// The whole value must match, not a part of it.
    func testPatternMatchesWholeValue() throws {
        try fixture(pattern: #"\d{4}"#, index: "x2024x").check().assertFinds("PF015", .error, file: "content/\(doc)", line: 9)
    }

    func testDuplicateIndexNumber() throws {
        var fixture = fixture(pattern: nil, index: "A-1")
        fixture.addDocument(
            "normative/2024-other",
            FrontMatter.normative.with([
                "title": "示例省另一办法",
                "number": "示市监规〔2024〕4号",
                "index_no": "A-1",
                "office": nil,
                "effective": nil,
            ]), interpretation: "2024-03-08")
        try fixture.check().assertFinds("PF015", .error, file: "content/normative/2024-other/index.md", line: 7, message: "重复")
    }

    func testInvalidPatternIsReportedInSiteSettings() throws {
        try fixture(pattern: "[", index: "A-1").check().assertFinds("PF015", .error, file: "content/site.yml", line: 16)
    }
}

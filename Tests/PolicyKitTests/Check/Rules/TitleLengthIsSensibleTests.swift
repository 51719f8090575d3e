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

/// PF013 title-length: titles of documents, interpretations and cleanup batches are at most
/// 200 characters (Unicode scalars).
final class TitleLengthIsSensibleTests: XCTestCase {
    func testTitleOverTheLimitIsAnErrorAtTheTitle() throws {
        var fixture = MarkedFixture()
        fixture.replace(
            in: ContentFixture.doc, "title: 示例省食品标签管理办法",
            with: "title: 1️⃣" + String(repeating: "标", count: 201))
        fixture.replace(
            in: ContentFixture.interp, "title: 《示例省食品标签管理办法》政策解读",
            with: "title: 2️⃣" + String(repeating: "解", count: 300))
        fixture["cleanup/2024.md"] =
            "---\ntitle: 3️⃣\(String(repeating: "清", count: 250))\npublished: 2024-12-20\nresults: [{ document: 2024-food-labels, result: 继续有效 }]\n---\n"
        try fixture.check().assertFindings([
            "1️⃣": .error("PF013", "201 个字"),
            "2️⃣": .error("PF013", "300 个字"),
            "3️⃣": .error("PF013", "250 个字"),
        ])
    }

    /// Exactly 200 characters pass; combining marks count, so one grapheme cannot hide a long title.
    func testTitleAtTheLimitPassesAndMarksCount() throws {
        var fixture = MarkedFixture()
        fixture.replace(
            in: ContentFixture.doc, "title: 示例省食品标签管理办法",
            with: "title: " + String(repeating: "标", count: 200))
        try fixture.check().assertClean("PF013")
        fixture.replace(
            in: ContentFixture.doc, "title: " + String(repeating: "标", count: 200),
            with: "title: a" + String(repeating: "\u{301}", count: 300))
        try fixture.check().assertFinds("PF013", .error, file: ContentFixture.doc, line: 2, message: "301 个字")
    }
}

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

/// PR002 supersedes-cycle (`SupersedesHasNoCycle`).
final class SupersedesHasNoCycleTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The base fixture plus an earlier normative document `2024-old-labels`.
    private func twoDocuments() -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.addDocument(
            "normative/2024-old-labels",
            FrontMatter.normative.with([
                "title": "示例省预包装食品标签规定",
                "number": "示市监规〔2024〕1号",
                "signed": "2024-01-02",
                "published": "2024-01-05",
                "expires": "2029-01-04",
                "effective": nil,
            ]), interpretation: "2024-01-05")
        return fixture
    }

    func testTwoDocumentCycle() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 1️⃣2024-old-labels")
        fixture.replace(
            in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
            with: "expires: 2029-01-04\nsupersedes: 2024-food-labels")
        let result = try fixture.check()
        // Reported once, at the newest document of the cycle.
        result.assertFindings(["1️⃣": .error("PR002", "循环")])
        XCTAssertEqual(result.findings("PR002").count, 1)
    }

    func testThreeDocumentCycle() throws {
        var fixture = twoDocuments()
        fixture.addDocument(
            "normative/2024-mid-labels",
            FrontMatter.normative.with([
                "title": "示例省预包装食品标签规定（修订）",
                "number": "示市监规〔2024〕2号",
                "signed": "2024-02-01",
                "published": "2024-02-02",
                "expires": "2029-02-01",
                "supersedes": "2024-old-labels",
                "effective": nil,
            ]), interpretation: "2024-02-02")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-mid-labels")
        try fixture.check().assertNoFindings()  // a chain of three is fine…
        fixture.replace(
            in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
            with: "expires: 2029-01-04\nsupersedes: 2024-food-labels")
        let result = try fixture.check()  // …until the oldest points back at the newest
        result.assertFinds(
            "PR002", .error, file: "content/\(doc)", line: 9,
            message: "2024-food-labels → 2024-mid-labels → 2024-old-labels → 2024-food-labels")
        XCTAssertEqual(result.findings("PR002").count, 1)
    }
}

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

/// PS003 link-to-withheld.
final class NoLinkToWithheldTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The base document plus `2024-internal`, not public.
    private func withWithheld(_ disclosure: String = "不予公开") -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.addDocument(
            "normative/2024-internal",
            FrontMatter.normative.with([
                "title": "示例省内部办法",
                "number": "示市监规〔2024〕1号",
                "signed": "2024-01-02",
                "published": "2024-01-05",
                "expires": "2029-01-04",
                "disclosure": "\(disclosure)",
                "office": nil,
                "effective": nil,
            ]), interpretation: "2024-01-05")
        return fixture
    }

    func testBodyLinkToWithheld() throws {
        var fixture = withWithheld()
        fixture.replace(in: doc, "制定本办法。", with: "制定本办法。参见[内部办法](/d/2024-internal/)。")
        try fixture.check().assertFinds("PS003", .error, file: "content/\(doc)", line: 11, message: "/d/2024-internal/")
    }

    func testSupersedesWithheld() throws {
        var fixture = withWithheld("依申请公开")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: [2024-internal]")
        try fixture.check().assertFinds("PS003", .error, file: "content/\(doc)", line: 9, message: "supersedes")
    }

    func testRepealedByWithheld() throws {
        var fixture = withWithheld()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-06-01, by: 2024-internal }")
        try fixture.check().assertFinds("PS003", .error, file: "content/\(doc)", line: 9, message: "repealed.by")
    }

    func testCleanupResultOnWithheld() throws {
        var fixture = withWithheld()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度清理结果
            published: 2024-11-29
            results:
              - { document: 1️⃣2024-internal, result: 继续有效 }
            ---

            正文。

            """
        try fixture.check().assertFindings(["1️⃣": .error("PS003")])
    }

    /// A page already out linking to a document scheduled later: a warning until that day.
    func testLinkToScheduledDocumentWarns() throws {
        var fixture = withWithheld("主动公开")
        fixture.replace(in: "normative/2024-internal/index.md", "published: 2024-01-05", with: "published: 2024-12-02")
        fixture.replace(in: doc, "制定本办法。", with: "制定本办法。参见[新办法](/d/2024-internal/)。")
        try fixture.check(asOf: "2024-12-01").assertFinds(
            "PS003", .warning, file: "content/\(doc)", line: 11,
            message: "定于 2024-12-02 发布")
        try fixture.check(asOf: "2024-12-02").assertClean("PS003")
    }

    /// A withheld document may point at public ones (its page is never built).
    func testWithheldLinkingToPublicPasses() throws {
        var fixture = withWithheld()
        fixture["normative/2024-internal/index.md"] = fixture["normative/2024-internal/index.md"]!
            .replacingOccurrences(of: "制定本文件。", with: "制定本文件。参见[标签办法](/d/2024-food-labels/)。")
        try fixture.check().assertClean("PS003")
    }
}

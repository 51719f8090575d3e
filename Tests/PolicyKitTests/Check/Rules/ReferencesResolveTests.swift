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

/// PR001 unresolved-reference (`ReferencesResolve`).
final class ReferencesResolveTests: XCTestCase {
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

    private func cleanup(_ results: String, published: String = "2024-11-29", effective: String? = nil) -> String {
        """
        ---
        title: 2024年度行政规范性文件清理结果
        published: \(published)\(effective.map { "\neffective: \($0)" } ?? "")
        results:
        \(results)
        ---

        清理说明。
        """
    }

    func testSupersedesUnknownID() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 1️⃣2024-old-label")
        try fixture.check().assertFindings(["1️⃣": .error("PR001", "是否应为“2024-old-labels”")])
    }

    /// A list of ids works; each is checked.
    func testSupersedesListResolves() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: [2024-old-labels]")
        try fixture.check().assertNoFindings()
    }

    /// The 文号 or the title is not the reference: the id (folder name) is.
    func testSupersedesByNumberIsUnresolved() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 示市监规〔2024〕1号")
        try fixture.check().assertFinds("PR001", .error, file: "content/\(doc)", line: 9, message: "示市监规〔2024〕1号")
    }

    /// An unqualified `implements` names a document of the same library.
    func testImplementsUnknownID() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nimplements: 1️⃣2024-old-label")
        try fixture.check().assertFindings(["1️⃣": .error("PR001", "implements")])
    }

    /// Resolved, and a qualified `<source>/<id>` is left to the system library (PL006).
    func testImplementsResolvesAndQualifiedIsLeftToTheSystem() throws {
        var fixture = twoDocuments()
        fixture.replace(
            in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nimplements: [2024-old-labels, province/2024-x]")
        let result = try fixture.check()
        result.assertNoFindings()
        let links = result.library.implementation["2024-old-labels"]?.implementedBy.map(\.path)
        XCTAssertEqual(links, ["d/2024-food-labels/"])
    }

    func testSupersedesItself() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-food-labels")
        try fixture.check().assertFinds("PR001", .error, file: "content/\(doc)", line: 9, message: "自身")
    }

    func testRepealedByUnknownID() throws {
        var fixture = twoDocuments()
        fixture.replace(
            in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
            with: "expires: 2029-01-04\nrepealed: { date: 2024-04-01, by: 1️⃣2024-food-label }")
        try fixture.check().assertFindings(["1️⃣": .error("PR001", "repealed.by")])
    }

    func testRepealedByResolves() throws {
        var fixture = twoDocuments()
        fixture.replace(
            in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
            with: "expires: 2029-01-04\nrepealed: { date: 2024-04-01, by: 2024-food-labels }")
        try fixture.check().assertNoFindings()
    }

    func testCleanupNamesUnknownDocument() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = cleanup("  - { document: 1️⃣2024-food-label, result: 继续有效 }")
        try fixture.check().assertFindings(["1️⃣": .error("PR001", "2024-food-label")])
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 继续有效 }")
        try fixture.check().assertNoFindings()
    }

    /// A bundle too broken to model (bad front matter) is still a bundle: a reference to it is
    /// not reported a second time as unresolved.
    func testReferenceToBrokenBundleIsNotUnresolved() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-old-labels")
        fixture.replace(in: "normative/2024-old-labels/index.md", "signed: 2024-01-02", with: "signed: 2024/1/2")
        let result = try fixture.check()
        result.assertFinds("PF005", .error, file: "content/normative/2024-old-labels/index.md", line: 5)
        result.assertClean("PR001")
    }
}

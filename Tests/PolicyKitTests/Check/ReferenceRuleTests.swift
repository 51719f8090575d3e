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

/// PR001 unresolved-reference, PR002 supersedes-cycle, PR003 repeal-conflicts-cleanup.
final class ReferenceRuleTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The base fixture plus an earlier normative document `2024-old-labels`.
    private func twoDocuments() -> ContentFixture {
        var fixture = ContentFixture()
        fixture.addDocument("normative/2024-old-labels", """
            title: 示例省预包装食品标签规定
            number: 示市监规〔2024〕1号
            office: 食品安全协调处
            signed: 2024-01-02
            published: 2024-01-05
            expires: 2029-01-04
            """, interpretation: "2024-01-05")
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

    // MARK: - PR001 unresolved-reference

    func testSupersedesUnknownID() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-old-label")
        try fixture.check().assertFinds("PR001", .error, file: "content/\(doc)", line: 9, column: 13,
                                        message: "是否应为“2024-old-labels”")
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

    func testSupersedesItself() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-food-labels")
        try fixture.check().assertFinds("PR001", .error, file: "content/\(doc)", line: 9, message: "自身")
    }

    func testRepealedByUnknownID() throws {
        var fixture = twoDocuments()
        fixture.replace(in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
                        with: "expires: 2029-01-04\nrepealed: { date: 2024-04-01, by: 2024-food-label }")
        try fixture.check().assertFinds("PR001", .error, file: "content/normative/2024-old-labels/index.md", line: 8,
                                        column: 35, message: "repealed.by")
    }

    func testRepealedByResolves() throws {
        var fixture = twoDocuments()
        fixture.replace(in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
                        with: "expires: 2029-01-04\nrepealed: { date: 2024-04-01, by: 2024-food-labels }")
        try fixture.check().assertNoFindings()
    }

    func testCleanupNamesUnknownDocument() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-label, result: 继续有效 }")
        try fixture.check().assertFinds("PR001", .error, file: "content/cleanup/2024.md", line: 5, column: 17,
                                        message: "2024-food-label")
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

    // MARK: - PR002 supersedes-cycle

    func testTwoDocumentCycle() throws {
        var fixture = twoDocuments()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-old-labels")
        fixture.replace(in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
                        with: "expires: 2029-01-04\nsupersedes: 2024-food-labels")
        let result = try fixture.check()
        // Reported once, at the newest document of the cycle.
        result.assertFinds("PR002", .error, file: "content/\(doc)", line: 9, column: 13, message: "循环")
        XCTAssertEqual(result.findings("PR002").count, 1)
    }

    func testThreeDocumentCycle() throws {
        var fixture = twoDocuments()
        fixture.addDocument("normative/2024-mid-labels", """
            title: 示例省预包装食品标签规定（修订）
            number: 示市监规〔2024〕2号
            office: 食品安全协调处
            signed: 2024-02-01
            published: 2024-02-02
            expires: 2029-02-01
            supersedes: 2024-old-labels
            """, interpretation: "2024-02-02")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 2024-mid-labels")
        try fixture.check().assertNoFindings()  // a chain of three is fine…
        fixture.replace(in: "normative/2024-old-labels/index.md", "expires: 2029-01-04",
                        with: "expires: 2029-01-04\nsupersedes: 2024-food-labels")
        let result = try fixture.check()  // …until the oldest points back at the newest
        result.assertFinds("PR002", .error, file: "content/\(doc)", line: 9,
                           message: "2024-food-labels → 2024-mid-labels → 2024-old-labels → 2024-food-labels")
        XCTAssertEqual(result.findings("PR002").count, 1)
    }

    // MARK: - PR003 repeal-conflicts-cleanup

    /// The document says it was repealed on 12-01; the cleanup that repeals it takes effect 11-29.
    func testRepealDateDisagreesWithCleanup() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-12-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 废止 }")
        try fixture.check().assertFinds("PR003", .error, file: "content/\(doc)", line: 9, column: 19, message: "2024-11-29")
    }

    /// Same day, no conflict; the batch's `effective` (not `published`) is what counts.
    func testRepealDateAgreesWithCleanupEffectiveDate() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-12-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 废止 }", effective: "2024-12-01")
        try fixture.check().assertNoFindings()
    }

    /// 宣布失效 ends validity too, so a different repeal date conflicts with it.
    func testRepealDateDisagreesWithDeclaredInvalid() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-06-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 宣布失效 }")
        try fixture.check().assertFinds("PR003", .error, file: "content/\(doc)", line: 9, message: "宣布失效")
    }

    /// A cleanup after the repeal that finds the document 继续有效 contradicts it.
    func testCleanupKeepsRepealedDocument() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-06-01 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 继续有效 }")
        try fixture.check().assertFinds("PR003", .error, file: "content/cleanup/2024.md", line: 5, column: 17,
                                        message: "已于 2024-06-01 废止")
    }

    /// A cleanup *before* a later repeal may well have found it still valid.
    func testCleanupBeforeRepealMayKeepIt() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-12-31 }")
        fixture["cleanup/2024.md"] = cleanup("  - { document: 2024-food-labels, result: 继续有效 }")
        try fixture.check().assertNoFindings()
    }
}

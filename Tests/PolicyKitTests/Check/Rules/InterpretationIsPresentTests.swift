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

/// PI001 interpretation-required (`InterpretationIsPresent`).
final class InterpretationIsPresentTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    /// The error names the bundle and says how to add one.
    func testDocumentWithoutInterpretation() throws {
        var fixture = MarkedFixture()
        fixture.remove(interp)
        fixture[doc] = "1️⃣" + fixture[doc]!
        let finding = try fixture.check().assertFindings(["1️⃣": .error("PI001", "normative/2024-food-labels")]).first
        XCTAssertEqual(finding?.fix.contains("content/normative/2024-food-labels/"), true, finding?.fix ?? "")
        XCTAssertEqual(finding?.fix.contains("解读.md"), true)
        XCTAssertEqual(finding?.fix.contains("exempt"), true)
    }

    /// Any *.md other than index.md counts, whatever its name or form.
    func testAnyInterpretationFileCounts() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture["\(bundle)/问答.md"] = """
            ---
            title: 问答
            form: qa
            published: 2024-03-08
            ---

            ## 哪些食品适用本办法？

            在本省生产、销售的预包装食品。
            """
        try fixture.check().assertNoFindings()
    }

    func testExemptDocumentNeedsNone() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nexempt: 仅涉及内部工作程序，不直接涉及公众权利义务")
        let result = try fixture.check()
        result.assertNoErrors()
        result.assertClean("PI001")
    }

    /// `exempt:` with no reason is not an exemption.
    func testEmptyExemptIsNoExemption() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nexempt:")
        try fixture.check().assertFinds("PI001", .error, file: "content/\(doc)", line: 1)
    }

    /// Published before interpretation.required_since (2019-01-01): none needed. The day
    /// itself is already required.
    func testRequiredSinceBoundary() throws {
        func legacy(published: String) -> ContentFixture {
            var fixture = ContentFixture()
            fixture.remove(interp)
            fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 示市监规〔2018〕9号")
            fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2018-12-28")
            fixture.replace(in: doc, "published: 2024-03-08", with: "published: \(published)")
            fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2019-02-01")
            fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-01-31")
            return fixture
        }
        try legacy(published: "2018-12-31").check().assertClean("PI001")
        try legacy(published: "2019-01-01").check().assertFinds("PI001", .error, file: "content/\(doc)", line: 1)
    }

    /// Kinds not in required_for need none.
    func testKindNotRequired() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: "site.yml", "required_for: [regulation, normative, policy]", with: "required_for: [regulation]")
        try fixture.check().assertClean("PI001")
    }
}

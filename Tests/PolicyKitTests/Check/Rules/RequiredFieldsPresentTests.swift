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

/// PF004 required-field (`RequiredFieldsPresent`).
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class RequiredFieldsPresentTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Missing fields are reported at the front matter's first line, naming the field.
    func testMissingRequiredField() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "office: 食品安全协调处\n", with: "")
        fixture.replace(in: doc, "title: ", with: "1️⃣title: ")
        try fixture.check().assertFindings(["1️⃣": .error("PF004", "office")])
    }

    /// A field present with an empty value counts as missing.
    func testEmptyRequiredField() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "office: 食品安全协调处", with: "office:")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "office")
    }

    /// Normative documents need a 文号…
    func testNormativeNeedsNumber() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号\n", with: "")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "number")
    }

    /// …other policy documents do not.
    func testPolicyNeedsNoNumber() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号\n", with: "")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertClean("PF004")
    }

    /// A `kind` in the front matter overrides the folder: a regulation-kind document in
    /// policies/ still needs its order number.
    func testKindFieldOverridesFolder() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "kind: 规章")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertFinds(
            "PF004", .error, file: "content/policies/2024-food-labels/index.md", line: 2,
            message: "number")
    }

    func testInterpretationMissingForm() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text\n", with: "")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(interp)", line: 2, message: "form")
    }

    /// graphic, video and animation interpretations need `media`; other forms do not.
    func testGraphicNeedsMedia() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: graphic")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(interp)", line: 2, message: "media")
    }

    func testCleanupResultNeedsDocumentAndResult() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels }
            ---

            清理说明。
            """
        try fixture.check().assertFinds("PF004", .error, file: "content/cleanup/2024.md", line: 5, message: "result")
    }
}

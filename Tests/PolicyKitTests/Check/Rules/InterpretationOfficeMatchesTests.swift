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

/// PI006 interpretation-office (`InterpretationOfficeMatches`): 谁起草谁解读 — an interpretation
/// naming another office than its document's drafting office is a warning at that `office`.
///
/// A small file to copy when adding a rule (docs/contributing.md): one failing case whose
/// marker 1️⃣ shows where the finding points, one passing case on the base fixture.
final class InterpretationOfficeMatchesTests: XCTestCase {
    private let interp = ContentFixture.interp

    func testInterpretationFromAnotherOffice() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 1️⃣法规处")
        try fixture.check().assertFindings(["1️⃣": .warning("PI006", "法规处")])
    }

    func testInterpretationFromDraftingOffice() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 食品安全协调处")
        try fixture.check().assertNoFindings()
    }
}

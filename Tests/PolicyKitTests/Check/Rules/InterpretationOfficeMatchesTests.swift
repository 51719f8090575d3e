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

/// PI006 interpretation-office (`InterpretationOfficeMatches`).
final class InterpretationOfficeMatchesTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    func testInterpretationFromAnotherOffice() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 1️⃣法规处")
        try fixture.check().assertFindings(["1️⃣": .warning("PI006", "法规处")])
    }

    func testInterpretationFromDraftingOffice() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 食品安全协调处")
        try fixture.check().assertNoFindings()
    }
}

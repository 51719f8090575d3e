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

/// PN002 number-year (`NumberYearMatchesSigning`).
/// The base document's number `示市监规〔2024〕3号` is on line 3; its value starts at column 9.
final class NumberYearMatchesSigningTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The base fixture with another number; 1️⃣ marks where the number's value starts.
    private func numbered(_ number: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 1️⃣\(number)")
        return fixture
    }

    func testYearDiffersFromSigningYear() throws {
        try numbered("示市监规〔2023〕3号").check()
            .assertFindings(["1️⃣": .error("PN002", "2023")])
    }

    /// Signed on the last day of 2023 and numbered 2023, published in 2024: consistent.
    func testYearFollowsSigningNotPublication() throws {
        var fixture = numbered("示市监规〔2023〕3号")
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2023-12-29")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-01-05")
        fixture.replace(in: ContentFixture.interp, "published: 2024-03-08", with: "published: 2024-01-05")
        let result = try fixture.check()
        result.assertClean("PN002")
        result.assertNoErrors()
    }
}

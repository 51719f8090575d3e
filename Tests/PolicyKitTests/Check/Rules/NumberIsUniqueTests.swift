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

/// PN003 number-duplicate (`NumberIsUnique`).
/// The base document's number `示市监规〔2024〕3号` is on line 3; its value starts at column 9.
final class NumberIsUniqueTests: XCTestCase {

    /// A second document numbered `number`; 1️⃣ marks where its number's value starts.
    private func withSecondDocument(number: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.addDocument(
            "normative/2024-other-labels",
            FrontMatter.normative.with([
                "title": "示例省散装食品标识管理办法",
                "number": "1️⃣\(number)",
                "signed": "2024-05-06",
                "published": "2024-05-08",
                "expires": "2029-05-07",
                "effective": nil,
            ]), interpretation: "2024-05-08")
        return fixture
    }

    /// Reported on the second document (by id), naming the first.
    func testDuplicateNumber() throws {
        try withSecondDocument(number: "示市监规〔2024〕3号").check()
            .assertFindings(["1️⃣": .error("PN003", "《示例省食品标签管理办法》")])
    }

    /// Differing only in bracket style is still the same number.
    func testDuplicateNumberWithOtherBrackets() throws {
        let result = try withSecondDocument(number: "示市监规[2024]3号").check()
        result.assertFindings(["1️⃣": .error("PN003"), "1️⃣": .error("PN001")])
    }

    func testDistinctNumbers() throws {
        try withSecondDocument(number: "示市监规〔2024〕4号").check().assertNoFindings()
    }
}

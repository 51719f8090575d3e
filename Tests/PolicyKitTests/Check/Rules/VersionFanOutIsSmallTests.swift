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

/// PF014 version-fan-out: at most 10 documents on either side of a document's `supersedes`.
final class VersionFanOutIsSmallTests: XCTestCase {
    /// `count` earlier policies `2020-old-<i>`, and the fixture's document superseding them all.
    private func fixture(superseding count: Int) -> MarkedFixture {
        var fixture = MarkedFixture()
        for i in 0..<count {
            fixture.addDocument(
                "policies/2020-old-\(i)", "title: 旧办法\(i)\noffice: 法规处\nsigned: 2018-03-01\npublished: 2018-03-08",
                interpretation: nil)
        }
        let list = (0..<count).map { "2020-old-\($0)" }.joined(separator: ", ")
        fixture.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nsupersedes: 1️⃣[\(list)]")
        return fixture
    }

    func testSupersedingMoreThanTenIsAnErrorAtTheField() throws {
        let result = try fixture(superseding: 11).check()
        result.assertFindings(["1️⃣": .error("PF014", "11 件文件")])
    }

    func testTenArePermitted() throws {
        try fixture(superseding: 10).check().assertClean("PF014")
    }

    func testSupersededByMoreThanTenIsAnErrorAtTheOlderDocument() throws {
        var fixture = MarkedFixture()
        fixture.addDocument(
            "policies/2020-old", "title: 旧办法\noffice: 法规处\nsigned: 2018-03-01\npublished: 2018-03-08",
            interpretation: nil)
        for i in 0..<11 {
            fixture.addDocument(
                "policies/2020-new-\(i)", "title: 新办法\(i)\noffice: 法规处\nsigned: 2018-04-01\npublished: 2018-04-08\nsupersedes: 2020-old",
                interpretation: nil)
        }
        let result = try fixture.check()
        result.assertFinds("PF014", .error, file: "policies/2020-old/index.md", line: 2, message: "被 11 件文件修订")
        XCTAssertEqual(result.findings("PF014").count, 1)
    }
}

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

/// The fixture every rule test starts from must itself be clean, or a test could pass on a
/// finding its own change did not cause.
final class FixtureTests: XCTestCase {
    func testMinimalLibraryIsClean() throws {
        let result = try ContentFixture().check()
        result.assertNoFindings()
        XCTAssertEqual(result.library.documents.map(\.id), [ContentFixture.docID])
        XCTAssertEqual(result.library.interpretations.count, 1)
    }

    func testHelperDocumentsAreClean() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-other", FrontMatter.policy, interpretation: "2024-05-08")
        try fixture.check().assertNoFindings()
    }
}

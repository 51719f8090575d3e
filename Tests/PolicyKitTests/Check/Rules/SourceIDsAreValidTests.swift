import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL002 source-id (`SourceIDsAreValid`).
final class SourceIDsAreValidTests: XCTestCase {
    func testDistinctWellFormedIDs() throws {
        try SystemFixture().check().assertClean("PL002")
    }

    /// The second entry with an id is reported, naming the first one's line.
    func testDuplicateID() throws {
        var fixture = SystemFixture()
        fixture.replace("  - id: city-a\n", with: "  - id: province\n")
        try fixture.check().assertFinds("PL002", .error, line: 10, message: "第 5 行")
    }

    func testMalformedAndReservedIDs() throws {
        var fixture = SystemFixture()
        fixture.replace("  - id: city-a\n", with: "  - id: City_A\n")
        try fixture.check().assertFinds("PL002", .error, line: 10, message: "City_A")
        fixture = SystemFixture()
        fixture.replace("  - id: city-a\n", with: "  - id: search\n")
        try fixture.check().assertFinds("PL002", .error, line: 10, message: "/search/")
    }
}

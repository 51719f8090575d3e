import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL004 source-facts (`SourceFactsAreValid`).
final class SourceFactsAreValidTests: XCTestCase {
    func testIssuerLevelRegionAndParent() throws {
        let result = try SystemFixture().check()
        result.assertClean("PL004")
        XCTAssertEqual(result.checked.sources.map(\.origin.level), [.province, .city])
    }

    func testBadLevel() throws {
        var fixture = SystemFixture()
        fixture.replace("    level: 市\n", with: "    level: 地级市\n")
        try fixture.check().assertFinds("PL004", .error, line: 12, message: "地级市")
    }

    func testMissingIssuerAndUnknownParent() throws {
        var fixture = SystemFixture()
        fixture.replace("    issuer: 甲市市场监督管理局\n", with: "")
        fixture.replace("    parent: province\n", with: "    parent: provice\n")
        let result = try fixture.check()
        result.assertFinds("PL004", .error, line: 10, message: "issuer")
        result.assertFinds("PL004", .error, line: 13, message: "是否应为“province”")
    }
}

import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL001 library-file (`LibraryFileIsValid`).
final class LibraryFileIsValidTests: XCTestCase {
    func testValidLibraryFile() throws {
        let result = try SystemFixture().check()
        result.assertNoErrors()
        result.assertClean("PL001")
        XCTAssertEqual(result.checked.manifest.site.title, "某省市场监管系统行政规范性文件库")
        XCTAssertEqual(result.checked.sources.map(\.origin.source), ["province", "city-a"])
    }

    /// An unknown field is a warning that suggests the known one, at the field's line.
    func testUnknownFieldSuggestsTheKnownOne() throws {
        var fixture = SystemFixture()
        fixture.replace("    region: 甲市\n", with: "    regoin: 甲市\n")
        let result = try fixture.check()
        let finding = result.assertFinds("PL001", .warning, line: 13, message: "regoin")
        XCTAssertTrue(finding?.fix.contains("改为“region”") ?? false)
    }

    func testNoSources() throws {
        var fixture = SystemFixture()
        fixture.manifest = "title: 系统\nbase_url: https://example.gov.cn/\n"
        try fixture.check().assertFinds("PL001", .error, line: 1, message: "sources")
    }

    func testYAMLSyntaxError() throws {
        var fixture = SystemFixture()
        fixture.replace("timezone: Asia/Shanghai", with: "timezone: [Asia/Shanghai")
        try fixture.check().assertFinds("PL001", .error, line: 4, message: "YAML")
    }
}

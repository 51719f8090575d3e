import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL003 source-location (`SourceLocationIsValid`).
final class SourceLocationIsValidTests: XCTestCase {
    func testLocalFolders() throws {
        try SystemFixture().check().assertClean("PL003")
    }

    func testMissingPath() throws {
        var fixture = SystemFixture()
        fixture.replace("    path: city-a\n", with: "")
        try fixture.check().assertFinds("PL003", .error, line: 10, message: "path 或 git")
    }

    /// A folder that does not exist is reported at its path, by source.
    func testPathNotFound() throws {
        var fixture = SystemFixture()
        fixture.replace("    path: city-a\n", with: "    path: ../nowhere\n")
        try fixture.check().assertFinds("PL003", .error, line: 15, message: "来源“city-a”无法读取")
    }

    func testRefWithoutGit() throws {
        var fixture = SystemFixture()
        fixture.replace("    path: city-a\n", with: "    path: city-a\n    ref: main\n")
        try fixture.check().assertFinds("PL003", .error, line: 16, message: "ref")
    }
}

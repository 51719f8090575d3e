import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL005 source-gate (`SourceGatePassed`). Git sources and library.lock are covered end to
/// end by e2e/cli/test_system_library.py.
final class SourceGatePassedTests: XCTestCase {
    func testEverySourcePasses() throws {
        try SystemFixture().check().assertClean("PL005")
    }

    /// A local folder has no locked commit to fall back on: the system stops, naming it, and
    /// the source's own findings are reported under its name.
    func testFailingLocalSourceStopsTheSystem() throws {
        var fixture = SystemFixture()
        fixture.sources["city-a"]![ContentFixture.doc] = fixture.sources["city-a"]![ContentFixture.doc]!
            .replacingOccurrences(of: "signed: 2024-", with: "signed: 2024-13-")
        let result = try fixture.check()
        result.assertFinds("PL005", .error, line: 10, message: "来源“city-a”的内容未通过检查（1 个错误），本地目录没有可退回")
        XCTAssertTrue(result.diagnostics.contains { $0.location.file.hasPrefix("city-a:city-a/") && $0.severity == .error })
        XCTAssertEqual(result.checked.sources.map(\.origin.source), ["province"])
    }
}

import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// PL006 cross-source-reference (`ImplementsResolve`).
final class ImplementsResolveTests: XCTestCase {
    private func implementing(_ target: String) -> SystemFixture {
        var fixture = SystemFixture()
        fixture.sources["city-a"]![ContentFixture.doc] = fixture.sources["city-a"]![ContentFixture.doc]!
            .replacingOccurrences(of: "expires: 2029-03-31", with: "expires: 2029-03-31\nimplements: \(target)")
        return fixture
    }

    /// The same id in both bureaus is no collision: each is qualified by its source, and the
    /// link is known from both sides.
    func testResolvesAcrossSources() throws {
        let result = try implementing("province/2024-food-labels").check()
        result.assertNoErrors()
        result.assertClean("PL006")
        let merged = result.checked.system.merged
        XCTAssertNotNil(merged.document("province/2024-food-labels"))
        XCTAssertNotNil(merged.document("city-a/2024-food-labels"))
        XCTAssertEqual(merged.implementation["province/2024-food-labels"]?.implementedBy.map(\.path), ["city-a/d/2024-food-labels/"])
        let sections = result.checked.system.published(asOf: CalendarDate("2024-12-31")!).sections
        let province = sections.first { $0.origin.source == "province" }!.library
        XCTAssertEqual(province.implementation["2024-food-labels"]?.implementedBy.map(\.path), ["../city-a/d/2024-food-labels/"])
    }

    func testUnknownSourceAndUnknownDocument() throws {
        var result = try implementing("provnce/2024-food-labels").check()
        result.assertFinds("PL006", .error, line: 9, message: "没有这个来源", file: "city-a:city-a/\(ContentFixture.doc)")
        result = try implementing("province/2024-food-label").check()
        result.assertFinds("PL006", .error, line: 9, message: "是否应为“province/2024-food-labels”", file: "city-a:city-a/\(ContentFixture.doc)")
    }
}

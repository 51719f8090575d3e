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

    /// A city's hotline answer resting on the province's document: no PQ004 in the city's own
    /// gate, resolved by the system and listed on the provincial document's side; a typo is PL006.
    func testQuestionEntriesMayConcernAnotherBureausDocument() throws {
        var fixture = SystemFixture()
        fixture.sources["city-a"]![QuestionFixture.batchPath] = QuestionFixture.entry(documents: "[province/2024-food-labels]")
        let result = try fixture.check()
        result.assertNoErrors()
        result.assertClean("PL006")
        let merged = result.checked.system.merged
        let entry = merged.standaloneQuestions.first { $0.id == "city-a/hotline-2024-0601" }
        XCTAssertEqual(entry?.documents, ["province/2024-food-labels"])
        XCTAssertEqual(
            merged.questionEntries.filter { $0.standalone != nil }.flatMap { $0.documents.map(\.id) }, ["province/2024-food-labels"])

        fixture.sources["city-a"]![QuestionFixture.batchPath] = QuestionFixture.entry(documents: "[province/2024-food-label]")
        try fixture.check().assertFinds(
            "PL006", .error, line: 7, message: "是否应为“province/2024-food-labels”", file: "city-a:city-a/\(QuestionFixture.batchPath)")
    }

    func testUnknownSourceAndUnknownDocument() throws {
        var result = try implementing("provnce/2024-food-labels").check()
        result.assertFinds("PL006", .error, line: 9, message: "没有这个来源", file: "city-a:city-a/\(ContentFixture.doc)")
        result = try implementing("province/2024-food-label").check()
        result.assertFinds("PL006", .error, line: 9, message: "是否应为“province/2024-food-labels”", file: "city-a:city-a/\(ContentFixture.doc)")
    }
}

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

/// PD001 date-order (`DatesAreInOrder`).
/// The base document: signed 2024-03-01 (line 5), published 2024-03-08 (line 6),
/// effective 2024-04-01 (line 7), expires 2029-03-31 (line 8).
final class DatesAreInOrderTests: XCTestCase {
    private let doc = ContentFixture.doc

    func testSignedAfterPublished() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-03-09")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 1️⃣2024-03-08")
        try fixture.check().assertFindings(["1️⃣": .error("PD001", "早于成文日期")])
    }

    /// Boundary: signed and published the same day is fine.
    func testSignedOnPublicationDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-03-08")
        try fixture.check().assertNoFindings()
    }

    func testEffectiveBeforeSigned() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 1️⃣2024-02-29")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-02-27")
        try fixture.check().assertFindings(["1️⃣": .error("PD001", "施行日期")])
    }

    /// Boundary: in force from the day it was signed.
    func testEffectiveOnSigningDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-03-01")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-02-28")
        try fixture.check().assertNoFindings()
    }

    func testExpiresNotAfterEffective() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 1️⃣2024-04-01")
        try fixture.check().assertFindings(["1️⃣": .error("PD001", "有效期至")])
        fixture.replace(in: doc, "expires: 1️⃣2024-04-01", with: "expires: 2024-04-02")
        try fixture.check().assertClean("PD001")
    }

    func testRepealedBeforePublished() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 1️⃣2024-03-07 }")
        try fixture.check().assertFindings(["1️⃣": .error("PD001", "废止日期")])
    }

    func testCleanupEffectiveBeforePublished() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            effective: 1️⃣2024-11-28
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---
            """
        try fixture.check().assertFindings(["1️⃣": .error("PD001")])
        fixture.replace(in: "cleanup/2024.md", "effective: 1️⃣2024-11-28", with: "effective: 2024-12-01")
        try fixture.check().assertNoFindings()
    }
}

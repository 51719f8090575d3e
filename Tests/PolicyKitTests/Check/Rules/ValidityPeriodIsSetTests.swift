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

/// PD002 validity-period (`ValidityPeriodIsSet`).
/// The base document: signed 2024-03-01 (line 5), published 2024-03-08 (line 6),
/// effective 2024-04-01 (line 7), expires 2029-03-31 (line 8).
final class ValidityPeriodIsSetTests: XCTestCase {
    private let doc = ContentFixture.doc

    /// The fix proposes the longest allowed date.
    func testNormativeWithoutExpires() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.replace(in: doc, "title: ", with: "1️⃣title: ")
        let finding = try fixture.check().assertFindings(["1️⃣": .warning("PD002")]).first
        XCTAssertEqual(finding?.fix.contains("expires: 2029-03-31"), true, finding?.fix ?? "")
    }

    /// Five years from 2024-04-01 end on 2029-03-31 (base fixture, clean); a day more warns.
    func testValidityOverFiveYears() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 1️⃣2029-04-01")
        try fixture.check().assertFindings(["1️⃣": .warning("PD002", "2029-03-31")])
    }

    /// 暂行/试行 titles get two years.
    func testProvisionalValidity() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理暂行办法")
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2026-04-01")
        try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 8, message: "暂行")
        fixture.replace(in: doc, "expires: 2026-04-01", with: "expires: 2026-03-31")
        try fixture.check().assertNoFindings()
    }

    /// The limits come from site.yml.
    func testValidityLimitFromSiteConfig() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "max_years: 5", with: "max_years: 3")
        try fixture.check().assertFinds("PD002", .warning, file: "content/\(doc)", line: 8, message: "2027-03-31")
    }

    /// Other policy documents carry no validity period.
    func testPolicyNeedsNoExpires() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertNoFindings()
    }
}

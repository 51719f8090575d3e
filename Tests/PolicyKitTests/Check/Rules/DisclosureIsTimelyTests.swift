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

/// PD003 disclosure-late (`DisclosureIsTimely`).
/// The base document: signed 2024-03-01 (line 5), published 2024-03-08 (line 6),
/// effective 2024-04-01 (line 7), expires 2029-03-31 (line 8).
final class DisclosureIsTimelyTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Moves the document's and its interpretation's publication date together.
    private func publish(_ fixture: inout ContentFixture, on date: String) {
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: \(date)")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(date)")
    }

    /// Signed 2024-02-01: counting the Spring Festival holidays (02-10..17) out and the
    /// make-up Sundays (02-04, 02-18) in, the 20th working day is 2024-03-05. Without the
    /// calendar it would be 2024-02-29, so this also proves the calendar is used.
    func testDisclosureOnTwentiethWorkingDay() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        publish(&fixture, on: "2024-03-05")
        try fixture.check().assertNoFindings()
    }

    func testDisclosureOnTwentyFirstWorkingDay() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 1️⃣2024-03-06")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2024-03-06")
        try fixture.check().assertFindings(["1️⃣": .warning("PD003", "21 个工作日")])
    }
}

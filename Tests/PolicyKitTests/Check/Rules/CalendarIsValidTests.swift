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

/// PF009 calendar-valid (`CalendarIsValid`).
final class CalendarIsValidTests: XCTestCase {
    func testMissingCalendar() throws {
        var fixture = MarkedFixture()
        fixture.remove("calendar.yml")
        try fixture.check().assertFinds("PF009", .error, file: "content/calendar.yml", line: 1)
    }

    /// An entry that is not a real day is reported at its own line.
    func testUnreadableCalendarEntry() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "calendar.yml", "  - 2024-06-10              # 端午节", with: "  - 1️⃣2024-06-31              # 端午节")
        try fixture.check().assertFindings(["1️⃣": .error("PF009", "2024-06-31")])
    }

    /// A range runs forward; a reversed one is a typo.
    /// A nested list or a mapping among the days was skipped in silence.
    func testEntriesThatAreNotDatesAtAllAreReported() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "calendar.yml", "  - 2024-06-10              # 端午节", with: "  - 1️⃣[2024-06-10, 2024-06-11]")
        try fixture.check().assertFindings(["1️⃣": .error("PF009", "列表")])
        fixture = MarkedFixture()
        fixture.replace(in: "calendar.yml", "  - 2024-06-10              # 端午节", with: "  - 端午节: 2024-06-10")
        try fixture.check().assertFinds("PF009", .error, file: "content/calendar.yml", line: 6, message: "映射")
        fixture = MarkedFixture()
        fixture["calendar.yml"] = "holidays:\n  元旦: 2024-01-01\nworkdays: []\n"
        try fixture.check().assertFinds("PF009", .error, file: "content/calendar.yml", line: 2, message: "holidays")
    }

    func testReversedRange() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "calendar.yml", "2024-10-01..2024-10-07", with: "2024-10-07..2024-10-01")
        try fixture.check().assertFinds("PF009", .error, file: "content/calendar.yml", line: 8, message: "2024-10-07..2024-10-01")
    }

    /// Entries in the inline list of workdays are located too.
    func testUnreadableWorkdayInFlowList() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "calendar.yml", "2024-02-18,", with: "1️⃣2024-2-18,")
        try fixture.check().assertFindings(["1️⃣": .error("PF009", "2024-2-18")])
    }

    /// The base fixture's calendar — ranges with comments, a flow list of workdays — is valid.
    func testWellFormedCalendarIsClean() throws {
        try ContentFixture().check().assertClean("PF009")
    }
}

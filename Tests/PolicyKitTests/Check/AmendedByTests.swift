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

/// `amended_by` entries are checked like every other date and field: PF005 date-format,
/// PD001 date-order, PF004 required-field, PF003 unknown-field; `headnote` words PF008.
/// The entry is added after `expires` (line 8), so `amended_by` is line 9, its entry line 10.
final class AmendedByTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func amended(_ entry: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31\n", with: "expires: 2029-03-31\namended_by:\n  - \(entry)\n")
        return fixture
    }

    func testValidEntryPasses() throws {
        try amended("{ date: 2024-06-01, title: 示例省市场监督管理局关于修改部分规范性文件的决定 }").check().assertNoFindings()
        try amended("{ date: 2024-06-01, number: 示市监规〔2024〕9号 }").check().assertNoFindings()
    }

    func testMalformedDate() throws {
        try amended("{ date: 1️⃣2024-13-01, title: 决定 }").check()
            .assertFindings(["1️⃣": .error("PF005", "amended_by.date")])
    }

    func testDateNotAfterSigning() throws {
        try amended("{ date: 1️⃣2024-02-01, title: 决定 }").check()
            .assertFindings(["1️⃣": .error("PD001", "修正日期 2024-02-01 不晚于本文件的成文日期 2024-03-01")])
    }

    func testEntryNeedsDateAndTitleOrNumber() throws {
        try amended("{ note: 修改第三条 }").check()
            .assertFinds("PF004", .error, file: "content/\(doc)", line: 10, message: "date（修正日期）、title 或 number")
    }

    func testUnknownFieldInEntry() throws {
        try amended("{ date: 2024-06-01, titel: 决定 }").check()
            .assertFinds("PF003", .warning, file: "content/\(doc)", line: 10, message: "amended_by.title")
    }

    func testUnknownHeadnoteWord() throws {
        var fixture = MarkedFixture()
        fixture["site.yml"] = ContentFixture.site + "headnote:\n  amended: 1️⃣修改\n"
        try fixture.check().assertFindings(["1️⃣": .error("PF008", "headnote.amended")])
    }
}

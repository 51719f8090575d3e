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

/// PF005 date-format (`DatesAreValid`).
/// The base document: signed 2024-03-01 (line 5), published 2024-03-08 (line 6),
/// effective 2024-04-01 (line 7), expires 2029-03-31 (line 8). Markers (1️⃣) show where a
/// finding must point; `MarkedFixture` computes its line and column.
final class DatesAreValidTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    func testSlashedDate() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/1/5")
        try fixture.check().assertFindings(["1️⃣": .error("PF005", "2024/1/5")])
    }

    /// Well-formed but impossible: 30 February.
    func testImpossibleDay() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024-02-30")
        try fixture.check().assertFindings(["1️⃣": .error("PF005", "2024-02-30")])
    }

    /// 29 February 2024 exists (leap year): the close variant passes.
    func testLeapDayIsValid() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-29")
        try fixture.check().assertNoFindings()
    }

    /// Unpadded, Chinese and timestamp forms are refused: a timestamp would be an instant.
    func testOtherDateForms() throws {
        for text in ["2024-3-8", "2024年3月8日", "2024-03-08T09:00:00+08:00", "2024-03-08 09:00", "20240308"] {
            var fixture = MarkedFixture()
            fixture.replace(in: interp, "published: 2024-03-08", with: "published: 1️⃣\(text)")
            try fixture.check().assertFindings(["1️⃣": .error("PF005", text)])
        }
    }

    /// A quoted date is the same date.
    func testQuotedDateIsValid() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: '2024-03-08'")
        try fixture.check().assertNoFindings()
    }

    func testNestedRepealDate() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 1️⃣2024/12/31 }")
        try fixture.check().assertFindings(["1️⃣": .error("PF005", "repealed.date")])
    }

    func testCleanupDates() throws {
        var fixture = MarkedFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            effective: 1️⃣2024.12.01
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---
            """
        try fixture.check().assertFindings(["1️⃣": .error("PF005")])
    }
}

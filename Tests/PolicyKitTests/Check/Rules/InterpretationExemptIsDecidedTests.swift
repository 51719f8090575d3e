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

/// PI007 interpretation-exempt, and how an exemption is shown and counted.
final class InterpretationExemptIsDecidedTests: XCTestCase {
    private let doc = ContentFixture.doc

    private func exempt(_ yaml: String) -> MarkedFixture {
        var fixture = MarkedFixture()
        fixture.remove(ContentFixture.interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\n\(yaml)")
        return fixture
    }

    /// A plain string still exempts (no PI001) but is a warning asking for the approver.
    func testPlainStringWarns() throws {
        let result = try exempt("exempt: 1️⃣内部管理事项无需解读").check()
        result.assertClean("PI001")
        let finding = result.assertFindings(["1️⃣": .warning("PI007", "只写了理由“内部管理事项无需解读”")]).first
        XCTAssertEqual(finding?.fix.contains("approved_by"), true)
    }

    /// A full decision is a notice: shown on every run, never failing the gate.
    func testDecisionIsANotice() throws {
        let result = try exempt("exempt: { reason: 内部管理事项, approved_by: 局长办公会, approved_on: 2024-03-01 }").check()
        result.assertClean("PI001")
        result.assertFinds("PI007", .notice, file: "content/\(doc)", line: 9, message: "经局长办公会于 2024-03-01 批准")
        XCTAssertEqual(result.diagnostics.errorCount + result.diagnostics.warningCount, 0)
        let exemption = try XCTUnwrap(result.library.document(ContentFixture.docID)?.exempt)
        XCTAssertEqual(exemption.chinese, "本文件经局长办公会于2024年3月1日批准不作政策解读。理由：内部管理事项")
    }

    func testMissingApprovalDateWarns() throws {
        let result = try exempt("1️⃣exempt:\n  reason: 内部管理事项\n  approved_by: 局长办公会").check()
        result.assertFindings(["1️⃣": .warning("PI007", "缺少批准日期（approved_on）")])
    }

    func testMalformedApprovalDateIsADateError() throws {
        let result = try exempt("exempt:\n  reason: 内部管理事项\n  approved_by: 局长办公会\n  approved_on: 2024/3/1").check()
        result.assertFinds("PF005", .error, file: "content/\(doc)", line: 12, message: "exempt.approved_on")
    }

    func testUnknownExemptFieldIsReported() throws {
        let result = try exempt("exempt: { reason: 内部管理事项, approver: 局长办公会, approved_on: 2024-03-01 }").check()
        result.assertFinds("PF003", .warning, file: "content/\(doc)", line: 9, message: "approver")
    }

    /// The report counts exemptions and says who approved them.
    func testReportCountsExemptions() throws {
        let result = try exempt("exempt: { reason: 内部管理事项, approved_by: 局长办公会, approved_on: 2024-03-01 }").check()
        let report = result.library.annualReport(year: 2024, asOf: CalendarDate("2024-12-31")!)
        XCTAssertEqual(report.interpretations.documentsExempt.map(\.id), [ContentFixture.docID])
        XCTAssertEqual(report.interpretations.documentsExemptUnapproved.count, 0)
        for format in AnnualReportFormat.allCases {
            let text = format.render(report, site: result.library.site)
            XCTAssertTrue(text.contains("局长办公会"), "\(format) names the approver")
        }
        XCTAssertTrue(AnnualReportFormat.csv.render(report, site: result.library.site).contains("其中未经批准的不作解读文件数,0"))
    }
}

import Foundation
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

/// Report figures against counts worked out by hand from the front matter in `content/`,
/// as of 2026-11-29. The sample's documents, with what matters here:
///
/// 规章
///   R1 2018-commodity-market-regulation  published 2018-06-05, effective 2018-08-01
///   R2 2019-food-workshops-regulation    published 2019-04-26; superseded by R4 from 2022-08-01
///   R3 2021-quality-award-regulation     published 2021-09-17, effective 2021-11-01
///   R4 2022-food-workshops-regulation    published 2022-06-28; superseded by R5 from 2025-05-01
///   R5 2025-food-workshops-regulation    published 2025-03-28, effective 2025-05-01
/// 行政规范性文件
///   N1 2020-price-tag-rules              repealed 2024-07-01 by N7 (expires 2025-04-14, too late to matter)
///   N2 2022-food-workshop-registration   in force, expires 2027-09-30
///   N3 2022-livestream-marketing-trial   expires 2024-08-31 → 已失效 from 2024-09-01
///   N4 2022-medical-ad-review            cleanup 2025 废止, effective 2025-12-01
///   N5 2022-relief-measures              cleanup 2023 宣布失效, effective 2023-11-28
///   N6 2023-credit-repair-procedures     in force, expires 2028-06-30
///   N7 2024-price-behavior-compliance    published 2024-06-03, effective 2024-07-01
///   N8 2025-quality-infrastructure-trial published 2025-03-31, expires 2027-03-31
///   N9 2026-platform-responsibility      published 2026-11-20, effective 2027-01-01
/// 其他政策文件: P1 2024-drafting-work-rules (2024-08-19, exempt), P2 2024-quality-improvement-plan
///   (2024-03-25, a press conference), P3 2025-online-consumption-notice (2025-06-13).
final class AnnualReportTests: XCTestCase {
    let library = SampleContent.library
    let asOf = SampleContent.asOf

    func testSampleContentChecksClean() {
        XCTAssertFalse(SampleContent.checked.hasErrors, SampleContent.checked.diagnostics.map(\.message).joined(separator: "\n"))
    }

    func test2024Figures() {
        let r = library.annualReport(year: 2024, asOf: asOf)
        XCTAssertTrue(r.isComplete)
        let regulations = r.rows[0], normative = r.rows[1]
        XCTAssertEqual(regulations.kind, .regulation)
        // 规章: none published in 2024; none repealed; in force on 2024-12-31: R1, R3, R4
        // (R2 superseded since 2022, R5 not yet published).
        XCTAssertEqual(ids(regulations.issued), [])
        XCTAssertEqual(ids(regulations.repealed), [])
        XCTAssertEqual(
            ids(regulations.inForce),
            [
                "2018-commodity-market-regulation", "2021-quality-award-regulation",
                "2022-food-workshops-regulation",
            ])
        // 规范性文件: issued N7; repealed N1 (2024-07-01) and N3 (lapsed 2024-09-01);
        // in force on 2024-12-31: N2, N4, N6, N7 (N5 declared invalid in 2023).
        XCTAssertEqual(ids(normative.issued), ["2024-price-behavior-compliance"])
        XCTAssertEqual(ids(normative.repealed), ["2020-price-tag-rules", "2022-livestream-marketing-trial"])
        XCTAssertEqual(
            ids(normative.inForce),
            [
                "2022-food-workshop-registration", "2022-medical-ad-review",
                "2023-credit-repair-procedures", "2024-price-behavior-compliance",
            ])

        // Published in 2024: N7, P1, P2. Interpreted: N7 (解读, 问答), P2 (新闻发布会); P1 exempt.
        // Interpretations in 2024: 3, all on their document's day.
        let i = r.interpretations
        XCTAssertEqual(i.documentsPublished.count, 3)
        XCTAssertEqual(i.documentsInterpreted.count, 2)
        XCTAssertEqual(ids(i.documentsExempt), ["2024-drafting-work-rules"])
        XCTAssertEqual(i.total, 3)
        XCTAssertEqual(i.sameDay, 3)
        XCTAssertEqual(i.sameDayShare, 1)
        XCTAssertEqual(forms(i), ["text": 1, "qa": 1, "press-conference": 1])
    }

    func test2025Figures() {
        let r = library.annualReport(year: 2025, asOf: asOf)
        // 规章: issued R5; R4 superseded (a revision, not a repeal); in force R1, R3, R5.
        XCTAssertEqual(AnnualReport.figures(r.rows[0]), [1, 0, 3])
        // 规范性文件: issued N8; repealed N4 (cleanup, 2025-12-01; N1's expiry in 2025 changes
        // nothing, it was repealed in 2024); in force N2, N6, N7, N8.
        XCTAssertEqual(AnnualReport.figures(r.rows[1]), [1, 1, 4])
        XCTAssertEqual(ids(r.rows[1].repealed), ["2022-medical-ad-review"])
        // Published in 2025: R5, N8, P3, all interpreted; interpretations: R5 视频 + 文字, N8 文字, P3 文字.
        let i = r.interpretations
        XCTAssertEqual([i.documentsPublished.count, i.documentsInterpreted.count, i.documentsExempt.count], [3, 3, 0])
        XCTAssertEqual([i.total, i.sameDay], [4, 4])
        XCTAssertEqual(forms(i), ["text": 3, "video": 1])
    }

    func testYearToDateStopsAtTheAsOfDate() {
        let r = library.annualReport(year: 2026, asOf: asOf)
        XCTAssertFalse(r.isComplete)
        XCTAssertEqual(r.cutoff, asOf)
        // N9 published 2026-11-20 counts as issued but takes effect only in 2027.
        XCTAssertEqual(AnnualReport.figures(r.rows[0]), [0, 0, 3])
        XCTAssertEqual(AnnualReport.figures(r.rows[1]), [1, 0, 4])
        // Published before 2026-11-20 would not be counted on an earlier as-of date.
        XCTAssertEqual(AnnualReport.figures(library.annualReport(year: 2026, asOf: CalendarDate("2026-11-19")!).rows[1]), [0, 0, 4])
    }

    func testStaffLists() {
        let r = library.annualReport(year: 2025, asOf: asOf)
        // Window 6 months → to 2027-05-29. N8 (2027-03-31) is due; N4 (2027-02-28) and
        // N5 (2027-05-19) would be, but they no longer apply.
        XCTAssertEqual(r.reviewWindowMonths, 6)
        XCTAssertEqual(r.dueForEvaluation.map(\.document.id), ["2025-quality-infrastructure-trial"])
        XCTAssertEqual(r.dueForEvaluation.first?.date, CalendarDate("2027-03-31"))
        // Since 2025-01-01 (the default): N4 repealed 2025-12-01, R4 superseded 2025-05-01.
        XCTAssertEqual(r.since, CalendarDate("2025-01-01"))
        XCTAssertEqual(r.lapsed.map(\.document.id), ["2022-medical-ad-review", "2022-food-workshops-regulation"])
        XCTAssertEqual(r.lapsed.map { $0.date!.description }, ["2025-12-01", "2025-05-01"])
        XCTAssertEqual(r.exempt.map(\.document.id), ["2024-drafting-work-rules"])
        // --since 2024-01-01 adds N3 (2024-09-01) and N1 (2024-07-01).
        let wider = library.annualReport(year: 2025, asOf: asOf, since: CalendarDate("2024-01-01"))
        XCTAssertEqual(
            wider.lapsed.map(\.document.id),
            [
                "2022-medical-ad-review", "2022-food-workshops-regulation",
                "2022-livestream-marketing-trial", "2020-price-tag-rules",
            ])
    }

    func testThreeFormats() throws {
        let r = library.annualReport(year: 2024, asOf: asOf)
        let csv = AnnualReportFormat.csv.render(r, site: library.site)
        XCTAssertTrue(csv.contains("信息内容,本年制发件数,本年废止件数,现行有效件数\r\n规章,0,0,3\r\n行政规范性文件,1,2,4\r\n"))
        XCTAssertTrue(csv.contains("同日发布比例,100.0%\r\n"))
        XCTAssertTrue(csv.contains("不作解读,2024-drafting-work-rules,"))

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(AnnualReportFormat.json.render(r, site: library.site).utf8))
                as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let rows = try XCTUnwrap(json["disclosure"] as? [[String: Any]])
        XCTAssertEqual(
            rows.map { [$0["issued"] as? Int, $0["repealed"] as? Int, $0["in_force"] as? Int] },
            [[0, 0, 3], [1, 2, 4]])
        XCTAssertEqual(rows[1]["repealed_ids"] as? [String], ["2020-price-tag-rules", "2022-livestream-marketing-trial"])

        let text = AnnualReportFormat.text.render(r, site: library.site)
        XCTAssertTrue(text.contains("2024年度（全年）"))
        XCTAssertTrue(text.contains("行政规范性文件             1             2             4"), text)
    }

    func testReportPageShowsBothYears() throws {
        let page = try SampleContent.text("report/index.html")
        XCTAssertTrue(page.contains("2025年度（全年）"))
        XCTAssertTrue(page.contains("2026年度（截至2026年11月29日）"))
        XCTAssertTrue(page.contains("<tr><th scope=\"row\">行政规范性文件</th><td>1</td><td>1</td><td>4</td></tr>"))
        XCTAssertNotNil(SampleContent.site["report/report-2025.csv"])
        XCTAssertNotNil(SampleContent.site["report/report-2026.json"])
    }

    private func ids(_ documents: [Document]) -> [String] { documents.map(\.id).sorted() }

    private func forms(_ i: AnnualReport.Interpretations) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: i.byForm.filter { $0.count > 0 }.map { ($0.form.rawValue, $0.count) })
    }
}

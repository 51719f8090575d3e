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

/// 同步发布 has one definition: for a document on every day of 2024 (a year with holidays
/// and make-up workdays), interpretations a few days before or after it, under limits of 0
/// and 2 working days, the gate (PI002), the interpretation pages and `policy report` agree
/// with each other and with a plain day-by-day count written here from the rule's words.
final class InterpretationTimingPropertyTests: XCTestCase {
    /// The 2024 calendar of `ContentFixture`, written out again as day sets.
    static let holidays: Set<String> = {
        let ranges = [
            ("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
            ("2024-05-01", "2024-05-05"), ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"),
            ("2024-10-01", "2024-10-07"),
        ]
        var days: Set<String> = []
        for (a, b) in ranges {
            var d = CalendarDate(a)!
            while d <= CalendarDate(b)! { days.insert(d.description); d = d.adding(days: 1) }
        }
        return days
    }()
    static let makeUpDays: Set<String> = [
        "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
        "2024-09-14", "2024-09-29", "2024-10-12",
    ]

    /// The independent model: a working day is a listed make-up day, or a weekday not listed
    /// as a holiday (weekday from the day count: 2024-01-01 was a Monday).
    static func isWorkingDay(_ day: CalendarDate) -> Bool {
        if makeUpDays.contains(day.description) { return true }
        if holidays.contains(day.description) { return false }
        let weekday = ((day.dayNumber - CalendarDate("2024-01-01")!.dayNumber) % 7 + 7) % 7  // 0 = Monday
        return weekday < 5
    }

    static func workingDays(after a: CalendarDate, through b: CalendarDate) -> Int {
        var n = 0, d = a.adding(days: 1)
        while d <= b { if isWorkingDay(d) { n += 1 }; d = d.adding(days: 1) }
        return n
    }

    /// On time: not before the document, and — with a limit of 0 — the same day, otherwise no
    /// later than the day on which the N-th working day after the document is reached.
    static func isOnTime(document: CalendarDate, interpretation: CalendarDate, limit: Int) -> Bool {
        if interpretation < document { return false }
        if limit == 0 { return interpretation == document }
        var deadline = document, counted = 0
        while counted < limit { deadline = deadline.adding(days: 1); if isWorkingDay(deadline) { counted += 1 } }
        return interpretation <= deadline
    }

    /// Interpretation day offsets; two per document, chosen by the document's day so that
    /// every offset meets every weekday and the holidays.
    static let offsets = [-1, 0, 1, 2, 3, 4, 5, 6, 8, 11]

    func testGatePagesAndReportAgreeOnEveryDayOf2024() throws {
        for limit in [0, 2] { try check(limit: limit) }
    }

    private func check(limit: Int) throws {
        var fixture = ContentFixture()
        fixture.remove(ContentFixture.doc)
        fixture.remove(ContentFixture.interp)
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: \(limit)")
        let first = CalendarDate("2024-01-01")!
        var expected: [String: (document: CalendarDate, interpretation: CalendarDate)] = [:]
        for n in 0..<366 {
            let day = first.adding(days: n)
            let id = "day-\(n)"
            fixture["policies/\(id)/index.md"] = FrontMatter(["title": "第\(n)日文件", "signed": "\(day.adding(days: -3))", "published": "\(day)"])
                .document(body: "正文。\n")
            for (k, offset) in [Self.offsets[n % 10], Self.offsets[(n / 10 + n) % 10]].enumerated() {
                let stem = "解读\(k)"
                let published = day.adding(days: offset)
                fixture["policies/\(id)/\(stem).md"] = ContentFixture.textInterpretation(published: published.description)
                expected["\(id)/\(stem)"] = (day, published)
            }
        }
        let result = try fixture.check()
        let library = result.library
        XCTAssertEqual(library.documents.count, 366)

        // The gate.
        let late = Set(result.findings("PI002").map { $0.location.file })
        // The pages.
        let theme = try Theme(overrides: nil)
        let pages = CollectedFiles()
        let asOf = CalendarDate("2025-12-31")!
        let context = SiteContext(
            library: library, raw: result.checked.raw, asOf: asOf,
            theme: theme, output: InputRecorder(sink: pages, theme: theme, tool: nil),
            live: LiveStatuses(library: library, asOf: asOf))
        var sameDayIn2024 = 0
        for doc in library.documents {
            for item in doc.interpretations {
                let (d, i) = expected["\(doc.id)/\(item.id)"]!
                let file = "content/policies/\(doc.id)/\(item.id).md"
                let onTime = Self.isOnTime(document: d, interpretation: i, limit: limit)
                XCTAssertEqual(!late.contains(file), onTime, "gate, limit \(limit): document \(d), interpretation \(i)")

                let path = try InterpretationPage(context: context, document: doc, interpretation: item).render()
                let page = try XCTUnwrap(pages.sorted.first { $0.path == path })
                guard case .text(let html) = page.contents else { return XCTFail("page is not text") }
                let shown = html.components(separatedBy: "<span class=\"timing\">").dropFirst().first?
                    .components(separatedBy: "</span>").first
                let days = Self.workingDays(after: d, through: i)
                let want =
                    i < d
                    ? "早于文件发布"
                    : i == d
                        ? "与文件同步发布"
                        : days == 0 ? "文件发布后的非工作日发布" : "文件发布后第 \(days) 个工作日发布"
                XCTAssertEqual(shown, want, "page, limit \(limit): document \(d), interpretation \(i)")
                if i == d && i.year == 2024 { sameDayIn2024 += 1 }
            }
        }
        // The report.
        let report = library.annualReport(year: 2024, asOf: CalendarDate("2025-12-31")!)
        XCTAssertEqual(report.interpretations.sameDay, sameDayIn2024)
        XCTAssertGreaterThan(sameDayIn2024, 0)
        XCTAssertGreaterThan(late.count, 0)
    }
}

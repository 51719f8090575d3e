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

/// A library longer than a page is split into pages that link to each other, so a province's
/// thousands of documents never make one page too heavy for a phone.
final class PaginationTests: XCTestCase {
    func testALongLibraryIsSplitIntoLinkedPages() throws {
        var changes: [String: String?] = [:]
        for i in 0..<205 {  // with the fixture's own policy: 206 → pages of 100, 100 and 6
            changes[String(format: "policies/bulk-%03d/index.md", i)] =
                FrontMatter(["title": "批量文件\(i)", "signed": "2024-01-02", "published": "2024-01-02"]).document(body: "正文。\n")
        }
        let site = try RenderFixture(changes).render()
        func rows(_ path: String) throws -> Int {
            try XCTUnwrap(site[path]?.text, path).components(separatedBy: "class=\"col-title\"").count - 1
        }
        XCTAssertEqual(try rows("policies/index.html"), LibraryPages.pageSize)
        XCTAssertEqual(try rows("policies/page/2/index.html"), LibraryPages.pageSize)
        XCTAssertEqual(try rows("policies/page/3/index.html"), 6)
        XCTAssertNil(site["policies/page/4/index.html"])

        let first = try XCTUnwrap(site["policies/index.html"]?.text)
        XCTAssertTrue(first.contains("<a href=\"page/2/\" rel=\"next\">下一页</a>"))
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("共 <span class=\"list-count\">206</span> 件"), "the caption counts the whole list")
        let last = try XCTUnwrap(site["policies/page/3/index.html"]?.text)
        XCTAssertTrue(last.contains("<a href=\"../2/\" rel=\"prev\">上一页</a>"))
        XCTAssertTrue(last.contains("<a href=\"../../\">"), "page 1 is the library itself")
        XCTAssertTrue(last.contains("aria-current=\"page\"><span class=\"visually-hidden\">当前页，</span>第 3 页"))
        XCTAssertTrue(last.contains("（第 3 页）"), "each page has a title of its own")
        // The chosen filter (the library opens on 现行有效) links to its first page: only there
        // is it "the current page".
        XCTAssertTrue(first.contains("<a href=\"./\" aria-current=\"page\">现行有效<"), first)
        XCTAssertTrue(last.contains("<a href=\"../../\" aria-current=\"true\">现行有效<"), last)
        let allLast = try XCTUnwrap(site["policies/all/page/3/index.html"]?.text)
        XCTAssertTrue(allLast.contains("<a href=\"../../\" aria-current=\"true\">全部<"), allLast)
        // A later page is a step below the list: the trail links back to it, the menu still
        // marks the section, and "page" marks only this page (its crumb and its number).
        XCTAssertTrue(last.contains("<a href=\"../../\">其他政策文件库</a>"), last)
        XCTAssertTrue(last.contains("<span aria-current=\"page\">第 3 页</span>"), last)
        XCTAssertTrue(last.contains("aria-current=\"true\">其他政策文件库</a>"), last)
        XCTAssertEqual(last.components(separatedBy: "aria-current=\"page\"").count - 1, 2)
        XCTAssertTrue(try XCTUnwrap(site["sitemap.xml"]?.text).contains("/policies/page/3/"))
        // A short list stays one page, without a pagination bar.
        XCTAssertFalse(try XCTUnwrap(site["regulations/index.html"]?.text).contains("aria-label=\"分页\""))
    }

    func testPageNumbersShowTheEndsAndTheNeighbourhood() {
        XCTAssertEqual(LibraryPages.pageNumbers(current: 1, total: 2), [1, 2])
        XCTAssertEqual(LibraryPages.pageNumbers(current: 5, total: 10), [1, nil, 3, 4, 5, 6, 7, nil, 10])
        XCTAssertEqual(LibraryPages.pageNumbers(current: 1, total: 9), [1, 2, 3, nil, 9])
        XCTAssertEqual(LibraryPages.pageNumbers(current: 4, total: 5), [1, 2, 3, 4, 5])
    }
}

/// A document about to take on a status goes, hidden, on the page of that status's list
/// where it will sort (newest first), between the rows it will stand between.
final class CandidatePlacementTests: XCTestCase {
    func testACandidateRowGoesOnThePageAndPlaceItWillTake() throws {
        var changes: [String: String?] = [:]
        func day(_ offset: Int) -> String { CalendarDate("2020-01-01")!.adding(days: offset).description }
        for i in 0..<150 {  // expired long before the as-of date: 150 rows, pages of 100 and 50
            changes[String(format: "normative/old-%03d/index.md", i)] =
                FrontMatter([
                    "title": "已失效文件\(i)", "number": "示市监规〔2020〕\(i + 1)号", "office": "法规处", "signed": day(i),
                    "published": day(i), "effective": day(i), "expires": CalendarDate(day(i))!.adding(days: 30).description,
                ]).document(body: "正文。\n")
        }
        // Published between old-028 and old-029, in force now, expiring within the horizon.
        changes["normative/soon/index.md"] =
            FrontMatter([
                "title": "即将到期的文件", "number": "示市监规〔2020〕999号", "office": "法规处", "signed": day(28),
                "published": day(28), "effective": "2026-01-01", "expires": "2027-01-31",
            ]).document(body: "正文。\n")
        let site = try RenderFixture(changes).render()
        let first = try XCTUnwrap(site["normative/expired/index.html"]?.text)
        let second = try XCTUnwrap(site["normative/expired/page/2/index.html"]?.text)
        XCTAssertFalse(first.contains("data-id=\"soon\""))
        // Same day as old-028, and "soon" sorts after it by id: just after old-028's row.
        let ids = second.matches(of: /<tr role="row" data-id="([^"]+)"/).map { String($0.output.1) }
        let at = try XCTUnwrap(ids.firstIndex(of: "soon"), "no candidate row on page 2")
        XCTAssertEqual(ids[at - 1], "old-028")
        XCTAssertEqual(ids[at + 1], "old-027")
        XCTAssertTrue(second.contains("<tr role=\"row\" data-id=\"soon\" data-published=\"2020-01-29\" hidden data-status-candidate>"))
        XCTAssertEqual(ids.count, 51, "50 rows and the candidate")
    }
}

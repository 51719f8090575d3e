import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicySite
@testable import PolicyWrite
@testable import PolicyKit

/// What the pages carry for status-live.js: the facts on badges whose status still changes
/// after the as-of date (and only those), the kind's tally on the home page and library
/// filters, hidden candidate rows on the list of the status a document is about to take on,
/// and the build-time status labelled with its date for readers without JavaScript.
final class StatusLiveRenderTests: XCTestCase {
    /// The fixture's 2024 guideline, due to expire within the candidate horizon of the as-of date.
    private func site(expires: String = "2027-06-30") throws -> [String: OutputFile] {
        let fixture = RenderFixture()
        fixture.files["normative/2024-new-rules/index.md"] = fixture.files["normative/2024-new-rules/index.md"]!
            .replacingOccurrences(of: "expires: 2029-06-30", with: "expires: \(expires)")
        return try fixture.render(publishedOnly: true)
    }

    private func page(_ site: [String: OutputFile], _ path: String) throws -> String {
        try XCTUnwrap(site[path]?.text, path)
    }

    func testBadgesCarryFactsOnlyWhileTheStatusCanChange() throws {
        let site = try site()
        let newRules = try page(site, "d/2024-new-rules/index.html")
        XCTAssertTrue(
            newRules.contains(
                #"<span class="badge badge-in-force" data-status-facts="{&quot;effective&quot;:&quot;2024-07-01&quot;,&quot;expires&quot;:&quot;2027-06-30&quot;}">现行有效</span>"#
            ),
            newRules)
        // Repealed for good: nothing to recompute.
        let oldRules = try page(site, "d/2022-old-rules/index.html")
        XCTAssertTrue(oldRules.contains(#"<span class="badge badge-repealed">已废止</span>"#))
        XCTAssertFalse(oldRules.contains("data-status-facts"))
    }

    func testTheBuildTimeStatusIsLabelledWithItsDate() throws {
        let html = try page(try site(), "d/2024-new-rules/index.html")
        XCTAssertTrue(
            html.contains(#"<span class="status-label">（按<time class="status-date" datetime="2026-11-29">2026年11月29日</time>计算）</span>"#))
        XCTAssertTrue(html.contains(#"<meta name="policy-status-date" content="2026-11-29">"#))
        XCTAssertTrue(html.contains(#"<meta name="policy-time-zone" content="Asia/Shanghai">"#))
        XCTAssertTrue(html.contains(#"<script type="module" src="../../assets/status-live.js"></script>"#))
    }

    func testAStatusListCarriesTheDocumentsAboutToTakeItOn() throws {
        let site = try site()
        let expired = try page(site, "normative/expired/index.html")
        XCTAssertTrue(expired.contains(#"<tr role="row" data-id="2024-new-rules" data-published="2024-06-03" hidden data-status-candidate>"#), expired)
        // The list is empty today: its "暂无" row shows.
        XCTAssertTrue(expired.contains(#"<tr role="row" class="list-empty"><td colspan="5" role="cell">暂无“已失效”的文件。</td></tr>"#))
        XCTAssertTrue(expired.contains(#"data-list-status="expired""#))
        let inForce = try page(site, "normative/in-force/index.html")
        XCTAssertTrue(inForce.contains(#"<tr role="row" data-id="2024-new-rules" data-published="2024-06-03">"#))
        XCTAssertTrue(inForce.contains(#"<tr role="row" class="list-empty" hidden>"#))
        XCTAssertFalse(inForce.contains("data-status-candidate"))
        // The kind's tally, for the filter counts.
        XCTAssertTrue(inForce.contains(#"data-status-tally="[{&quot;facts&quot;:{&quot;effective&quot;:&quot;2024-07-01&quot;"#))
    }

    /// Beyond the horizon, the list is left to the daily rebuild; the badge still follows.
    func testCandidatesStopAtTheHorizon() throws {
        let site = try site(expires: "2029-06-30")
        XCTAssertFalse(try page(site, "normative/expired/index.html").contains("data-status-candidate"))
        XCTAssertTrue(try page(site, "d/2024-new-rules/index.html").contains("data-status-facts"))
    }

    func testHomeCountsCarryTheTally() throws {
        let home = try page(try site(), "index.html")
        XCTAssertTrue(home.contains(#"<tr data-status-tally="[{&quot;facts&quot;:"#), home)
        XCTAssertTrue(home.contains(#"<td data-status="expired" data-href="normative/expired/">0</td>"#), home)
    }

    /// The annual report states statuses at its own date on purpose.
    func testTheReportKeepsItsDate() throws {
        XCTAssertFalse(try page(try site(), "report/index.html").contains("data-status-facts"))
    }
}

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

/// What the pages state of 公开方式, 索引号, exemption decisions, interpretation timing and a
/// cleanup batch's 文号 — and that the published view of the library keeps what is not
/// public or not yet due out of every file.
final class DisclosureRenderTests: XCTestCase {
    private func fixture() -> RenderFixture {
        var plan = RenderFixture.library["policies/2024-plan/index.md"]!
        plan = plan.replacingOccurrences(
            of: "exempt: 内部工作安排",
            with: """
                exempt: { reason: 内部工作安排, approved_by: 局长办公会, approved_on: 2024-03-01 }
                index_no: 113300000/2024-00031
                """)
        var batch = RenderFixture.library["cleanup/2025-batch.md"]!
        batch = batch.replacingOccurrences(of: "published: 2025-11-27", with: "published: 2025-11-27\nnumber: 示市监规〔2025〕12号")
        return RenderFixture(["policies/2024-plan/index.md": plan, "cleanup/2025-batch.md": batch])
    }

    func testDocumentPageStatesDisclosureIndexNumberAndExemption() throws {
        let site = try fixture().render()
        let page = try XCTUnwrap(site["d/2024-plan/index.html"]?.text)
        XCTAssertTrue(page.contains("<th scope=\"row\">索引号</th><td>113300000/2024-00031</td>"))
        XCTAssertTrue(page.contains("<th scope=\"row\">公开方式</th><td>主动公开</td>"))
        XCTAssertTrue(page.contains("本文件经局长办公会于2024年3月1日批准不作政策解读。理由：内部工作安排"))
        let interpretation = try XCTUnwrap(site["d/2024-plan/视频/index.html"]?.text)
        XCTAssertTrue(interpretation.contains("<span class=\"timing\">与文件同步发布</span>"))
        let cleanup = try XCTUnwrap(site["cleanup/2025-batch/index.html"]?.text)
        XCTAssertTrue(cleanup.contains("文号 示市监规〔2025〕12号"))
        XCTAssertTrue(try XCTUnwrap(site["cleanup/index.html"]?.text).contains("示市监规〔2025〕12号"))
    }

    /// Rendered from `published(asOf:)`: a withheld document is in no file at all.
    func testWithheldDocumentIsInNoFile() throws {
        var plan = RenderFixture.library["policies/2024-plan/index.md"]!
        plan = plan.replacingOccurrences(of: "exempt: 内部工作安排", with: "exempt: 内部工作安排\ndisclosure: 不予公开")
        let fixture = RenderFixture(["policies/2024-plan/index.md": plan])
        let site = try fixture.render(publishedOnly: true)
        let leaks = site.values.filter { file in
            guard let text = file.text else { return false }
            return text.contains("2024-plan") || text.contains("质量提升行动方案")
        }.map(\.path)
        XCTAssertEqual(leaks, [])
        XCTAssertNil(site["d/2024-plan/视频.mp4"])
    }
}

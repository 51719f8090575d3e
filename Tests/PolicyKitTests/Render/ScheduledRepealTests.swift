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

/// A planned repeal must not give away the document that will make it before that document's
/// own publication day. In the sample library, 2020-price-tag-rules is repealed on 2024-07-01
/// by 2024-price-behavior-compliance, published 2024-06-03; its note quotes the new title.
final class ScheduledRepealTests: XCTestCase {
    static let newTitle = "示例省经营者价格行为合规指引"

    func site(asOf: String) throws -> [String: String] {
        let asOf = try XCTUnwrap(CalendarDate(asOf))
        let checked = try Pipeline.check(content: SampleContent.root, displayRoot: "content", asOf: asOf)
        let files = try SiteRenderer(
            library: checked.library.published(asOf: asOf), raw: checked.raw, asOf: asOf,
            theme: try Theme(overrides: nil)
        ).render()
        var texts: [String: String] = [:]
        for file in files {
            switch file.contents {
            case .text(let text): texts[file.path] = text
            case .data(let data): texts[file.path] = String(decoding: data, as: UTF8.self)
            case .bytes(let bytes): texts[file.path] = String(decoding: bytes, as: UTF8.self)
            case .copy: break
            }
        }
        return texts
    }

    func testTheRepealerIsNotNamedBeforeItIsPublished() throws {
        let before = try site(asOf: "2024-05-01")
        let leaks = before.filter { $0.value.contains(Self.newTitle) || $0.value.contains("2024-price-behavior-compliance") }
        XCTAssertEqual(leaks.keys.sorted(), [], "pages naming the unpublished document")
        // The old rule is still on the site, in force that day.
        XCTAssertNotNil(before["d/2020-price-tag-rules/index.html"])
    }

    func testTheRepealerIsNamedOnceItIsPublished() throws {
        let after = try site(asOf: "2024-07-02")
        let page = try XCTUnwrap(after["d/2020-price-tag-rules/index.html"])
        XCTAssertTrue(page.contains(Self.newTitle), "the repeal names its document once both are public")
    }
}

/// A document whose later interpretation is still scheduled keeps everything else it has on
/// the site: its change log and its amendments (the copy without the interpretation once
/// dropped them).
final class PublishedCopyTests: XCTestCase {
    func testWithholdingAnInterpretationKeepsTheChangeLogAndAmendments() throws {
        var fixture = ContentFixture()
        fixture.replace(
            in: ContentFixture.doc, "expires: 2029-03-31",
            with: "expires: 2029-03-31\nchanges: [{date: 2024-03-10, note: 更正第三条中的错别字}]")
        fixture["\(ContentFixture.bundle)/问答.md"] = ContentFixture.textInterpretation(title: "问答解读", published: "2024-04-01")
        let library = try fixture.check(asOf: "2024-03-20").library
        let whole = try XCTUnwrap(library.document(ContentFixture.docID))
        let shown = try XCTUnwrap(library.published(asOf: CalendarDate("2024-03-20")!).document(ContentFixture.docID))
        XCTAssertEqual(whole.interpretations.count, 2)
        XCTAssertEqual(shown.interpretations.count, 1, "the scheduled interpretation is withheld")
        XCTAssertEqual(shown.changes.map(\.note), ["更正第三条中的错别字"])
        XCTAssertEqual(shown.changes, whole.changes)
    }
}

import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
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

final class LinkedDataTests: XCTestCase {
    /// The JSON-LD of a page, parsed.
    private func jsonLD(_ page: String) throws -> [String: Any] {
        let open = "<script type=\"application/ld+json\">"
        let start = try XCTUnwrap(page.range(of: open))
        let end = try XCTUnwrap(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func testLegislationMatchesTheComputedStatus() throws {
        let fixture = RenderFixture()
        let site = try fixture.render()
        let checked = try Pipeline.check(content: fixture.content)
        for id in ["2019-workshops", "2022-workshops", "2022-old-rules", "2024-new-rules", "2024-plan"] {
            let page = try XCTUnwrap(site["d/\(id)/index.html"]?.text)
            let json = try jsonLD(page)
            let document = try XCTUnwrap(checked.library.document(id))
            let status = checked.library.status(of: document, at: RenderFixture.asOf).status
            XCTAssertEqual(json["@type"] as? String, "Legislation")
            XCTAssertEqual(
                json["legislationLegalForce"] as? String,
                "https://schema.org/" + (status == .inForce ? "InForce" : "NotInForce"), id)
            XCTAssertEqual(json["legislationDate"] as? String, document.signed.description)
            XCTAssertEqual(json["datePublished"] as? String, document.published.description)
            XCTAssertEqual(json["legislationIdentifier"] as? String, document.number)
            XCTAssertEqual(json["inLanguage"] as? String, "zh-CN")
            XCTAssertEqual(
                (json["legislationPassedBy"] as? [[String: Any]])?.compactMap { $0["name"] as? String },
                document.issuers)
            XCTAssertEqual(json["url"] as? String, "https://example.org/zcwj/d/\(id)/")
        }
        let revised = try jsonLD(try XCTUnwrap(site["d/2022-workshops/index.html"]?.text))
        XCTAssertEqual(revised["isBasedOn"] as? [String], ["https://example.org/zcwj/d/2019-workshops/"])
        XCTAssertEqual(revised["legislationChanges"] as? [String], ["https://example.org/zcwj/d/2019-workshops/"])
        XCTAssertEqual(revised["legislationType"] as? String, "规章")
        let repealing = try jsonLD(try XCTUnwrap(site["d/2024-new-rules/index.html"]?.text))
        XCTAssertEqual(repealing["legislationRepeals"] as? [String], ["https://example.org/zcwj/d/2022-old-rules/"])
        let official = try jsonLD(try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text))
        XCTAssertEqual(
            (official["workExample"] as? [String: Any])?["legislationLegalValue"] as? String,
            "https://schema.org/OfficialLegalValue")

        let page = try XCTUnwrap(site["d/2022-workshops/index.html"]?.text)
        XCTAssertTrue(page.contains("<meta name=\"dcterms.identifier\" content=\"示例省人民政府令第236号\">"))
        XCTAssertTrue(page.contains("<meta name=\"dcterms.issued\" content=\"2022-06-28\">"))
        XCTAssertTrue(page.contains("<meta name=\"dcterms.valid\" content=\"start=2022-08-01; scheme=W3C-DTF;\">"))
        // Superseded from 2022-08-01: it applied until the day before.
        let superseded = try XCTUnwrap(site["d/2019-workshops/index.html"]?.text)
        XCTAssertTrue(superseded.contains("<meta name=\"dcterms.valid\" content=\"start=2019-06-01; end=2022-07-31; scheme=W3C-DTF;\">"))
    }

    func testATitleCannotBreakOutOfTheScript() throws {
        let evil = "</script><script>alert(1)</script><!--"
        let original = RenderFixture.library["normative/2022-old-rules/index.md"]!
        let changed = original.replacingOccurrences(
            of: "title: 关于<script>alert(1)</script>的实施细则",
            with: "title: \"\(evil)\"")
        XCTAssertNotEqual(changed, original)
        let page = try XCTUnwrap(RenderFixture(["normative/2022-old-rules/index.md": changed]).render()["d/2022-old-rules/index.html"]?.text)
        // The only script elements are the JSON-LD one and the theme's own scripts (assets/);
        // the title never appears unescaped.
        let scripts = page.matches(of: /<script[^>]*>/).map { String($0.output) }
        XCTAssertEqual(scripts.filter { !$0.contains(" src=\"../../assets/") }, ["<script type=\"application/ld+json\">"])
        XCTAssertFalse(page.contains("<script>alert"))
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">"))
        let script = page[start.upperBound...].prefix { $0 != "\n" }
        XCTAssertFalse(script.dropLast("</script>".count).contains("<"), "no < inside the JSON: \(script)")
        XCTAssertTrue(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--"))
        XCTAssertEqual(try jsonLD(page)["name"] as? String, evil)
    }

    func testStatusFeedAndSectionFeeds() throws {
        let site = try RenderFixture().render()
        let status = try FeedReader(try XCTUnwrap(site["feeds/status.xml"]?.text))
        // 2019-workshops superseded from 2022-08-01; 2022-old-rules repealed 2024-07-01 (the later
        // cleanup 废止 changes nothing); the cleanup batch taking effect on 2025-12-01.
        XCTAssertEqual(
            status.entries.map(\.updated),
            [
                "2025-12-01T00:00:00+08:00", "2024-07-01T00:00:00+08:00",
                "2022-08-01T00:00:00+08:00",
            ])
        XCTAssertEqual(
            status.entries.map(\.id),
            [
                "https://example.org/zcwj/cleanup/2025-batch/",
                "https://example.org/zcwj/d/2022-old-rules/#status-repealed-2024-07-01",
                "https://example.org/zcwj/d/2019-workshops/#status-superseded-2022-08-01",
            ])
        XCTAssertTrue(status.entries[1].title.hasSuffix("已废止"))
        XCTAssertEqual(status.feedID, "https://example.org/zcwj/feeds/status.xml")

        let documents = try FeedReader(try XCTUnwrap(site["feeds/documents.xml"]?.text))
        XCTAssertEqual(documents.entries.count, 5)
        XCTAssertEqual(documents.entries.first?.id, "https://example.org/zcwj/d/2024-new-rules/")
        let interpretations = try FeedReader(try XCTUnwrap(site["feeds/interpretations.xml"]?.text))
        XCTAssertEqual(interpretations.entries.count, 2)

        let home = try XCTUnwrap(site["index.html"]?.text)
        for path in ["feeds/documents.xml", "feeds/interpretations.xml", "feeds/status.xml"] {
            XCTAssertTrue(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""), path)
            XCTAssertTrue(home.contains("href=\"\(path)\">"), path)
        }
    }

    func testStatusFeedStopsAtTheAsOfDate() throws {
        let fixture = RenderFixture()
        _ = try fixture.render()
        let checked = try Pipeline.check(content: fixture.content)
        let endings = checked.library.endings(through: CalendarDate("2024-06-30")!)
        XCTAssertEqual(endings.map(\.document.id), ["2019-workshops"])
    }

    func testComparisonPage() throws {
        let site = try RenderFixture().render()
        let page = try XCTUnwrap(site["d/2022-workshops/compare/2019-workshops/index.html"]?.text)
        XCTAssertTrue(page.contains("<del><span class=\"visually-hidden\">删除：</span>"))
        XCTAssertTrue(page.contains("<ins><span class=\"visually-hidden\">新增：</span>"))
        XCTAssertTrue(page.contains("<li>修改 1 条</li>"))
        // Linked from both versions, and beside the old one's status badge.
        let old = try XCTUnwrap(site["d/2019-workshops/index.html"]?.text)
        XCTAssertTrue(old.contains("<ul class=\"status-compare\">\n<li><a href=\"../2022-workshops/compare/2019-workshops/\">新旧对照"))
        let new = try XCTUnwrap(site["d/2022-workshops/index.html"]?.text)
        XCTAssertTrue(new.contains("<a href=\"compare/2019-workshops/\">新旧对照</a>"))
        XCTAssertFalse(new.contains("status-compare"))
    }

    func testComparisonPageFoldsUnchangedArticles() throws {
        let v1 = RenderFixture.library["regulations/2019-workshops/index.md"]!
            .replacingOccurrences(of: "第一条 原文。", with: "第一条 原文。\n\n第二条 不变的条文。\n\n第三条 也不变。\n\n第四条 旧的。")
        let v2 = RenderFixture.library["regulations/2022-workshops/index.md"]!
            .replacingOccurrences(of: "第一条 修订后的条文。", with: "第一条 原文。\n\n第二条 不变的条文。\n\n第三条 也不变。\n\n第四条 新的。")
        let site = try RenderFixture(["regulations/2019-workshops/index.md": v1, "regulations/2022-workshops/index.md": v2]).render()
        let page = try XCTUnwrap(site["d/2022-workshops/compare/2019-workshops/index.html"]?.text)
        XCTAssertTrue(page.contains("<details class=\"cmp-unchanged\">\n<summary>未修改：第一条至第三条（3 条）</summary>"))
        XCTAssertTrue(page.contains("<del><span class=\"visually-hidden\">删除：</span>旧</del>"))
        XCTAssertTrue(page.contains("<ins><span class=\"visually-hidden\">新增：</span>新</ins>"))
    }
}

/// The entries of an Atom feed, read with `XMLParser` — which also proves it well-formed.
struct FeedReader {
    struct Entry { var id = "", title = "", updated = "", link = "" }

    private(set) var feedID = ""
    private(set) var entries: [Entry] = []

    init(_ xml: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        feedID = delegate.feedID
        entries = delegate.entries
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var feedID = ""
        var entries: [Entry] = []
        var current: Entry?
        var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            text = ""
            if name == "entry" { current = Entry() }
            if name == "link", current != nil, attributes["rel"] == "alternate" { current?.link = attributes["href"] ?? "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "entry": if let current { entries.append(current) }; current = nil
            case "id": if current != nil { current?.id = text } else { feedID = text }
            case "title": current?.title = text
            case "updated": current?.updated = text
            default: break
            }
        }
    }
}

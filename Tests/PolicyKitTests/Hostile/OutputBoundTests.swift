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

/// The site's size is bounded by the content's (docs/site.md, "Output size"): hostile inputs
/// just inside every limit — titles of 200 characters over long texts, aliases up to the
/// YAML budget, a chain of 300 versions — build a site under the documented bound.
final class OutputBoundTests: XCTestCase {
    /// The documented bound: site bytes ≤ `fixed` + `perInputByte` × content bytes.
    static let fixed = 1 << 20
    static let perInputByte = 200

    /// Builds `fixture`, asserts a clean build, and returns (content bytes, site bytes).
    private func build(_ fixture: ContentFixture, file: StaticString = #filePath, line: UInt = #line)
        throws -> (content: Int, site: Int, root: URL, hostile: HostileFixture)
    {
        let hostile = HostileFixture(fixture)
        let (result, site) = try hostile.build()
        result.assertNoErrors(testFile: file, testLine: line)
        return (Self.bytes(under: hostile.content), Self.bytes(under: site), site, hostile)
    }

    static func bytes(under root: URL) -> Int {
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        var total = 0
        while let url = files?.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += values?.fileSize ?? 0 }
        }
        return total
    }

    private func assertUnderBound(
        _ measured: (content: Int, site: Int, root: URL, hostile: HostileFixture), _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let bound = Self.fixed + Self.perInputByte * measured.content
        XCTAssertLessThanOrEqual(
            measured.site, bound,
            "\(what): \(measured.site) site bytes from \(measured.content) content bytes", file: file, line: line)
    }

    static let policy = "office: 法规处\nsigned: 2024-03-01\npublished: 2024-03-08"

    func testLongTitlesOverLongTextsStayUnderTheBound() throws {
        var fixture = ContentFixture()
        let body = Array(repeating: "第一条 经营者应当如实标注食品的生产日期和保质期。", count: 1500).joined(separator: "\n\n")
        for i in 0..<10 {
            fixture.addDocument(
                "policies/2024-title-\(i)", "title: \(String(repeating: "标", count: 199))\(i)\n\(Self.policy)",
                interpretation: "2024-03-08", body: body)
        }
        assertUnderBound(try build(fixture), "ten 200-character titles over 1,500 paragraphs")
    }

    func testAliasesUpToTheBudgetStayUnderTheBound() throws {
        var fixture = ContentFixture()
        let long = String(repeating: "长", count: 3000)
        for i in 0..<10 {
            // The anchor's 9 KB written once and aliased once: just under twice the text.
            fixture.addDocument(
                "policies/2024-alias-\(i)", "title: 别名\(i)\nkeywords: [&s \(long)]\ntopics: [*s]\n\(Self.policy)",
                interpretation: "2024-03-08")
        }
        let measured = try build(fixture)
        XCTAssertEqual(measured.hostile.fixture.files.count, ContentFixture().files.count + 20)
        assertUnderBound(measured, "aliases up to the budget")
    }

    /// The issue's case: 2,000 aliases of one 6,000-character string in a 29 KB file (a
    /// thousand values, 36 MB expanded) is refused with the expansion in the message.
    func testAliasesBeyondTheByteBudgetAreRefused() throws {
        var fixture = ContentFixture()
        let long = String(repeating: "长", count: 6000)
        let aliases = Array(repeating: "*s", count: 2000).joined(separator: ", ")
        fixture.addDocument(
            "policies/2024-alias-bomb", "title: 别名\nkeywords: [&s \(long)]\ntopics: [\(aliases)]\n\(Self.policy)",
            interpretation: "2024-03-08")
        let result = try fixture.check()
        let finding = result.assertFinds("PF002", .error, file: "policies/2024-alias-bomb/index.md", line: 4, message: "YAML 炸弹")
        XCTAssertTrue(finding?.message.contains("字节") == true)
    }

    /// A regulation revised 34 times: its headnote keeps the first publication and the latest
    /// 30 steps (`Headnote.maxLaterSteps`), and says how many it leaves out; a history of 30
    /// steps or fewer is shown whole.
    func testLongHeadnoteKeepsFirstAndLatestSteps() throws {
        var fixture = ContentFixture()
        for i in 0..<35 {
            fixture.addDocument(
                "regulations/1950-rule-\(i)",
                """
                title: 示例省管理规定
                number: 示例省人民政府令第\(100 + i)号
                office: 法规处
                signed: \(1950 + i)-03-01
                published: \(1950 + i)-03-08
                \(i > 0 ? "supersedes: 1950-rule-\(i - 1)" : "")
                """, interpretation: nil)
        }
        let library = try fixture.check().library
        let headnote = try XCTUnwrap(library.document("1950-rule-34").flatMap(library.headnote(of:)))
        XCTAssertTrue(headnote.hasPrefix("（1950年3月1日示例省人民政府令第100号公布　其间另有 4 次修订、修正（见版本沿革）　1955年3月1日示例省人民政府令第105号第五次修订"), headnote)
        for n in 101...104 { XCTAssertFalse(headnote.contains("第\(n)号"), headnote) }
        XCTAssertTrue(headnote.hasSuffix("1984年3月1日示例省人民政府令第134号第三十四次修订）"), headnote)
        // Thirty later steps or fewer: every one, as official texts print them.
        let whole = try XCTUnwrap(library.document("1950-rule-30").flatMap(library.headnote(of:)))
        for n in 100...130 { XCTAssertTrue(whole.contains("第\(n)号"), whole) }
        XCTAssertFalse(whole.contains("其间另有"), whole)
    }

    /// 300 versions: each page lists its nearest seven, and links to the chain's own page,
    /// which lists all 300 once.
    func testLongVersionChainStaysUnderTheBound() throws {
        var fixture = ContentFixture()
        for i in 0..<300 {
            let year = 1700 + i
            fixture.addDocument(
                "policies/2024-v\(i)",
                """
                title: 办法第\(i)版
                office: 法规处
                signed: \(year)-03-01
                published: \(year)-03-08
                \(i > 0 ? "supersedes: 2024-v\(i - 1)" : "")
                """, interpretation: nil)
        }
        let measured = try build(fixture)
        assertUnderBound(measured, "a chain of 300 versions")
        let page = try String(contentsOf: measured.root.appendingPathComponent("d/2024-v150/index.html"), encoding: .utf8)
        func versionList(_ html: String) -> String {
            guard let start = html.range(of: "id=\"versions-heading\""),
                let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
            else { return "" }
            return String(html[start.upperBound..<end.lowerBound])
        }
        let listed = versionList(page)
        XCTAssertEqual(listed.components(separatedBy: "<li").count - 1, 7, "three versions on each side of its own")
        XCTAssertTrue(listed.contains("办法第147版") && listed.contains("办法第153版") && !listed.contains("办法第146版"))
        XCTAssertTrue(page.contains("../../versions/2024-v0/"), "a link to the whole chain")
        XCTAssertTrue(page.contains("查看全部 300 个版本"))
        let chain = try String(contentsOf: measured.root.appendingPathComponent("versions/2024-v0/index.html"), encoding: .utf8)
        for i in [0, 150, 299] { XCTAssertTrue(chain.contains("办法第\(i)版"), "version \(i) on the chain page") }
        // The oldest version lists itself and the three after it.
        let first = try String(contentsOf: measured.root.appendingPathComponent("d/2024-v0/index.html"), encoding: .utf8)
        XCTAssertTrue(versionList(first).contains("办法第3版") && !versionList(first).contains("办法第4版"))
    }
}

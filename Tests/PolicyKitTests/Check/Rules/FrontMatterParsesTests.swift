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

/// PF002 front-matter-syntax (`FrontMatterParses`).
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class FrontMatterParsesTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// An unquoted value with `: ` inside is a YAML error; the finding points at the
    /// offending colon (file line, not front-matter line; column in characters).
    func testYAMLSyntaxErrorReportsItsPosition() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法1️⃣: 修订稿")
        try fixture.check().assertFindings(["1️⃣": .error("PF002", "YAML")])
    }

    /// An error further down: a flow sequence left open on line 9 swallows the next line,
    /// and YAML gives up at the colon of `keywords:` on line 10 (file lines, not front-matter lines).
    func testYAMLErrorOnLaterLineKeepsFileLineNumbers() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ntopics: [食品安全, 标签\nkeywords1️⃣: [标签]")
        try fixture.check().assertFindings(["1️⃣": .error("PF002", "YAML")])
    }

    /// Quoting the same value makes it valid.
    func testQuotedColonParses() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: \"示例省食品标签管理办法: 修订稿\"")
        try fixture.check().assertNoFindings()
    }

    func testFileWithoutFrontMatter() throws {
        var fixture = MarkedFixture()
        fixture[interp] = "1️⃣## 背景\n\n没有字段区的解读。\n"
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .error("PF002", "缺少")])
        // A malformed interpretation is still an interpretation file: not also "missing".
        result.assertClean("PI001")
    }

    func testFrontMatterNeverClosed() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "published: 2024-03-08\n---\n", with: "published: 2024-03-08\n\n")
        try fixture.check().assertFinds("PF002", .error, file: "content/\(interp)", line: 1, message: "没有结束")
    }

    func testFrontMatterThatIsNotAMapping() throws {
        var fixture = ContentFixture()
        fixture[interp] = "---\n- 标题\n- 文字解读\n---\n\n正文。\n"
        try fixture.check().assertFinds("PF002", .error, file: "content/\(interp)", line: 1)
    }

    /// site.yml and calendar.yml are YAML from their first line; positions are theirs.
    func testSettingsFileSyntaxError() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "issuer: 示例省市场监督管理局", with: "issuer: 示例省市场监督管理局1️⃣: 办公室")
        try fixture.check().assertFindings(["1️⃣": .error("PF002")])
    }
}

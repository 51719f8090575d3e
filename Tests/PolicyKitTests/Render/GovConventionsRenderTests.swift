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

/// gov.cn conventions on the rendered pages: the metadata table, the footer and meta tags from
/// `site.yml` `website`, what a repealed document's notice names, libraries opening on 现行有效,
/// and long texts with a table of contents, article anchors and links to them.
final class GovConventionsRenderTests: XCTestCase {
    private static let website = """
        website:
          sponsor: 示例省市场监督管理局<b>
          id_code: '3300000001'
          icp: 示ICP备12345678号-1
          public_security: 示公网安备 33010602001234号
          contact: 联系电话：0571-12315

        """

    /// Two chapters and an article 之一 in the 2022 regulation; its interpretation cites them.
    private func fixture(website: Bool = true) -> RenderFixture {
        var site = RenderFixture.library["site.yml"]!
        if website { site += Self.website }
        var regulation = RenderFixture.library["regulations/2022-workshops/index.md"]!
        regulation = regulation.replacingOccurrences(
            of: "## 第一章 总则\n\n第一条 修订后的条文。\n",
            with: """
                ## 第一章 总则

                **第一条** 修订后的条文。

                **第一条之一** 新增的条文。

                ## 第二章 附则

                **第二条** 本办法自公布之日起施行。

                """)
        regulation = regulation.replacingOccurrences(
            of: "effective: 2022-08-01", with: "effective: 2022-08-01\nkeywords: [小作坊, 登记]\nindex_no: 113300000/2022-00001\ntopics: [食品安全]")
        let interpretation = FrontMatter([
            "title": "《管理办法》解读", "form": "text", "published": "2022-06-28",
        ]).document(body: "## 主要内容\n\n第一条之一是新增的；第二条规定施行日期；《中华人民共和国食品安全法》第二条另有规定；第九条不存在。\n")
        return RenderFixture([
            "site.yml": site, "regulations/2022-workshops/index.md": regulation,
            "regulations/2022-workshops/解读.md": interpretation,
        ])
    }

    func testMetadataTableUsesGovLabelsInOrderWithStatusRow() throws {
        let page = try XCTUnwrap(try fixture().render()["d/2022-workshops/index.html"]?.text)
        let labels = page.matches(of: /<th scope="row">([^<]+)<\/th>/).map { String($0.1) }
        XCTAssertEqual(
            Array(labels.prefix(10)),
            ["索引号", "主题分类", "发文机关", "成文日期", "令号", "发布日期", "施行日期", "时效性", "公开方式", "关键词"])
        XCTAssertTrue(page.contains("<th scope=\"row\">令号</th><td>示例省人民政府令第236号</td>"))
        let normative = try XCTUnwrap(try fixture().render()["d/2024-new-rules/index.html"]?.text)
        XCTAssertTrue(normative.contains("<th scope=\"row\">发文字号</th><td>示市监规〔2024〕2号</td>"))
        XCTAssertTrue(normative.contains("<th scope=\"row\">有效期至</th>"))
    }

    func testFooterCarriesSiteIdentificationEscapedAndLinked() throws {
        let site = try fixture().render()
        for path in ["index.html", "normative/index.html", "d/2022-workshops/index.html", "search/index.html"] {
            let page = try XCTUnwrap(site[path]?.text, path)
            XCTAssertTrue(page.contains("<li>主办单位：示例省市场监督管理局&lt;b&gt;</li>"), path)
            XCTAssertTrue(page.contains("<li>网站标识码：3300000001</li>"), path)
            XCTAssertTrue(page.contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">示ICP备12345678号-1</a>"), path)
            XCTAssertTrue(
                page.contains("<a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=33010602001234\" rel=\"noopener\">示公网安备 33010602001234号</a>"),
                path)
            XCTAssertTrue(page.contains("<li>联系电话：0571-12315</li>"), path)
            XCTAssertFalse(page.contains("<b>"), path)
        }
    }

    /// Without `website`, the footer names the issuer as 主办单位 and shows no registration.
    func testFooterWithoutWebsiteFallsBackToIssuer() throws {
        let page = try XCTUnwrap(try fixture(website: false).render()["index.html"]?.text)
        XCTAssertTrue(page.contains("<li>主办单位：示例省市场监督管理局</li>"))
        XCTAssertFalse(page.contains("网站标识码"))
        XCTAssertFalse(page.contains("beian"))
        XCTAssertFalse(page.contains("name=\"SiteIDCode\""))
        XCTAssertTrue(page.contains("<meta name=\"SiteDomain\" content=\"example.org\">"))
    }

    private func metaTags(_ page: String) -> [String: String] {
        Dictionary(
            page.matches(of: /<meta name="([A-Za-z]+)" content="([^"]*)">/).map { (String($0.1), String($0.2)) },
            uniquingKeysWith: { a, _ in a })
    }

    func testGovernmentMetaTagsOnEveryPageKindArticleTagsOnlyOnArticles() throws {
        let site = try fixture().render()
        let document = metaTags(try XCTUnwrap(site["d/2022-workshops/index.html"]?.text))
        XCTAssertEqual(document["SiteName"], "测试政策文件库")
        XCTAssertEqual(document["SiteDomain"], "example.org")
        XCTAssertEqual(document["SiteIDCode"], "3300000001")
        XCTAssertEqual(document["ColumnName"], "规章库")
        XCTAssertEqual(document["ColumnType"], "政策文件")
        XCTAssertEqual(document["ArticleTitle"], "示例省食品小作坊管理办法")
        XCTAssertEqual(document["PubDate"], "2022-06-28")
        XCTAssertEqual(document["ContentSource"], "示例省人民政府")
        XCTAssertEqual(document["Keywords"], "小作坊,登记")
        XCTAssertTrue(document["Description"]?.hasPrefix("《示例省食品小作坊管理办法》（示例省人民政府令第236号）") == true)

        let interpretation = metaTags(try XCTUnwrap(site["d/2022-workshops/解读/index.html"]?.text))
        XCTAssertEqual(interpretation["ColumnName"], "政策解读")
        XCTAssertEqual(interpretation["ColumnType"], "政策解读")
        XCTAssertEqual(interpretation["ArticleTitle"], "《管理办法》解读")
        XCTAssertEqual(interpretation["ContentSource"], "示例省市场监督管理局<b>".replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))

        for path in ["index.html", "normative/index.html", "search/index.html", "cleanup/index.html", "interpretations/index.html"] {
            let tags = metaTags(try XCTUnwrap(site[path]?.text, path))
            for name in ["SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnType", "Keywords", "Description"] {
                XCTAssertNotNil(tags[name], "\(path): \(name)")
            }
            for name in ["ArticleTitle", "PubDate", "ContentSource"] { XCTAssertNil(tags[name], "\(path): \(name)") }
        }
        XCTAssertEqual(metaTags(site["index.html"]!.text!)["ColumnType"], "首页")
        XCTAssertEqual(metaTags(site["normative/index.html"]!.text!)["ColumnName"], "规范性文件库")
    }

    /// The repealed document's notice names the document that repealed it and, apart from it,
    /// the cleanup batch that announced the repeal.
    func testRepealedNoticeNamesRepealingDocumentApartFromCleanupBatch() throws {
        let fixture = fixture()
        let site = try fixture.render()
        let checked = try Pipeline.check(content: fixture.content, displayRoot: "content")
        let library = checked.library
        let notice = try XCTUnwrap(library.statusNotice(of: library.document("2022-old-rules")!, at: RenderFixture.asOf))
        XCTAssertEqual(notice.status, .repealed)
        XCTAssertEqual(notice.endedBy?.id, "2024-new-rules")
        XCTAssertEqual(notice.announcedBy?.id, "2025-batch")
        XCTAssertNil(notice.currentVersion)
        XCTAssertNil(library.statusNotice(of: library.document("2024-new-rules")!, at: RenderFixture.asOf))

        let page = try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text)
        XCTAssertTrue(page.contains("<li><a href=\"../2024-new-rules/\">废止文件：《经营者价格行为合规指引》（示市监规〔2024〕2号）</a></li>"))
        XCTAssertTrue(page.contains("<li><a href=\"../../cleanup/2025-batch/\">公布废止的清理结果：《2025年度清理结果》</a></li>"))
        XCTAssertTrue(page.contains("本文件自2024年7月1日起已废止，仅供查阅。请以现行文件为准。"))
    }

    /// An amended regulation links to the version in force, which revised it.
    func testAmendedNoticeLinksToVersionInForce() throws {
        let fixture = fixture()
        let site = try fixture.render()
        let library = try Pipeline.check(content: fixture.content, displayRoot: "content").library
        let notice = try XCTUnwrap(library.statusNotice(of: library.document("2019-workshops")!, at: RenderFixture.asOf))
        XCTAssertEqual(notice.status, .superseded)
        XCTAssertEqual(notice.currentVersion?.id, "2022-workshops")
        XCTAssertEqual(notice.endedBy?.id, "2022-workshops")
        let page = try XCTUnwrap(site["d/2019-workshops/index.html"]?.text)
        XCTAssertTrue(page.contains("<li><a href=\"../2022-workshops/\">修订文件（现行版本）：《示例省食品小作坊管理办法》（示例省人民政府令第236号）</a></li>"))
    }

    /// `normative/` opens on 现行有效; everything is at `normative/all/`; per-status pages stay.
    func testLibraryOpensOnInForce() throws {
        let site = try fixture().render()
        let landing = try XCTUnwrap(site["normative/index.html"]?.text)
        XCTAssertTrue(landing.contains("href=\"../d/2024-new-rules/\""))
        XCTAssertFalse(landing.contains("href=\"../d/2022-old-rules/\""), "a repealed document is not on the landing list")
        XCTAssertTrue(landing.contains("<li data-status=\"in-force\"><a href=\"./\" aria-current=\"page\">现行有效"))
        XCTAssertTrue(landing.contains("<li><a href=\"all/\">全部"))
        XCTAssertTrue(landing.contains("<li data-status=\"repealed\"><a href=\"repealed/\">已废止"))
        let all = try XCTUnwrap(site["normative/all/index.html"]?.text)
        XCTAssertTrue(all.contains("href=\"../../d/2022-old-rules/\"") && all.contains("href=\"../../d/2024-new-rules/\""))
        XCTAssertTrue(all.contains("<a href=\"./\" aria-current=\"page\">全部"))
        let inForce = try XCTUnwrap(site["normative/in-force/index.html"]?.text)
        XCTAssertTrue(inForce.contains("<a href=\"../\" aria-current=\"true\">现行有效"))
        XCTAssertNotNil(site["normative/repealed/index.html"])
    }

    func testLongTextHasTableOfContentsAnchorsAndLinkedReferences() throws {
        let site = try fixture().render()
        let page = try XCTUnwrap(site["d/2022-workshops/index.html"]?.text)
        XCTAssertTrue(page.contains("<h2 id=\"toc-heading\">目录</h2>"))
        XCTAssertTrue(page.contains("<li><a href=\"#ch-1\">第一章 总则</a></li>"))
        XCTAssertTrue(page.contains("<li><a href=\"#ch-2\">第二章 附则</a></li>"))
        XCTAssertTrue(page.contains("<div class=\"chapter\" id=\"ch-2\">"))
        XCTAssertTrue(page.contains("<div class=\"article\" id=\"art-1-1\">"))
        XCTAssertTrue(
            page.contains(
                "<p><a class=\"article-link\" href=\"#art-2\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">第二条的链接</span></a><strong>第二条</strong>"
            ))
        // A one-chapter text gets no table of contents, but its articles still get anchors.
        let old = try XCTUnwrap(site["d/2019-workshops/index.html"]?.text)
        XCTAssertFalse(old.contains("toc-heading"))
        XCTAssertTrue(old.contains("<div class=\"article\" id=\"art-1\">"))

        let interpretation = try XCTUnwrap(site["d/2022-workshops/解读/index.html"]?.text)
        XCTAssertTrue(interpretation.contains("<a href=\"../#art-1-1\">第一条之一</a>是新增的"))
        XCTAssertTrue(interpretation.contains("<a href=\"../#art-2\">第二条</a>规定施行日期"))
        XCTAssertTrue(interpretation.contains("《中华人民共和国食品安全法》第二条另有规定"))
        XCTAssertTrue(interpretation.contains("第九条不存在"))
    }

    /// Each 新旧对照 row links to the article on both documents' pages.
    func testComparisonLinksRowsToBothTextsArticles() throws {
        let site = try fixture().render()
        let compare = try XCTUnwrap(site["d/2022-workshops/compare/2019-workshops/index.html"]?.text)
        XCTAssertTrue(compare.contains("<a href=\"../../../2019-workshops/#art-1\">原文件 第一条</a>"))
        XCTAssertTrue(compare.contains("<a href=\"../../#art-1\">新文件 第一条</a>"))
        XCTAssertTrue(compare.contains("<a href=\"../../#art-1-1\">新文件 第一条之一</a>"))
    }
}

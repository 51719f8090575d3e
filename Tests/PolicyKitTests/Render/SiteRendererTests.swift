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

final class RenderSiteTests: XCTestCase {
    func testEveryPageAndFileIsGenerated() throws {
        let site = try RenderFixture().render()
        for path in [
            "index.html", "regulations/index.html", "normative/index.html", "policies/index.html",
            "normative/in-force/index.html", "normative/repealed/index.html", "regulations/superseded/index.html",
            "d/2022-old-rules/index.html", "d/2022-old-rules/解读/index.html", "d/2024-plan/视频/index.html",
            "cleanup/index.html", "cleanup/2025-batch/index.html", "search/index.html",
            "feed.xml", "sitemap.xml", "robots.txt", "opensearch.xml", "documents.json", "assets/style.css",
            "d/2022-old-rules/图.png", "d/2022-old-rules/正式版本.pdf", "d/2024-plan/视频.mp4", "d/2024-plan/字幕.vtt",
        ] {
            XCTAssertNotNil(site[path], "missing \(path)")
        }
        // Only referenced bundle files are published, never the Markdown sources.
        XCTAssertNil(site["d/2022-old-rules/草稿.docx"])
        XCTAssertFalse(site.keys.contains { $0.hasSuffix(".md") })
    }

    func testContentIsEscapedAndRawHTMLDropped() throws {
        let page = try XCTUnwrap(RenderFixture().render()["d/2022-old-rules/index.html"]?.text)
        XCTAssertTrue(page.contains("关于&lt;script&gt;alert(1)&lt;/script&gt;的实施细则"))
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertFalse(page.contains("alert(\"raw\")"))
        let transcript = try XCTUnwrap(RenderFixture().render()["d/2024-plan/视频/index.html"]?.text)
        XCTAssertTrue(transcript.contains("主持人：&lt;b&gt;大家好&lt;/b&gt;"))
    }

    func testStatusBadgesCarryTextAndTheCurrentVersionIsLinked() throws {
        let site = try RenderFixture().render()
        let old = try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text)
        XCTAssertTrue(old.contains("<span class=\"badge badge-repealed\">已废止</span>"))
        XCTAssertTrue(old.contains("2024-07-01 · 被《经营者价格行为合规指引》废止"))
        XCTAssertTrue(old.contains("href=\"../2024-new-rules/\">废止文件：《经营者价格行为合规指引》（示市监规〔2024〕2号）</a>"))
        let superseded = try XCTUnwrap(site["d/2019-workshops/index.html"]?.text)
        XCTAssertTrue(superseded.contains("badge-superseded\">已修改</span>"))
        XCTAssertTrue(superseded.contains("href=\"../2022-workshops/\">修订文件（现行版本）："))
        let listing = try XCTUnwrap(site["normative/all/index.html"]?.text)
        let newer = try XCTUnwrap(listing.range(of: "经营者价格行为合规指引"))
        let repealed = try XCTUnwrap(listing.range(of: "实施细则"))
        XCTAssertLessThan(newer.lowerBound, repealed.lowerBound, "in-force documents come first")
        let filtered = try XCTUnwrap(site["normative/repealed/index.html"]?.text)
        XCTAssertTrue(filtered.contains("实施细则"))
        XCTAssertFalse(filtered.contains("经营者价格行为合规指引</a>"))
    }

    func testRegulationHeadnoteAndVersionChain() throws {
        let page = try XCTUnwrap(RenderFixture().render()["d/2022-workshops/index.html"]?.text)
        // Dated by the orders (signed), the re-issue without 根据, no 施行 clause: as official texts print it.
        XCTAssertTrue(page.contains("（2019年4月20日示例省人民政府令第203号公布　2022年6月20日示例省人民政府令第236号修订）"))
        XCTAssertTrue(page.contains("<span>上一版本</span>"))
        XCTAssertTrue(page.contains("<span>本件</span>"))
    }

    func testBodyLinksAreRewrittenAndHeadingsNest() throws {
        let site = try RenderFixture().render()
        let doc = try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text)
        XCTAssertTrue(doc.contains("<a href=\"../2024-new-rules/\">新指引</a>"))
        XCTAssertTrue(doc.contains("<a href=\"%E8%A7%A3%E8%AF%BB/\">本件解读</a>"))
        XCTAssertTrue(doc.contains("<img src=\"%E5%9B%BE.png\" alt=\"价签样式\""))
        XCTAssertTrue(doc.contains("<h3>总则</h3>"), "a body's # heading sits under the page's 正文 h2")
        XCTAssertTrue(doc.contains("<div class=\"table-scroll\""))
        let interpretation = try XCTUnwrap(site["d/2022-old-rules/解读/index.html"]?.text)
        XCTAssertTrue(interpretation.contains("<a href=\"../\">原文</a>"))
        XCTAssertTrue(interpretation.contains("<a href=\"../../2024-new-rules/\">新指引</a>"))
    }

    func testVideoHasCaptionsAndTranscript() throws {
        let page = try XCTUnwrap(RenderFixture().render()["d/2024-plan/视频/index.html"]?.text)
        XCTAssertTrue(page.contains("<video controls"))
        XCTAssertTrue(page.contains("<track kind=\"captions\" srclang=\"zh\" label=\"中文字幕\" src=\"../%E5%AD%97%E5%B9%95.vtt\" default>"))
        XCTAssertTrue(page.contains("<span class=\"line\">嘉宾：您好</span>"))
    }

    /// An audio interpretation gets a player and its transcript on the page, escaped, and
    /// the form's Chinese label.
    func testAudioHasPlayerAndTranscript() throws {
        let fixture = RenderFixture([
            "policies/2024-plan/音频.md": """
            ---
            title: 音频解读：质量提升行动
            form: 音频
            published: 2024-03-05
            media: { file: 音频.mp3, transcript: 文稿.txt }
            ---

            音频要点。

            """
        ])
        fixture.binaries["policies/2024-plan/音频.mp3"] = Data([0x49, 0x44, 0x33])
        let page = try XCTUnwrap(fixture.render()["d/2024-plan/音频/index.html"]?.text)
        XCTAssertTrue(page.contains("政策解读 · 音频解读"))
        XCTAssertTrue(page.contains("<audio controls preload=\"metadata\" src=\"../%E9%9F%B3%E9%A2%91.mp3\">"))
        XCTAssertTrue(page.contains("<h2 id=\"transcript-heading\">音频文字实录</h2>"))
        XCTAssertTrue(page.contains("<span class=\"line\">主持人：&lt;b&gt;大家好&lt;/b&gt;</span>"))
        XCTAssertFalse(page.contains("<video"))
    }

    /// Amendments by decision are listed on the page and enter the headnote.
    func testAmendmentsShownOnPage() throws {
        let fixture = RenderFixture()
        fixture.files["regulations/2022-workshops/index.md"] = fixture.files["regulations/2022-workshops/index.md"]!
            .replacingOccurrences(
                of: "supersedes: 2019-workshops",
                with: """
                    supersedes: 2019-workshops
                    amended_by:
                      - { date: 2024-05-10, number: 示例省人民政府令第250号, title: 示例省人民政府关于修改《示例省食品小作坊管理办法》的决定 }
                    """)
        let page = try XCTUnwrap(fixture.render()["d/2022-workshops/index.html"]?.text)
        XCTAssertTrue(
            page.contains(
                "<th scope=\"row\">修正记录</th><td><ul class=\"amendments\"><li><time datetime=\"2024-05-10\">2024年5月10日</time> 示例省人民政府令第250号《示例省人民政府关于修改〈示例省食品小作坊管理办法〉的决定》</li></ul></td>"
            ))
        XCTAssertTrue(page.contains("（2019年4月20日示例省人民政府令第203号公布　2022年6月20日示例省人民政府令第236号修订　根据2024年5月10日示例省人民政府令第250号《示例省人民政府关于修改〈示例省食品小作坊管理办法〉的决定》修正）"))
    }

    func testEveryPageIsAccessibleAndEveryRelativeLinkResolves() throws {
        let site = try RenderFixture().render()
        for (path, file) in site where path.hasSuffix(".html") {
            let html = try XCTUnwrap(file.text)
            XCTAssertTrue(html.hasPrefix("<!doctype html>"), path)
            XCTAssertTrue(html.contains("<html lang=\"zh-CN\" id=\"elder-mode\">"), path)
            XCTAssertTrue(html.contains("<meta name=\"viewport\""), path)
            XCTAssertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"), path)
            XCTAssertTrue(html.contains("<main id=\"main\""), path)
            XCTAssertTrue(html.contains("时效性计算日期：<time class=\"status-date\" datetime=\"2026-11-29\">"), path)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(path): one h1")
            XCTAssertFalse(html.contains(" style="), "\(path): inline style")
            XCTAssertFalse(html.contains("<script>"), "\(path): inline script")
            var level = 1
            for match in html.matches(of: /<h([1-6])[ >]/) {
                let next = Int(match.1)!
                XCTAssertLessThanOrEqual(next, level + 1, "\(path): heading h\(level) → h\(next)")
                level = next
            }
            for match in html.matches(of: /(?:href|src|poster|action)="([^"]*)"/) {
                let url = String(match.1)
                if url.hasPrefix("#") || url.contains("://") || url.hasPrefix("mailto:") { continue }
                XCTAssertFalse(url.hasPrefix("/"), "\(path): absolute link \(url)")
                let target = resolve(url, from: path)
                XCTAssertNotNil(site[target], "\(path): \(url) → \(target) is not generated")
            }
        }
    }

    /// 长者模式: every page links to itself in the mode (#elder-mode, the <html> id) and back
    /// (#top, the header), and loads the script that remembers the choice; the print-only
    /// line gives the page's absolute address readably while the canonical link stays encoded.
    func testEveryPageHasTheElderModeSwitchAndPrintsItsReadableAddress() throws {
        let site = try RenderFixture().render()
        for (path, file) in site where path.hasSuffix(".html") {
            let html = try XCTUnwrap(file.text)
            XCTAssertTrue(html.contains("<a class=\"mode-on\" href=\"#elder-mode\" data-mode=\"on\">长者模式</a>"), path)
            XCTAssertTrue(html.contains("<a class=\"mode-off\" href=\"#top\" data-mode=\"off\">退出长者模式</a>"), path)
            XCTAssertTrue(html.contains("<header class=\"site-header\" id=\"top\">"), path)
            let script = try XCTUnwrap(html.firstMatch(of: /<script src="([^"]*mode\.js)"><\/script>/), path)
            XCTAssertEqual(resolve(String(script.1), from: path), "assets/mode.js", path)
        }
        let interpretation = try XCTUnwrap(site["d/2022-old-rules/解读/index.html"]?.text)
        XCTAssertTrue(interpretation.contains("<p class=\"print-only\">本页网址：https://example.org/zcwj/d/2022-old-rules/解读/</p>"))
        XCTAssertTrue(
            interpretation.contains("<link rel=\"canonical\" href=\"https://example.org/zcwj/d/2022-old-rules/%E8%A7%A3%E8%AF%BB/\">"))
        let list = try XCTUnwrap(site["normative/index.html"]?.text)
        XCTAssertTrue(list.contains("<td role=\"cell\" data-label=\"时效性\"><span class=\"badge"))
    }

    func testOpenDataFeedAndSitemap() throws {
        let site = try RenderFixture().render()
        let data = try XCTUnwrap(site["documents.json"]?.text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual(json["generated_as_of"] as? String, "2026-11-29")
        let documents = try XCTUnwrap(json["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["id"] as? String }, ["2019-workshops", "2022-old-rules", "2022-workshops", "2024-new-rules", "2024-plan"])
        let old = documents[1]
        XCTAssertEqual(old["status"] as? String, "repealed")
        XCTAssertEqual(old["url"] as? String, "https://example.org/zcwj/d/2022-old-rules/")
        XCTAssertTrue(old["number"] is String)
        XCTAssertTrue(documents[4]["number"] is NSNull, "absent values are null, not missing")
        let feed = try XCTUnwrap(site["feed.xml"]?.text)
        XCTAssertTrue(feed.contains("<id>https://example.org/zcwj/d/2024-plan/%E8%A7%86%E9%A2%91/</id>"))
        XCTAssertTrue(feed.contains("<title>关于&lt;script&gt;alert(1)&lt;/script&gt;的实施细则</title>"))
        XCTAssertTrue(feed.contains("<updated>2024-06-03T00:00:00+08:00</updated>"))
        XCTAssertTrue(try XCTUnwrap(site["sitemap.xml"]?.text).contains("<loc>https://example.org/zcwj/cleanup/2025-batch/</loc>"))
        XCTAssertEqual(site["robots.txt"]?.text, "User-agent: *\nAllow: /\n\nSitemap: https://example.org/zcwj/sitemap.xml\n")
    }

    /// The OpenSearch description's search template is the search page's shareable address
    /// under base_url, its text escaped; every page's head links it, relative to the page.
    func testOpenSearchDescriptionIsLinkedFromEveryPage() throws {
        let fixture = RenderFixture()
        fixture.files["site.yml"] = fixture.files["site.yml"]!.replacingOccurrences(
            of: "title: ", with: "title: <示例> & 市场监督管理局政策文件库 ")
        let site = try fixture.render()
        let xml = try XCTUnwrap(site["opensearch.xml"]?.text)
        XCTAssertTrue(xml.contains("<Url type=\"text/html\" method=\"get\" template=\"https://example.org/zcwj/search/?q={searchTerms}\"/>"), xml)
        XCTAssertTrue(xml.contains("<ShortName>&lt;示例&gt; &amp; 市场监督管理局政策</ShortName>"), "16 characters, escaped: \(xml)")
        XCTAssertTrue(xml.contains("template=\"https://example.org/zcwj/opensearch.xml\""))
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">"))
        let link = "<link rel=\"search\" type=\"application/opensearchdescription+xml\""
        XCTAssertTrue(try XCTUnwrap(site["index.html"]?.text).contains(link + " title=\"&lt;示例&gt; &amp; 市场监督管理局政策文件库"))
        XCTAssertTrue(try XCTUnwrap(site["index.html"]?.text).contains("href=\"opensearch.xml\">"))
        XCTAssertTrue(try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text).contains("href=\"../../opensearch.xml\">"))
        for (path, file) in site where path.hasSuffix(".html") {
            XCTAssertTrue(file.text?.contains(link) ?? false, path)
        }
    }

    func testOutputIsDeterministic() throws {
        let fixture = RenderFixture()
        let first = try fixture.render(), second = try fixture.render()
        XCTAssertEqual(first.keys.sorted(), second.keys.sorted())
        for (path, file) in first { XCTAssertEqual(file.text, second[path]?.text, path) }
    }

    func testThemeOverridesReplaceFilesByName() throws {
        let fixture = RenderFixture()
        let theme = try fixture.theme([
            "templates/badge.mustache": "<b class=\"my-badge\">{{text}}</b>",
            "assets/search.js": "// search",
            "assets/style.css": "body{}",
        ])
        let site = try fixture.render(theme: theme)
        XCTAssertTrue(try XCTUnwrap(site["d/2022-old-rules/index.html"]?.text).contains("<b class=\"my-badge\">已废止</b>"))
        XCTAssertEqual(site["assets/style.css"]?.text, "body{}")
        let search = try XCTUnwrap(site["search/index.html"]?.text)
        XCTAssertTrue(search.contains("<script type=\"module\" src=\"../assets/search.js\"></script>"))
        XCTAssertTrue(search.contains("<div id=\"search-results\" aria-live=\"polite\"></div>"))
        // Without an override the script is there exactly when the built-in theme ships one.
        XCTAssertEqual(
            try XCTUnwrap(RenderFixture().render()["search/index.html"]?.text).contains("search.js"),
            try Theme(overrides: nil).hasAsset("search.js"))
    }

    /// The search page preloads every module search.js imports, directly or not, so the
    /// browser fetches them side by side: the list in SiteContext follows the imports.
    func testSearchPagePreloadsEveryModuleSearchJSImports() throws {
        let theme = try Theme(overrides: nil)
        var imported: Set<String> = []
        var queue = ["search.js"]
        while let name = queue.popLast() {
            let source = String(decoding: try XCTUnwrap(theme.assets[name], name), as: UTF8.self)
            for line in source.split(separator: "\n") where line.hasPrefix("import ") {
                guard let from = line.range(of: "from './"), let end = line[from.upperBound...].firstIndex(of: "'") else { continue }
                let module = String(line[from.upperBound..<end])
                if imported.insert(module).inserted { queue.append(module) }
            }
        }
        XCTAssertEqual(imported, ["status.js", "tokenize.js", "decode.js", "match.js", "query.js"])
        let site = try RenderFixture().render()
        let search = try XCTUnwrap(site["search/index.html"]?.text)
        for module in imported {
            XCTAssertTrue(search.contains("<link rel=\"modulepreload\" href=\"../assets/\(module)\">"), module)
            XCTAssertNotNil(site["assets/\(module)"], module)
        }
        XCTAssertFalse(try XCTUnwrap(site["index.html"]?.text).contains("modulepreload"), "only the search page runs the query code")
    }

    func testBrokenTemplateIsAThemeErrorNamingTheFile() throws {
        let fixture = RenderFixture()
        let theme = try fixture.theme(["templates/document.mustache": "{{#title}}unclosed"])
        XCTAssertThrowsError(try Theme(overrides: ThemeFolder(reading: theme))) { error in
            guard case PolicyError.themeFailed(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("document.mustache"), message)
        }
    }

    func testTemplateSyntaxErrorIsExplainedInChinese() throws {
        let fixture = RenderFixture()
        let theme = try fixture.theme(["templates/badge.mustache": "<b>{{text</b>"])
        XCTAssertThrowsError(try Theme(overrides: ThemeFolder(reading: theme))) { error in
            guard case PolicyError.themeFailed(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("badge.mustache 第1行"), message)
            XCTAssertTrue(message.contains("标签没有正确结束"), message)
            XCTAssertFalse(message.contains("unfinishedName"), message)
        }
    }

    func testAPartialThatIncludesItselfIsAThemeErrorNotACrash() throws {
        // Directly, and through another partial: rendering either overflowed the stack.
        for overrides in [
            ["templates/badge.mustache": "<b>{{> badge}}</b>"],
            ["templates/badge.mustache": "{{#text}}{{> loop}}{{/text}}", "templates/loop.mustache": "{{>badge}}"],
        ] {
            let fixture = RenderFixture()
            let theme = try fixture.theme(overrides)
            XCTAssertThrowsError(try Theme(overrides: ThemeFolder(reading: theme))) { error in
                guard case PolicyError.themeFailed(let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("badge.mustache"), message)
                XCTAssertTrue(message.contains("包含了自己") && message.contains("badge → "), message)
            }
        }
        XCTAssertNil(Theme.partialCycle(in: ["a": "{{> b}}{{> c}}", "b": "{{> c}}", "c": "x"]))
    }

    /// A relative href from the page at `path` (`d/x/index.html`) as an output path.
    private func resolve(_ url: String, from path: String) -> String {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        let clean = String(url.prefix { $0 != "?" && $0 != "#" })
        for part in clean.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case ".", "": continue
            case "..": _ = parts.popLast()
            default: parts.append(part.removingPercentEncoding ?? part)
            }
        }
        let joined = parts.joined(separator: "/")
        return clean.isEmpty || clean.hasSuffix("/") ? (joined.isEmpty ? "" : joined + "/") + "index.html" : joined
    }
}

import Foundation
import XCTest
@testable import PolicyServe
@testable import PolicyCore
@testable import PolicyKit
@testable import PolicyCheck

/// The pieces of `policy serve` that need no socket: the reload tag, the error page and
/// the mapping of request paths to files. e2e/cli/test_serve.py drives the real server.
final class PreviewTests: XCTestCase {
    func testReloadTagGoesBeforeHeadEnd() {
        let html = "<!doctype html><html><head><title>x</title></head><body>b</body></html>"
        let out = LiveReload.inject(into: html, generation: 7)
        XCTAssertTrue(out.contains("<script src=\"/__policy/reload.js\" data-generation=\"7\" defer></script>\n</head>"), out)
        XCTAssertEqual(out.components(separatedBy: "reload.js").count, 2)
        XCTAssertTrue(LiveReload.inject(into: "<p>no head</p></BODY>", generation: 1).contains("defer></script>\n</BODY>"))
        XCTAssertTrue(LiveReload.inject(into: "plain", generation: 1).hasSuffix("defer></script>\n"))
    }

    func testScriptIsExternalAndPollsEvents() {
        XCTAssertTrue(LiveReload.script.contains("/__policy/events?since="))
        XCTAssertTrue(LiveReload.script.contains("location.reload()"))
        XCTAssertFalse(LiveReload.script.contains("<script"))
    }

    func testErrorPageListsEscapedDiagnostics() {
        let d = Diagnostic(
            InterpretationIsPresent.descriptor, at: SourceLocation(file: "content/normative/a&b/index.md", line: 3, column: 5),
            "《<script>alert(1)</script>》没有解读。", fix: "添加 \"解读.md\"")
        let html = ErrorPage.html(diagnostics: [d], generation: 4)
        XCTAssertTrue(html.contains("<title>内容有错误，修正后自动刷新</title>"))
        XCTAssertTrue(html.contains("content/normative/a&amp;b/index.md:3:5"))
        XCTAssertTrue(html.contains("PI001 interpretation-required"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertTrue(html.contains("修改方法：添加 &quot;解读.md&quot;"))
        XCTAssertTrue(html.contains("data-generation=\"4\""))
        XCTAssertTrue(html.contains("1 个错误、0 个警告"))
    }

    func testSiteFilesStayInsideTheSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-serve-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("d/x/解读")
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
        try Data("<p>x</p>".utf8).write(to: page.appendingPathComponent("index.html"))
        try Data("a".utf8).write(to: root.appendingPathComponent("style.css"))
        try Data("secret".utf8).write(to: root.appendingPathComponent(".hidden"))
        let files = SiteFiles(root: root)
        XCTAssertEqual(files.resolve("/d/x/%E8%A7%A3%E8%AF%BB/"), .file(page.appendingPathComponent("index.html")))
        XCTAssertEqual(files.resolve("/d/x/%E8%A7%A3%E8%AF%BB"), .redirect("/d/x/%E8%A7%A3%E8%AF%BB/"))
        XCTAssertEqual(files.resolve("/style.css"), .file(root.appendingPathComponent("style.css")))
        XCTAssertEqual(files.resolve("/.hidden"), .notFound)
        XCTAssertEqual(files.resolve("/d/%2e%2e/%2e%2e/etc/passwd"), .notFound)
        XCTAssertEqual(files.resolve("/d/../../etc/passwd"), .notFound)
        XCTAssertEqual(files.resolve("/nope/"), .notFound)
        XCTAssertEqual(files.resolve("/d/"), .notFound)  // a folder without index.html
    }

    func testWhatCountsAsAPage() {
        for path in ["/", "/d/x/", "/d/x/index.html", "/d/x/%E8%A7%A3%E8%AF%BB"] { XCTAssertTrue(SiteFiles.isPage(path), path) }
        for path in ["/assets/style.css", "/feed.xml", "/d/x/正式版本.pdf"] { XCTAssertFalse(SiteFiles.isPage(path), path) }
        XCTAssertEqual(SiteFiles.contentType(of: URL(fileURLWithPath: "/a/b.HTML")), "text/html; charset=utf-8")
    }

    func testWatcherSeesEditsAndNewFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-watch-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("index.md")
        try Data("a".utf8).write(to: file)
        let watcher = FolderWatcher(folders: [root, root.appendingPathComponent("missing")]) {}
        let first = watcher.listing()
        XCTAssertEqual(first.count, 1)
        try Data("ab".utf8).write(to: file)
        XCTAssertNotEqual(watcher.listing(), first)
        let second = watcher.listing()
        try Data("x".utf8).write(to: root.appendingPathComponent(".swp"))  // hidden: ignored
        XCTAssertEqual(watcher.listing(), second)
        try Data("x".utf8).write(to: root.appendingPathComponent("new.md"))
        XCTAssertEqual(watcher.listing().count, 2)
    }

    func testHostMustBeAnAddress() {
        XCTAssertNoThrow(try PreviewServer.validate(host: "127.0.0.1"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "localhost"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "::1"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "[::1]"))
        XCTAssertThrowsError(try PreviewServer.validate(host: "example.gov.cn"))
    }
}

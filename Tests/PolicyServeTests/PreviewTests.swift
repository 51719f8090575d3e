import Foundation
import XCTest
@testable import PolicyServe
@testable import PolicyCore
@testable import PolicyKit
@testable import PolicyCheck
@testable import PolicyLoad
@testable import PolicyWrite

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
        let site: [String: OutputFile] = [
            "d/x/解读/index.html": .text("d/x/解读/index.html", "<p>x</p>"), "style.css": .text("style.css", "a"),
            ".hidden": .text(".hidden", "secret"),
        ]
        var asked: [String] = []
        let files = SiteFiles { path in
            asked.append(path)
            return site[path]
        }
        func path(_ request: String) throws -> String? {
            if case .file(let path, _) = try files.resolve(request) { return path }
            return nil
        }
        XCTAssertEqual(try path("/d/x/%E8%A7%A3%E8%AF%BB/"), "d/x/解读/index.html")
        guard case .redirect("/d/x/%E8%A7%A3%E8%AF%BB/") = try files.resolve("/d/x/%E8%A7%A3%E8%AF%BB") else {
            return XCTFail("a folder without its slash is redirected")
        }
        XCTAssertEqual(try path("/style.css"), "style.css")
        asked = []
        for hostile in ["/.hidden", "/d/%2e%2e/%2e%2e/etc/passwd", "/d/../../etc/passwd"] {
            guard case .notFound = try files.resolve(hostile) else { return XCTFail(hostile) }
        }
        XCTAssertEqual(asked, [], "hidden and parent components are refused before any lookup")
        guard case .notFound = try files.resolve("/nope/"), case .notFound = try files.resolve("/d/") else {
            return XCTFail("a folder without index.html is not found")
        }
    }

    func testWhatCountsAsAPage() {
        for path in ["/", "/d/x/", "/d/x/index.html", "/d/x/%E8%A7%A3%E8%AF%BB"] { XCTAssertTrue(SiteFiles.isPage(path), path) }
        for path in ["/assets/style.css", "/feed.xml", "/d/x/正式版本.pdf"] { XCTAssertFalse(SiteFiles.isPage(path), path) }
        XCTAssertEqual(SiteFiles.contentType(of: "a/b.HTML"), "text/html; charset=utf-8")
    }

    /// The watcher reports which files changed (a new folder's files included), skips hidden
    /// ones, and sees a missing folder appear.
    func testWatcherReportsChangedPaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-watch-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let theme = root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("normative/a"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: content.appendingPathComponent("normative/a/index.md"))
        let seen = Seen()
        let watcher = FolderWatcher(folders: [content, theme]) { seen.add($0) }
        watcher.start()
        defer { watcher.stop() }
        XCTAssertEqual(watcher.mechanism, "inotify")

        try Data("ab".utf8).write(to: content.appendingPathComponent("normative/a/index.md"))
        XCTAssertEqual(seen.wait(), [content.standardizedFileURL: ["normative/a/index.md"]])
        try Data("x".utf8).write(to: content.appendingPathComponent("normative/a/.index.md.swp"))
        try FileManager.default.createDirectory(at: content.appendingPathComponent("normative/b/附件"), withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.1)
        try Data("c".utf8).write(to: content.appendingPathComponent("normative/b/附件/表.txt"))
        let changed = seen.wait()[content.standardizedFileURL] ?? []
        XCTAssertTrue(changed.contains("normative/b/附件/表.txt"), "\(changed)")
        XCTAssertFalse(changed.contains { $0.contains(".swp") }, "\(changed)")

        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        XCTAssertNotNil(seen.wait()[theme.standardizedFileURL], "the theme folder appearing is a change")
    }

    func testHostMustBeAnAddress() {
        XCTAssertNoThrow(try PreviewServer.validate(host: "127.0.0.1"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "localhost"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "::1"))
        XCTAssertNoThrow(try PreviewServer.validate(host: "[::1]"))
        XCTAssertThrowsError(try PreviewServer.validate(host: "example.gov.cn"))
    }
}

/// Changes reported by a watcher, collected from its thread.
private final class Seen: @unchecked Sendable {
    private let condition = NSCondition()
    private var changes: [URL: Set<String>] = [:]

    func add(_ reported: [FolderWatcher.Change]) {
        condition.lock()
        for change in reported { changes[change.folder, default: []].formUnion(change.paths) }
        condition.broadcast()
        condition.unlock()
    }

    /// What was reported until now, waiting up to 5 s for something; then forgets it.
    func wait() -> [URL: Set<String>] {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: 5)
        while changes.isEmpty, condition.wait(until: deadline) {}
        // Let the rest of one save's events arrive.
        condition.unlock()
        Thread.sleep(forTimeInterval: 0.2)
        condition.lock()
        defer { changes = [:] }
        return changes
    }
}

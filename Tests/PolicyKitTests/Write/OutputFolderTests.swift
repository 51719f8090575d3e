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

/// `policy build --out` replaces the whole folder, so it accepts only a folder that does not
/// exist, an empty one, or a site this tool built — and refuses everything else untouched.
final class OutputFolderTests: XCTestCase {
    private var base: URL!
    private var content: URL!

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-out-\(UUID().uuidString)")
        content = base.appendingPathComponent("repo/content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: content.appendingPathComponent("site.yml"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private func verify(_ output: URL, home: String? = "/nonexistent-home") throws {
        try OutputFolder(output).verify(content: content, home: home)
    }

    private func assertRefused(
        _ output: URL, home: String? = "/nonexistent-home", _ reason: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try verify(output, home: home), file: file, line: line) { error in
            guard case PolicyError.outputRefused(let message) = error else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertTrue(message.contains(reason), message, file: file, line: line)
            XCTAssertTrue(message.contains("--out"), message, file: file, line: line)
        }
    }

    func testAcceptsAMissingAnEmptyAndAMarkedFolder() throws {
        try verify(base.appendingPathComponent("repo/site"))
        try verify(base.appendingPathComponent("new/deeper/site"))
        let empty = base.appendingPathComponent("repo/empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try verify(empty)
        let built = base.appendingPathComponent("repo/built")
        try FileManager.default.createDirectory(at: built, withIntermediateDirectories: true)
        try Data("<html>".utf8).write(to: built.appendingPathComponent("index.html"))
        try Data(OutputFolder.markerText.utf8).write(to: built.appendingPathComponent(OutputFolder.markerName))
        try verify(built)
    }

    func testASiteOfAnEarlierVersionIsKnownByItsLedger() throws {
        let old = base.appendingPathComponent("repo/site")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("<html>".utf8).write(to: old.appendingPathComponent("index.html"))
        assertRefused(old, "不是本工具生成的网站")
        // A ledger that names the folder's files vouches for it …
        let line = "index.html\t0123456789abcdef0123456789abcdef\t6\t1\t0\t\n"
        try Data(line.utf8).write(to: base.appendingPathComponent("repo/.site.files"))
        try verify(old)
        // … but not for a file it never wrote: after `rm -rf site`, the ledger stays beside a
        // new folder of somebody's files, which must not be replaced.
        try Data("precious".utf8).write(to: old.appendingPathComponent("thesis.txt"))
        assertRefused(old, "不是本工具生成的网站")
        // An empty or damaged ledger vouches for nothing.
        try FileManager.default.removeItem(at: old.appendingPathComponent("thesis.txt"))
        try Data().write(to: base.appendingPathComponent("repo/.site.files"))
        assertRefused(old, "不是本工具生成的网站")
    }

    /// A site folder under git (a deploy checkout) would lose its history with the swap.
    func testRefusesAFolderHoldingAGitRepository() throws {
        let site = base.appendingPathComponent("deploy")
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(OutputFolder.markerText.utf8).write(to: site.appendingPathComponent(OutputFolder.markerName))
        assertRefused(site, "git 仓库")
    }

    func testRefusesTheContentTheRepositoryAndWhatHoldsThem() throws {
        assertRefused(content, "内容目录本身")
        assertRefused(content.appendingPathComponent("site"), "内容目录之内")
        let repo = base.appendingPathComponent("repo")
        assertRefused(base, "包含内容目录")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        assertRefused(repo, "git 仓库的根目录")
        // Reached another way: a trailing dot or a symbolic link.
        assertRefused(URL(fileURLWithPath: content.path + "/."), "内容目录本身")
        let link = base.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: repo)
        assertRefused(link, "git 仓库的根目录")
    }

    func testRefusesHomeRootAFileAndAForeignFolder() throws {
        let home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        assertRefused(home, home: home.path, "用户主目录")
        assertRefused(base, home: home.path, "用户主目录")
        try verify(home.appendingPathComponent("site"), home: home.path)
        assertRefused(URL(fileURLWithPath: "/"), "根目录")
        let file = base.appendingPathComponent("repo/file.txt")
        try Data("keep".utf8).write(to: file)
        assertRefused(file, "是一个文件")
        let docs = base.appendingPathComponent("repo/mydocs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: docs.appendingPathComponent("notes.txt"))
        assertRefused(docs, OutputFolder.markerName)
    }

    func testEveryBuiltSiteCarriesTheMarkerAndIsReplacedAgain() throws {
        let site = base.appendingPathComponent("repo/site")
        try SiteWriter(output: site).write([.text("index.html", "一")])
        XCTAssertEqual(
            try String(contentsOf: site.appendingPathComponent(OutputFolder.markerName), encoding: .utf8),
            OutputFolder.markerText)
        try verify(site)
    }

    func testCopyAndFolderFailuresAreChineseAndNameTheFile() throws {
        // Foundation's errors reached the user as "Error Domain=NSCocoaErrorDomain Code=…".
        let site = base.appendingPathComponent("repo/site")
        XCTAssertThrowsError(try SiteWriter(output: site).write([OutputFile("表.pdf", .copy(from: base.path + "/missing.pdf"))])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("missing.pdf") && message.contains("无法"), message)
            XCTAssertFalse(message.contains("Error Domain"), message)
        }
        let file = base.appendingPathComponent("repo/file.txt")
        try Data("keep".utf8).write(to: file)
        XCTAssertThrowsError(try SiteWriter(output: file.appendingPathComponent("site")).write([.text("index.html", "一")])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("file.txt") && message.contains("无法创建"), message)
            XCTAssertFalse(message.contains("Error Domain"), message)
        }
    }

    func testBuildRefusesBeforeTouchingAnything() throws {
        let docs = base.appendingPathComponent("repo/mydocs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: docs.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try Pipeline.buildIfChanged(content: content, options: .init(output: docs)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: docs.path), ["notes.txt"])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("repo").path).sorted(),
            ["content", "mydocs"])
    }
}

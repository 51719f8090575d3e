import Foundation
import XCTest
@testable import PolicyKit

/// A rebuild after an edit reuses (hard-links) the files whose bytes did not change and
/// writes the rest — and the result is byte for byte the site a clean build makes.
final class IncrementalWriteTests: XCTestCase {
    private var base: URL!
    private var content: URL { base.appendingPathComponent("content") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-incremental-\(UUID().uuidString)")
        try ContentFixture().write(to: content)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private func build(into folder: String) throws -> URL {
        let output = base.appendingPathComponent(folder)
        let built = try Pipeline.build(content: content, displayRoot: "content",
                                       options: .init(output: output, asOf: CalendarDate("2024-06-01")))
        XCTAssertFalse(built.checked.hasErrors, "\(built.checked.diagnostics)")
        return output
    }

    /// Every file below `folder`, relative path → bytes.
    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)!
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    private func inode(_ url: URL) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as! NSNumber).uint64Value
    }

    private func edit(_ relative: String, appending text: String) throws {
        let file = content.appendingPathComponent(relative)
        try (String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
    }

    func testRebuildAfterAnEditEqualsACleanBuildAndReusesUnchangedFiles() throws {
        let site = try build(into: "site")
        let styles = site.appendingPathComponent("assets/style.css")
        let stylesInode = try inode(styles)

        try edit(ContentFixture.doc, appending: "\n第九十九条 本办法自发布之日起施行，增补的一句。\n")
        _ = try build(into: "site")
        let clean = try build(into: "clean")

        XCTAssertEqual(try tree(site), try tree(clean), "incremental and clean builds differ")
        XCTAssertEqual(try inode(styles), stylesInode, "an unchanged file should be linked, not written again")
        let documentPage = site.appendingPathComponent(SitePath.document(ContentFixture.docID) + "index.html")
        XCTAssertTrue(try String(contentsOf: documentPage, encoding: .utf8).contains("增补的一句"))
    }

    func testAFileChangedByHandInsideTheSiteIsWrittenAgain() throws {
        let site = try build(into: "site")
        let styles = site.appendingPathComponent("assets/style.css")
        let original = try Data(contentsOf: styles)
        // Edited in place (same inode), as an editor or a careless script would.
        let handle = try FileHandle(forWritingTo: styles)
        try handle.write(contentsOf: Data("/* changed by hand */".utf8))
        try handle.close()

        try edit(ContentFixture.doc, appending: "\n补充一句。\n")
        _ = try build(into: "site")
        XCTAssertEqual(try Data(contentsOf: styles), original, "a hand-edited file must not be reused")
    }

    func testStagedFilesGetTheirFoldersAndTheFirstFileForAPathWins() throws {
        let output = base.appendingPathComponent("out")
        let count = try SiteWriter(output: output).write { site in
            try site.add([OutputFile("a/b/c/index.html", .text("first")), OutputFile("top.txt", .text("top"))])
            try site.add([OutputFile("a/b/c/index.html", .text("second")), OutputFile("a/x.txt", .text("x"))])
        }
        XCTAssertEqual(count, 3)
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a/b/c/index.html"), encoding: .utf8), "first")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("a/x.txt"), encoding: .utf8), "x")
    }
}

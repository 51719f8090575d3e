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
        let built = try Pipeline.build(
            content: content, displayRoot: "content",
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
            guard FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
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

    /// Overwrites the start of a built file in place (same inode), as an editor or a careless
    /// script would.
    private func changeByHand(_ file: URL, writing text: String) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
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

    /// A second document, so that one can change while the other does not.
    private func addSecondDocument() throws {
        let other = content.appendingPathComponent("normative/2024-other-rules")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try ContentFixture.document.replacingOccurrences(of: "示例省食品标签管理办法", with: "示例省食品贮存管理办法")
            .replacingOccurrences(of: "〔2024〕3号", with: "〔2024〕4号")
            .write(to: other.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        try ContentFixture.interpretation.replacingOccurrences(of: "示例省食品标签管理办法", with: "示例省食品贮存管理办法")
            .write(to: other.appendingPathComponent("解读.md"), atomically: true, encoding: .utf8)
    }

    func testPagesOfAnUnchangedDocumentAreKeptAndTheSiteStillEqualsACleanBuild() throws {
        try addSecondDocument()
        let site = try build(into: "site")
        let otherPage = site.appendingPathComponent("d/2024-other-rules/index.html")
        let otherInode = try inode(otherPage)
        let editedPage = site.appendingPathComponent(SitePath.document(ContentFixture.docID) + "index.html")
        let editedInode = try inode(editedPage)

        try edit(ContentFixture.doc, appending: "\n第四条 本办法由省市场监督管理局负责解释，这是新增的一条。\n")
        _ = try build(into: "site")
        XCTAssertEqual(try inode(otherPage), otherInode, "the other document's page should be kept")
        XCTAssertNotEqual(try inode(editedPage), editedInode, "the edited document's page must be made again")
        XCTAssertEqual(try tree(site), try tree(try build(into: "clean")))

        // A change other pages can show (a title) makes every page again — still equal to a clean build.
        let other = "normative/2024-other-rules/index.md"
        let text = try String(contentsOf: content.appendingPathComponent(other), encoding: .utf8)
        try text.replacingOccurrences(of: "title: 示例省食品贮存管理办法", with: "title: 示例省食品贮存和运输管理办法")
            .write(to: content.appendingPathComponent(other), atomically: true, encoding: .utf8)
        _ = try build(into: "site")
        XCTAssertEqual(try tree(site), try tree(try build(into: "clean2")))
    }

    func testAKeptPageChangedByHandIsMadeAgain() throws {
        try addSecondDocument()
        let site = try build(into: "site")
        let otherPage = site.appendingPathComponent("d/2024-other-rules/index.html")
        let original = try Data(contentsOf: otherPage)
        try changeByHand(otherPage, writing: "<!-- changed by hand -->")

        try edit(ContentFixture.doc, appending: "\n补充一句。\n")
        _ = try build(into: "site")
        XCTAssertEqual(try Data(contentsOf: otherPage), original)
    }

    func testAFileChangedByHandInsideTheSiteIsWrittenAgain() throws {
        let site = try build(into: "site")
        let styles = site.appendingPathComponent("assets/style.css")
        let original = try Data(contentsOf: styles)
        try changeByHand(styles, writing: "/* changed by hand */")

        try edit(ContentFixture.doc, appending: "\n补充一句。\n")
        _ = try build(into: "site")
        XCTAssertEqual(try Data(contentsOf: styles), original, "a hand-edited file must not be reused")
    }

    /// The search index's folder is renamed whenever the index changes; its unchanged files
    /// are linked from the old folder, found by their digest — unless changed by hand.
    func testAFileMovedToAnotherPathIsLinkedFromItsOldPlace() throws {
        let output = base.appendingPathComponent("out")
        _ = try SiteWriter(output: output).write { site in
            try site.add([
                OutputFile("idx-1/t/0.bin", .text("a window")), OutputFile("idx-1/t/1.bin", .text("another")),
                OutputFile("idx-1/t/2.bin", .text("changed by hand later")),
            ])
        }
        let moved = try inode(output.appendingPathComponent("idx-1/t/0.bin"))
        // Longer than before: a change of size shows even within the file clock's tick.
        try changeByHand(output.appendingPathComponent("idx-1/t/2.bin"), writing: "CHANGED BY HAND, AND LONGER NOW")

        _ = try SiteWriter(output: output).write { site in
            try site.add([
                OutputFile("idx-2/t/0.bin", .text("a window")), OutputFile("idx-2/t/1.bin", .text("new bytes")),
                OutputFile("idx-2/t/2.bin", .text("changed by hand later")),
            ])
        }
        XCTAssertEqual(try inode(output.appendingPathComponent("idx-2/t/0.bin")), moved, "same bytes: linked from idx-1")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("idx-2/t/1.bin"), encoding: .utf8), "new bytes")
        XCTAssertEqual(
            try String(contentsOf: output.appendingPathComponent("idx-2/t/2.bin"), encoding: .utf8),
            "changed by hand later", "a file changed by hand must not be linked")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("idx-1").path))
    }

    /// A damaged `.site.files` (and `.site.stamps`) only costs time: lines with negative or
    /// overflowing numbers, missing fields or a bad time are ignored, never a crash.
    func testDamagedLedgerAndStampsOnlyCostTime() throws {
        let site = try build(into: "site")
        let ledger = base.appendingPathComponent(".site.files")
        let valid = try String(contentsOf: ledger, encoding: .utf8)
        let damaged =
            valid
            + [
                "index.html\tabc\t-5\t1\t2\t",
                "index.html\tabc\t99999999999999999999999\t1\t2\t",
                "a\tb\t1\t-1\t2\t",
                "a\tb\t1\t2\t-99999999999999999999\t",
                "short\tline",
            ].joined(separator: "\n")
        try damaged.write(to: ledger, atomically: true, encoding: .utf8)
        let stamps = base.appendingPathComponent(".site.stamps")
        try "-9223372036854775808\ncontent/x\t1\t2\t3\t4\tnot-a-digest\n".write(to: stamps, atomically: true, encoding: .utf8)

        try edit(ContentFixture.doc, appending: "\n补充一句。\n")
        let cache = BuildCache(content: content, theme: nil, output: site, asOf: CalendarDate("2024-06-01")!)
        XCTAssertGreaterThan(cache.filesRead, 0, "unusable stamps: every file is read")
        _ = try build(into: "site")
        XCTAssertEqual(try tree(site), try tree(try build(into: "clean")))
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

    /// The old site is deleted whole after the swap — files, nested folders, links — and a
    /// link inside it is removed, never followed: what it points to survives.
    func testRemovingTheOldSiteDeletesEverythingAndFollowsNoLink() throws {
        let old = base.appendingPathComponent("old")
        let outside = base.appendingPathComponent("outside.txt")
        try Data("keep".utf8).write(to: outside)
        for path in ["index.html", "d/a/index.html", "d/b/解读/index.html", "search/idx-1/t/0-0.bin", "empty/"] {
            let url = old.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: path.hasSuffix("/") ? url : url.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            if !path.hasSuffix("/") { try Data(path.utf8).write(to: url) }
        }
        try FileManager.default.createSymbolicLink(at: old.appendingPathComponent("d/link"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: old.appendingPathComponent("d/folder-link"), withDestinationURL: base)

        SiteWriter.removeTree(old.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "keep")
        XCTAssertTrue(FileManager.default.fileExists(atPath: content.path), "a linked folder is not emptied")

        // A site reached through a link (after the swap, the link is what is deleted).
        let linkedSite = base.appendingPathComponent("linked-site")
        try FileManager.default.createSymbolicLink(at: linkedSite, withDestinationURL: content)
        SiteWriter.removeTree(linkedSite.path)
        XCTAssertNil(FolderWalk.kind(of: linkedSite.path))
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: content.path).isEmpty, "its target is untouched")
    }

    /// Many files added at once from several threads all arrive, with their folders.
    func testFilesAddedInParallelAllArrive() throws {
        let output = base.appendingPathComponent("out")
        let files = (0..<500).map { OutputFile("search/idx/\($0 % 7)/\($0).bin", .bytes(Array("file \($0)".utf8))) }
        let count = try SiteWriter(output: output).write { try $0.addInParallel(files) }
        XCTAssertEqual(count, 500)
        for n in [0, 6, 123, 499] {
            XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("search/idx/\(n % 7)/\(n).bin"), encoding: .utf8), "file \(n)")
        }
    }
}

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

/// The no-op rebuild: skipped when no input changed, redone when one did — decided by
/// content, not by file times.
final class BuildCacheTests: XCTestCase {
    private var base: URL!
    private var content: URL { base.appendingPathComponent("content") }
    private var options: Pipeline.BuildOptions {
        Pipeline.BuildOptions(output: base.appendingPathComponent("site"), asOf: CalendarDate("2024-06-01"))
    }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-cache-\(UUID().uuidString)")
        try ContentFixture().write(to: content)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private func build(asOf: String = "2024-06-01") throws -> Pipeline.Outcome {
        var options = options
        options.asOf = CalendarDate(asOf)
        return try Pipeline.buildIfChanged(content: content, displayRoot: "content", options: options)
    }

    private func isUnchanged(_ outcome: Pipeline.Outcome) -> Bool {
        if case .unchanged = outcome { return true }
        return false
    }

    func testSecondBuildWithSameInputsIsSkippedAndKeepsTheSite() throws {
        XCTAssertFalse(isUnchanged(try build()))
        let page = options.output.appendingPathComponent("index.html")
        let before = try Data(contentsOf: page)
        XCTAssertTrue(isUnchanged(try build()))
        XCTAssertEqual(try Data(contentsOf: page), before)
    }

    func testRewritingAFileWithTheSameBytesDoesNotRebuild() throws {
        _ = try build()
        let doc = content.appendingPathComponent(ContentFixture.doc)
        let bytes = try Data(contentsOf: doc)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(3600)], ofItemAtPath: doc.path)
        try bytes.write(to: doc)
        XCTAssertTrue(isUnchanged(try build()))
    }

    func testChangedContentAsOfDateOrMissingOutputRebuilds() throws {
        _ = try build()
        let doc = content.appendingPathComponent(ContentFixture.doc)
        try (String(contentsOf: doc, encoding: .utf8) + "\n补充一句。\n").write(to: doc, atomically: true, encoding: .utf8)
        XCTAssertFalse(isUnchanged(try build()), "edited content")
        XCTAssertTrue(isUnchanged(try build()))
        XCTAssertFalse(isUnchanged(try build(asOf: "2024-06-02")), "another as-of date")
        try FileManager.default.removeItem(at: options.output)
        XCTAssertFalse(isUnchanged(try build(asOf: "2024-06-02")), "output deleted")
    }

    func testRefusedBuildKeepsTheRecordOfTheSiteThatIsStillThere() throws {
        _ = try build()
        let interpretation = content.appendingPathComponent(ContentFixture.interp)
        let saved = try Data(contentsOf: interpretation)
        try FileManager.default.removeItem(at: interpretation)
        guard case .built(let failed) = try build() else { return XCTFail("a changed library must be checked") }
        XCTAssertTrue(failed.checked.hasErrors)
        try saved.write(to: interpretation)
        XCTAssertTrue(isUnchanged(try build()), "the site on disk is still the one these inputs build")
    }

    /// `.site.stamps`: a file the disk shows unchanged is not read again, a changed one is —
    /// and one whose stamp was taken right after it changed (it could change again within the
    /// same clock tick unseen) is read again too.
    func testStampsSpareReadingUnchangedFilesButNotChangedOrRecentOnes() throws {
        let asOf = CalendarDate("2024-06-01")!
        func key() -> BuildCache { BuildCache(content: content, theme: nil, output: options.output, asOf: asOf) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: content.path + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let first = key()
        XCTAssertEqual(first.filesRead, files.count, "no stamps yet: every file is read")

        /// Rewrites when the stamps say they were taken: `after` the last change of any file.
        func stampsTaken(after: Int64) throws {
            let changed = files.map { path -> Int64 in
                var info = stat()
                XCTAssertEqual(stat(content.path + "/" + path, &info), 0)
                return Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            }.max()!
            let stampsPath = base.appendingPathComponent(".site.stamps").path
            let text = try String(contentsOfFile: stampsPath, encoding: .utf8)
            try ("\(changed + after)" + text.drop { $0 != "\n" }).write(toFile: stampsPath, atomically: true, encoding: .utf8)
        }
        try stampsTaken(after: FileStamps.racyMargin / 2)
        XCTAssertEqual(key().filesRead, files.count, "stamps taken right after the files changed: read again")
        try stampsTaken(after: FileStamps.racyMargin * 2)
        let trusted = key()
        XCTAssertEqual(trusted.filesRead, 0)
        XCTAssertEqual(trusted.key, first.key)

        // The same size and modification time, other bytes: the change time gives it away —
        // once the file system's clock has ticked since the fixture was written (a real edit
        // comes after the stamps were taken, which the faked time above skipped).
        let doc = content.appendingPathComponent(ContentFixture.doc)
        try waitForTheFileClockToPass(doc)
        let modified = try FileManager.default.attributesOfItem(atPath: doc.path)[.modificationDate] as! Date
        var bytes = try Data(contentsOf: doc)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: doc)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: doc.path)
        let edited = key()
        XCTAssertEqual(edited.filesRead, 1)
        XCTAssertNotEqual(edited.key, first.key)
    }

    /// Until a file written now gets a later change time than `file` has (file systems stamp
    /// times from a coarse clock).
    private func waitForTheFileClockToPass(_ file: URL) throws {
        func changed(_ path: String) -> Int64 {
            var info = stat()
            _ = stat(path, &info)
            return Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }
        let probe = base.appendingPathComponent("clock-probe")
        let deadline = Date().addingTimeInterval(5)
        repeat {
            try Data("tick".utf8).write(to: probe)
            if changed(probe.path) > changed(file.path) { return }
            usleep(2000)
        } while Date() < deadline
        XCTFail("the file system's clock did not move in 5 s")
    }

    func testContentReachedThroughASymlinkIsStillHashed() throws {
        let link = base.appendingPathComponent("linked-content")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content)
        func buildThroughLink() throws -> Pipeline.Outcome {
            try Pipeline.buildIfChanged(content: link, displayRoot: "content", options: options)
        }
        _ = try buildThroughLink()
        XCTAssertTrue(isUnchanged(try buildThroughLink()))
        let doc = content.appendingPathComponent(ContentFixture.doc)
        try (String(contentsOf: doc, encoding: .utf8) + "\n补充一句。\n").write(to: doc, atomically: true, encoding: .utf8)
        XCTAssertFalse(isUnchanged(try buildThroughLink()), "an edit behind the link must rebuild")
    }
}

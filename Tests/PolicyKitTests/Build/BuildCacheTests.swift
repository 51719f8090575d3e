import Foundation
import XCTest
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

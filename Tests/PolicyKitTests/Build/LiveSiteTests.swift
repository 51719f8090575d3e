import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyCheck
@testable import PolicyLoad
@testable import PolicySite
@testable import PolicyKit

/// `policy serve`'s in-memory site after each kind of edit is the site and the findings a
/// clean check and render of the same files give: every file, byte for byte (the pages it
/// renders on request, the search index it rebuilds in memory), and every finding.
final class LiveSiteTests: XCTestCase {
    private var base: URL!
    private var content: URL { base.appendingPathComponent("content") }
    private let asOf = CalendarDate("2026-11-29")!
    private let document = "regulations/2025-food-workshops-regulation"

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SampleContent.root, to: content)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: base)
    }

    private func live() -> LiveSite {
        LiveSite(options: .init(content: content, displayRoot: "content", theme: { nil }, asOf: asOf))
    }

    private func append(_ text: String, to relative: String) throws {
        let file = content.appendingPathComponent(relative)
        try (String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
    }

    /// What a clean check and render of the content folder give now.
    private func clean() throws -> (diagnostics: [Diagnostic], files: [String: [UInt8]]) {
        let checked = try Pipeline.check(content: content, displayRoot: "content", asOf: asOf)
        guard !checked.hasErrors else { return (checked.diagnostics, [:]) }
        let files = try SiteRenderer(
            library: checked.library.published(asOf: asOf), raw: checked.raw, asOf: asOf, theme: Theme(overrides: nil)
        ).render()
        return (checked.diagnostics, Dictionary(files.map { ($0.path, GoldenSiteTests.bytes(of: $0)) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The live site's findings and every file of the clean site, asked for one by one.
    private func assertSameAsClean(_ site: LiveSite, _ step: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try clean()
        let pages = site.pages
        switch pages.status {
        case .built(_, let warnings):
            XCTAssertEqual(warnings, expected.diagnostics, step, file: file, line: line)
        case .contentErrors(let diagnostics):
            XCTAssertEqual(diagnostics, expected.diagnostics, step, file: file, line: line)
            XCTAssertTrue(expected.files.isEmpty, "\(step): the clean check has no errors", file: file, line: line)
            return
        default:
            XCTFail("\(step): \(pages.status)", file: file, line: line)
            return
        }
        XCTAssertFalse(expected.files.isEmpty, step, file: file, line: line)
        for (path, bytes) in expected.files.sorted(by: { $0.key < $1.key }) {
            let made = try pages.file(path).flatMap(pages.bytes(of:))
            XCTAssertTrue(made == bytes, "\(step): \(path) differs from a clean render", file: file, line: line)
        }
    }

    func testEachKindOfEditGivesWhatACleanBuildGives() throws {
        let site = live()
        site.reload()
        try assertSameAsClean(site, "first load")

        try append("\n补充说明：转写稿新增一句。\n", to: "\(document)/视频文稿.txt")
        site.update(content: ["\(document)/视频文稿.txt"], themeChanged: false)
        try assertSameAsClean(site, "transcript")
        XCTAssertTrue(
            String(decoding: try site.pages.file("d/2025-food-workshops-regulation/视频解读/index.html").flatMap(site.pages.bytes(of:)) ?? [], as: UTF8.self)
                .contains("转写稿新增一句"))

        try append("\n00:09:00.000 --> 00:09:05.000\n字幕新增一句。\n", to: "\(document)/视频字幕.vtt")
        site.update(content: ["\(document)/视频字幕.vtt"], themeChanged: false)
        try assertSameAsClean(site, "captions")

        let index = content.appendingPathComponent("\(document)/index.md")
        let original = try String(contentsOf: index, encoding: .utf8)
        try append("\n第九十九条　本条为预览测试新增。\n", to: "\(document)/index.md")
        site.update(content: ["\(document)/index.md"], themeChanged: false)
        try assertSameAsClean(site, "document body")

        // An error only this bundle has, then fixed.
        let interpretation = content.appendingPathComponent("\(document)/解读.md")
        let saved = try Data(contentsOf: interpretation)
        try Data("---\ntitle: [未闭合\n---\n".utf8).write(to: interpretation)
        site.update(content: ["\(document)/解读.md"], themeChanged: false)
        guard case .contentErrors = site.status else { return XCTFail("a broken interpretation must be an error") }
        try assertSameAsClean(site, "broken interpretation")
        try saved.write(to: interpretation)
        try original.write(to: index, atomically: true, encoding: .utf8)
        site.update(content: ["\(document)/解读.md", "\(document)/index.md"], themeChanged: false)
        try assertSameAsClean(site, "fixed")

        // Settings and a removed bundle read everything again.
        try append("\n# 预览测试\n", to: "site.yml")
        site.update(content: ["site.yml"], themeChanged: false)
        try assertSameAsClean(site, "site.yml")
        try FileManager.default.removeItem(at: content.appendingPathComponent("policies/2025-online-consumption-notice"))
        site.update(content: ["policies/2025-online-consumption-notice"], themeChanged: false)
        try assertSameAsClean(site, "bundle removed")
    }

    func testEditedBundlesAreTheOnlyOnesReadAgain() throws {
        let site = live()
        site.reload()
        let raw = try Pipeline.check(content: content, displayRoot: "content", asOf: asOf).raw
        let loader = ContentLoader(root: content, displayRoot: "content")
        XCTAssertEqual(LiveSite.editedBundles(["\(document)/视频文稿.txt", "\(document)/附件/表.pdf"], in: raw, loader: loader), [document])
        XCTAssertNil(LiveSite.editedBundles(["site.yml"], in: raw, loader: loader))
        XCTAssertNil(LiveSite.editedBundles(["cleanup/2025.md"], in: raw, loader: loader))
        XCTAssertNil(LiveSite.editedBundles(["normative/new-bundle/index.md"], in: raw, loader: loader))
        XCTAssertNil(LiveSite.editedBundles([document], in: raw, loader: loader))  // the folder itself: added or removed
    }
}

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

/// A `ContentFixture` written to disk with extra hostile touches the in-memory fixture cannot
/// express (symbolic links, pipes, huge files), then checked — and, when asked, built — the
/// way `policy check` and `policy build` do it.
///
/// Every hostile case puts its bad file in a bundle of its own, next to the fixture's valid
/// document, so each test also proves that one bad file does not hide or break the rest:
/// `assertValidDocumentUnharmed` asserts the valid document is still modelled and clean.
final class HostileFixture {
    let base: URL
    let content: URL
    var fixture: ContentFixture

    /// The bundle hostile files go in by default.
    static let bundle = "normative/2024-hostile-input"

    init(_ fixture: ContentFixture = ContentFixture()) {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-hostile-\(UUID().uuidString)")
        content = base.appendingPathComponent("content")
        self.fixture = fixture
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    /// Writes the fixture's files, then runs `touch` on the content folder for the rest.
    func write(_ touch: (URL) throws -> Void = { _ in }) throws {
        try? FileManager.default.removeItem(at: content)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (path, data) in fixture.files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try touch(content)
    }

    func check(_ touch: (URL) throws -> Void = { _ in }) throws -> CheckResult {
        try write(touch)
        return CheckResult(checked: try Pipeline.check(content: content, displayRoot: "content"))
    }

    /// Checks and builds into `base/site`; returns the check result and the site folder.
    func build(_ touch: (URL) throws -> Void = { _ in }) throws -> (CheckResult, URL) {
        try write(touch)
        let site = base.appendingPathComponent("site")
        let built = try Pipeline.build(
            content: content, displayRoot: "content",
            options: .init(output: site, asOf: CalendarDate("2026-11-29")))
        return (CheckResult(checked: built.checked), site)
    }

    /// A symbolic link at `path` (relative to the content folder) pointing at `target`.
    static func link(_ path: String, to target: String, in content: URL) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// A folder outside the content folder holding a complete, valid bundle and a secret file.
    func outsideBundle() throws -> URL {
        let outside = base.appendingPathComponent("outside/2024-secret-rules")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let index = FrontMatter.normative.with(["title": "不应发布的内部文件", "number": "示市监规〔2024〕99号"])
            .document(body: ContentFixture.documentBody)
        try Data(index.utf8).write(to: outside.appendingPathComponent("index.md"))
        try Data(ContentFixture.interpretation.utf8).write(to: outside.appendingPathComponent("解读.md"))
        try Data("SECRET".utf8).write(to: outside.appendingPathComponent("secret.pdf"))
        return outside
    }
}

extension CheckResult {
    /// The fixture's valid document is still in the model and has no errors of its own.
    func assertValidDocumentUnharmed(testFile: StaticString = #filePath, testLine: UInt = #line) {
        XCTAssertNotNil(
            library.document(ContentFixture.docID), "the valid document was dropped from the model",
            file: testFile, line: testLine)
        let own = diagnostics.filter {
            $0.severity == .error && $0.location.file.hasPrefix("content/\(ContentFixture.bundle)/")
        }
        XCTAssertTrue(own.isEmpty, "the valid document got errors: \(own.map(\.message))", file: testFile, line: testLine)
    }

    /// Every finding located in `path` (shown form), for messages.
    func messages(in path: String) -> [String] {
        let shown = path.hasPrefix("content/") ? path : "content/" + path
        return diagnostics.filter { $0.location.file == shown }.map { "[\($0.rule.code)] \($0.message) — \($0.fix)" }
    }
}

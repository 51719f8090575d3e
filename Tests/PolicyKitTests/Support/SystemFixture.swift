import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// A system library for one test: a `library.yml` (its text given by the test) beside local
/// content folders, each a `ContentFixture` (valid unless the test changes it), checked by
/// `SystemPipeline.check` exactly as `policy check library.yml` would.
struct SystemFixture {
    /// Two bureaus by default, `province` and `city-a`, each the minimal valid library.
    var sources: [String: ContentFixture] = ["province": ContentFixture(), "city-a": ContentFixture()]
    var manifest = SystemFixture.twoSources

    static let twoSources = """
        title: 某省市场监管系统行政规范性文件库
        base_url: https://example.gov.cn/library/
        timezone: Asia/Shanghai
        sources:
          - id: province
            issuer: 某省市场监督管理局
            level: 省
            region: 某省
            path: province
          - id: city-a
            issuer: 甲市市场监督管理局
            level: 市
            region: 甲市
            parent: province
            path: city-a

        """

    mutating func replace(_ old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(manifest.contains(old), "library.yml has no “\(old)”", file: file, line: line)
        manifest = manifest.replacingOccurrences(of: old, with: new)
    }

    func check(asOf: String = "2024-12-31") throws -> SystemResult {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-system-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for (id, content) in sources { try content.write(to: base.appendingPathComponent(id)) }
        let url = base.appendingPathComponent("library.yml")
        try Data(manifest.utf8).write(to: url)
        return SystemResult(
            checked: try SystemPipeline.check(
                manifest: url, displayPath: "library.yml", asOf: CalendarDate(asOf), strict: true))
    }
}

struct SystemResult {
    let checked: SystemPipeline.Checked

    var diagnostics: [Diagnostic] { checked.diagnostics }

    @discardableResult
    func assertFinds(
        _ code: String, _ severity: Severity, line: Int, message: String? = nil, file path: String = "library.yml",
        testFile: StaticString = #filePath, testLine: UInt = #line
    ) -> Diagnostic? {
        let hit = diagnostics.first { d in
            d.rule.code == code && d.severity == severity && d.location.file == path && d.location.line == line
                && (message == nil || d.message.contains(message!))
        }
        if hit == nil {
            XCTFail("expected \(path):\(line) \(severity.rawValue) [\(code)] \(message ?? ""); got:\n\(describe)", file: testFile, line: testLine)
        }
        // Every finding carries a fix in Chinese.
        if let hit { XCTAssertFalse(hit.fix.isEmpty, file: testFile, line: testLine) }
        return hit
    }

    func assertClean(_ code: String, testFile: StaticString = #filePath, testLine: UInt = #line) {
        let hits = diagnostics.filter { $0.rule.code == code }
        if !hits.isEmpty { XCTFail("expected no \(code) finding, got:\n\(describe)", file: testFile, line: testLine) }
    }

    func assertNoErrors(testFile: StaticString = #filePath, testLine: UInt = #line) {
        if diagnostics.errorCount > 0 { XCTFail("expected no errors, got:\n\(describe)", file: testFile, line: testLine) }
    }

    private var describe: String {
        diagnostics.map { "  \($0.location.file):\($0.location.line) \($0.severity.rawValue) [\($0.rule.code)] \($0.message)" }
            .joined(separator: "\n")
    }
}

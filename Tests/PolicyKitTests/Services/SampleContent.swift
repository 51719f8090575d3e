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

/// The repository's own sample library (`content/`), checked once and rendered once at a
/// fixed as-of date, for tests whose expected numbers were counted by hand from its files.
enum SampleContent {
    static let asOf = CalendarDate("2026-11-29")!

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content")

    static let checked: Pipeline.Checked = try! Pipeline.check(content: root, displayRoot: "content")

    static var library: Library { checked.library }

    static let site: [String: OutputFile] = {
        let files = try! SiteRenderer(
            library: checked.library, raw: checked.raw, asOf: asOf,
            theme: try! Theme(overrides: nil)
        ).render()
        return Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }()

    static func text(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(site[path]?.text, "missing \(path)", file: file, line: line)
    }
}

import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyCheck
@testable import PolicyKit

/// A `ContentFixture` whose files may carry inline expectation markers, in the manner of
/// swift-format's emoji-marker tests: a test writes `1️⃣` … `9️⃣` (or `🔟`) at the exact spot a
/// finding should point to, the marker is removed before the file is written, and the
/// harness checks code, severity, file, line and column against the marker's position — no
/// column is ever counted by hand.
///
///     var fixture = MarkedFixture()
///     fixture.replace(in: ContentFixture.doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/1/5")
///     try fixture.check().assertFindings(["1️⃣": .error("PF005", "2024/1/5")])
///
/// Columns count Unicode scalars (a Chinese character is one column, a combining accent one
/// more), as the diagnostics do: libyaml's unit, and the Markdown loader's.
struct MarkedFixture: EditableFixture {
    /// The files as the tests wrote them, markers included; a file without markers is kept
    /// only in `content`.
    private var marked: [String: String] = [:]
    /// The files as they are written to disk (markers removed).
    private(set) var content: ContentFixture

    /// The minimal valid library of `ContentFixture`, with `changes` (which may hold markers).
    init(_ changes: [String: String?] = [:]) {
        content = ContentFixture()
        for (path, text) in changes { self[path] = text }
    }

    /// The file's text with its markers; setting it stores the markers and writes the file
    /// without them. nil removes the file.
    subscript(path: String) -> String? {
        get { marked[path] ?? content[path] }
        set {
            marked[path] = newValue.flatMap { Marker.strip($0).markers.isEmpty ? nil : $0 }
            content[path] = newValue.map { Marker.strip($0).text }
        }
    }

    /// `ContentFixture.addDocument`, with markers allowed in the front matter and body.
    mutating func addDocument(
        _ bundle: String, _ frontMatter: String, interpretation published: String?,
        body: String = ContentFixture.defaultBody
    ) {
        content.addDocument(bundle, frontMatter, interpretation: published, body: body)
        self["\(bundle)/index.md"] = content["\(bundle)/index.md"]
    }

    /// `ContentFixture.addDocument` with a `FrontMatter` (whose values may hold markers).
    mutating func addDocument(
        _ bundle: String, _ frontMatter: FrontMatter, interpretation published: String?,
        body: String = ContentFixture.defaultBody
    ) {
        addDocument(bundle, frontMatter.yaml, interpretation: published, body: body)
    }

    mutating func setBytes(_ path: String, _ data: Data) { marked[path] = nil; content.setBytes(path, data) }

    mutating func remove(_ path: String) { marked[path] = nil; content.remove(path) }

    /// Moves every file under `folder/` to `destination/`, markers with them.
    mutating func move(_ folder: String, to destination: String) {
        content.move(folder, to: destination)
        for (path, text) in marked where path.hasPrefix(folder + "/") {
            marked[path] = nil
            marked[destination + path.dropFirst(folder.count)] = text
        }
    }

    /// Where each marker sits, as `content/<path>` line and column.
    var markerLocations: [String: SourceLocation] {
        var found: [String: SourceLocation] = [:]
        for (path, text) in marked {
            for (marker, position) in Marker.strip(text).markers {
                precondition(found[marker] == nil, "marker \(marker) used twice")
                found[marker] = SourceLocation(file: "content/" + path, line: position.line, column: position.column)
            }
        }
        return found
    }

    /// Checks the written library exactly as `ContentFixture.check` does.
    func check(asOf: String? = nil) throws -> MarkedResult {
        MarkedResult(result: try content.check(asOf: asOf), markers: markerLocations)
    }
}

/// One finding a marker promises: its code, severity and (optionally) a piece of its message.
struct ExpectedFinding: CustomStringConvertible {
    let code: String
    let severity: Severity
    let message: String?

    static func error(_ code: String, _ message: String? = nil) -> ExpectedFinding { .init(code: code, severity: .error, message: message) }
    static func warning(_ code: String, _ message: String? = nil) -> ExpectedFinding { .init(code: code, severity: .warning, message: message) }
    static func notice(_ code: String, _ message: String? = nil) -> ExpectedFinding { .init(code: code, severity: .notice, message: message) }

    func matches(_ d: Diagnostic, at location: SourceLocation) -> Bool {
        d.rule.code == code && d.severity == severity && d.location == location
            && (message.map { d.message.contains($0) } ?? true)
    }

    var description: String { "\(severity.rawValue) [\(code)]\(message.map { " …\($0)…" } ?? "")" }
}

/// The check of a `MarkedFixture`: the marker assertion, and everything `CheckResult` offers
/// (its properties through dynamic member lookup, its assertions forwarded).
@dynamicMemberLookup
struct MarkedResult {
    let result: CheckResult
    let markers: [String: SourceLocation]

    subscript<T>(dynamicMember keyPath: KeyPath<CheckResult, T>) -> T { result[keyPath: keyPath] }

    func findings(_ code: String) -> [Diagnostic] { result.findings(code) }
    @discardableResult
    func assertFinds(
        _ code: String, _ severity: Severity, file path: String, line: Int, column: Int? = nil,
        message: String? = nil, testFile: StaticString = #filePath, testLine: UInt = #line
    ) -> Diagnostic? {
        result.assertFinds(code, severity, file: path, line: line, column: column, message: message, testFile: testFile, testLine: testLine)
    }
    func assertNoErrors(testFile: StaticString = #filePath, testLine: UInt = #line) {
        result.assertNoErrors(testFile: testFile, testLine: testLine)
    }
    func assertNoFindings(testFile: StaticString = #filePath, testLine: UInt = #line) {
        result.assertNoFindings(testFile: testFile, testLine: testLine)
    }
    func assertClean(_ code: String, file path: String? = nil, testFile: StaticString = #filePath, testLine: UInt = #line) {
        result.assertClean(code, file: path, testFile: testFile, testLine: testLine)
    }

    /// Asserts that the findings of the expected codes are exactly those promised at the
    /// markers (a marker may promise several). `alsoForbidding` adds codes that must report
    /// nothing beyond what is promised. Fails once, listing every missing and unexpected
    /// finding. Returns the matched findings, in the order given, for further checks.
    @discardableResult
    func assertFindings(
        _ expected: KeyValuePairs<String, ExpectedFinding>, alsoForbidding: Set<String> = [],
        testFile: StaticString = #filePath, testLine: UInt = #line
    ) -> [Diagnostic] {
        let comparison = compare(expected, alsoForbidding: alsoForbidding)
        if let report = comparison.report { XCTFail(report, file: testFile, line: testLine) }
        return comparison.matched
    }

    /// The markers' promises set against the findings: what matched, and — when anything is
    /// missing or unexpected — the failure message listing both.
    func compare(_ expected: KeyValuePairs<String, ExpectedFinding>, alsoForbidding: Set<String> = [])
        -> (matched: [Diagnostic], report: String?)
    {
        let codes = Set(expected.map(\.value.code)).union(alsoForbidding)
        var unmatched = result.diagnostics.filter { codes.contains($0.rule.code) }
        var matched: [Diagnostic] = []
        var missing: [String] = []
        for (marker, finding) in expected {
            guard let location = markers[marker] else {
                missing.append("  \(marker) (not placed in any fixture file) \(finding)")
                continue
            }
            if let index = unmatched.firstIndex(where: { finding.matches($0, at: location) }) {
                matched.append(unmatched.remove(at: index))
            } else {
                missing.append("  \(marker) \(Self.describe(location)) \(finding)")
            }
        }
        guard !missing.isEmpty || !unmatched.isEmpty else { return (matched, nil) }
        var report = ["findings differ from the markers"]
        if !missing.isEmpty { report += ["missing:"] + missing }
        if !unmatched.isEmpty { report += ["unexpected:"] + unmatched.map { "  " + Self.describe($0) } }
        let others = result.diagnostics.filter { !codes.contains($0.rule.code) }
        if !others.isEmpty { report += ["other findings (not checked):"] + others.map { "  " + Self.describe($0) } }
        return (matched, report.joined(separator: "\n"))
    }

    private static func describe(_ l: SourceLocation) -> String { "\(l.file):\(l.line):\(l.column)" }
    private static func describe(_ d: Diagnostic) -> String {
        "\(describe(d.location)) \(d.severity.rawValue) [\(d.rule.code) \(d.rule.name)] \(d.message)"
    }
}

/// The marker characters and their removal.
enum Marker {
    static let all: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// `text` without markers, and each marker's 1-based line and column (in Unicode scalars)
    /// in that text.
    static func strip(_ text: String) -> (text: String, markers: [(String, (line: Int, column: Int))]) {
        var out = ""
        var markers: [(String, (line: Int, column: Int))] = []
        var line = 1, column = 1
        for character in text {
            if all.contains(character) {
                markers.append((String(character), (line, column)))
                continue
            }
            out.append(character)
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (out, markers)
    }
}

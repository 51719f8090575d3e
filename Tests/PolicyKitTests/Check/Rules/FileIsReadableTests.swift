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

/// PF001 file-readable (`FileIsReadable`).
final class FileIsReadableTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    /// “---\ntitle: 示例省食品标签管理办法\n---\n” saved in GB18030/GBK, as Windows Notepad or
    /// WPS would: the message names the encoding and the fix says how to convert.
    static let gbkDocument: [UInt8] =
        Array("---\ntitle: ".utf8) + [
            0xCA, 0xBE, 0xC0, 0xFD, 0xCA, 0xA1, 0xCA, 0xB3, 0xC6, 0xB7, 0xB1, 0xEA, 0xC7, 0xA9, 0xB9, 0xDC, 0xC0, 0xED,
            0xB0, 0xEC, 0xB7, 0xA8,
        ] + Array("\n---\n".utf8)

    func testGBKFileIsReportedAsGBK() throws {
        var fixture = ContentFixture()
        fixture.setBytes(doc, Data(Self.gbkDocument))
        let result = try fixture.check()
        let finding = result.assertFinds("PF001", .error, file: "content/\(doc)", line: 1, column: 1, message: "GBK")
        XCTAssertEqual(finding?.fix.contains("iconv -f GB18030 -t UTF-8"), true)
        // The index.md is there, just unreadable: not also "bundle without index.md".
        result.assertClean("PF007")
    }

    /// An unreadable interpretation file is one problem, not also a missing interpretation.
    func testGBKInterpretationIsNotAlsoMissing() throws {
        var fixture = ContentFixture()
        fixture.setBytes(interp, Data(Self.gbkDocument))
        let result = try fixture.check()
        result.assertFinds("PF001", .error, file: "content/\(interp)", line: 1, message: "GBK")
        result.assertClean("PI001")
    }

    /// Invalid UTF-8 that is not GBK-shaped gets the generic message.
    func testInvalidUTF8ThatIsNotGBK() throws {
        var fixture = ContentFixture()
        fixture.setBytes(doc, Data(Array("---\ntitle: ".utf8) + [0xFF, 0x41, 0xFF, 0x42, 0xFF, 0x0A]))
        let finding = try fixture.check().assertFinds("PF001", .error, file: "content/\(doc)", line: 1)
        XCTAssertEqual(finding?.message.contains("GBK"), false)
    }

    func testNULByte() throws {
        var fixture = ContentFixture()
        fixture.setBytes(doc, Data(ContentFixture.document.utf8) + Data([0]))
        try fixture.check().assertFinds("PF001", .error, file: "content/\(doc)", line: 1, message: "NUL")
    }

    /// Exactly 8 MB is read; one byte more is refused (checked on a settings file, padded with
    /// YAML comment lines, so the test stays fast).
    func testFileSizeLimit() throws {
        func padded(_ text: String, to size: Int) -> Data {
            var data = Data(text.utf8)
            let line = Data(("#" + String(repeating: "x", count: 1022) + "\n").utf8)
            while data.count + line.count <= size { data += line }
            data += Data(repeating: UInt8(ascii: "\n"), count: size - data.count)
            return data
        }
        var fixture = ContentFixture()
        fixture.setBytes("calendar.yml", padded(ContentFixture.calendar, to: ContentLoader.maxFileBytes))
        try fixture.check().assertNoFindings()

        fixture.setBytes("calendar.yml", padded(ContentFixture.calendar, to: ContentLoader.maxFileBytes + 1))
        try fixture.check().assertFinds("PF001", .error, file: "content/calendar.yml", line: 1, message: "8 MB")
    }

    /// Files from Windows editors: CRLF line ends and a UTF-8 byte-order mark are fine.
    func testCRLFAndBOMAreAccepted() throws {
        var fixture = ContentFixture()
        for path in [doc, interp, "site.yml", "calendar.yml"] {
            fixture.setBytes(path, Data([0xEF, 0xBB, 0xBF]) + Data(fixture[path]!.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        }
        try fixture.check().assertNoFindings()
    }

    /// …and positions in such a file are still the file's lines.
    func testCRLFFileKeepsLineNumbers() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/3/1")
        fixture[doc] = "\u{FEFF}" + fixture[doc]!.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(fixture.content.files[doc]?.prefix(3), Data([0xEF, 0xBB, 0xBF]))
        try fixture.check().assertFindings(["1️⃣": .error("PF005")])
    }
}

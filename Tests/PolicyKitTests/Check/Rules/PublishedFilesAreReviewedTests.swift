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

/// PP003 unreviewed-file: a file the site can publish that the review could not read is
/// reported, never passed in silence.
final class PublishedFilesAreReviewedTests: XCTestCase {
    private let bundle = ContentFixture.bundle

    /// A CSV saved in GBK (Windows' default) cannot be reviewed until converted.
    func testTextNotInUTF8() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/名单.csv", Data([0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xB5, 0xE7, 0xBB, 0xB0, 0x0A]))  // 姓名,电话 in GBK
        try fixture.check().assertFinds("PP003", .warning, file: "content/\(bundle)/名单.csv", line: 1, message: "不是 UTF-8")
        var utf8 = ContentFixture()
        utf8["\(bundle)/名单.csv"] = "姓名,电话\n"
        try utf8.check().assertNoFindings()
    }

    /// A published spreadsheet (a recipient list in .xlsx is the classic leak) cannot be read
    /// by the review: it is named. The same file not published (no reference) is not; a JSON
    /// attachment is read as text and reviewed like any other.
    func testPublishedFileOfAKindTheReviewCannotReadIsNamed() throws {
        var fixture = ContentFixture()
        fixture.replace(
            in: ContentFixture.doc, "expires: 2029-03-31",
            with: "expires: 2029-03-31\nattachments: [{file: 名单.xlsx, title: 名单}, {file: 数据.json, title: 数据}]")
        fixture.setBytes("\(bundle)/名单.xlsx", Data([0x50, 0x4B, 0x03, 0x04]))
        fixture["\(bundle)/数据.json"] = "{\"联系电话\": \"13800138000\"}\n"
        let result = try fixture.check()
        result.assertFinds("PP003", .warning, file: "content/\(bundle)/名单.xlsx", line: 1, message: "无法自动审查")
        result.assertFinds("PP001", .error, file: "content/\(bundle)/数据.json", line: 1, message: "138")
        var unpublished = ContentFixture()
        unpublished.setBytes("\(bundle)/名单.xlsx", Data([0x50, 0x4B, 0x03, 0x04]))
        try unpublished.check().assertNoFindings()
    }

    /// A PDF that pdftotext cannot read (here: not a PDF at all) is reported by name.
    func testUnreadablePDF() throws {
        try XCTSkipIf(PDFText.tool == nil, "pdftotext (poppler-utils) is not installed; make deps installs it")
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/正式版本.pdf", Data("not a pdf".utf8))
        try fixture.check().assertFinds("PP003", .warning, file: "content/\(bundle)/正式版本.pdf", line: 1, message: "未经隐私和保密审查")
        var readable = ContentFixture()
        readable.setBytes("\(bundle)/正式版本.pdf", TinyPDF.make(pages: [["Official text"]]))
        try readable.check().assertNoFindings()
    }

    /// Without pdftotext, one warning names every PDF that went unread.
    func testMissingToolIsOneWarningListingThePDFs() {
        let texts = ["a.pdf", "b.pdf"].map {
            BundleText(relativePath: "\(bundle)/\($0)", displayPath: "content/\(bundle)/\($0)", format: .pdf, pages: [], unread: .noPDFTool)
        }
        var raw = RawLibrary.Bundle(
            id: ContentFixture.docID, kind: .normative, path: bundle, displayPath: "content/\(bundle)/",
            index: nil, interpretations: [], files: ["a.pdf", "b.pdf"])
        raw.texts = texts
        let library = RawLibrary(
            site: nil, calendar: nil, bundles: [raw], cleanups: [], loadProblems: [],
            displayRoot: "content", rootPath: "/nonexistent")
        let model = ModelBuilder(raw: library).build()
        let found = PublishedFilesAreReviewed().check(CheckContext(raw: library, library: model))
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.rule.code, "PP003")
        XCTAssertEqual(found.first?.location.file, "content/\(bundle)/a.pdf")
        XCTAssertEqual(found.first?.message.contains("2 个 PDF"), true, found.first?.message ?? "")
        XCTAssertEqual(found.first?.message.contains("content/\(bundle)/b.pdf"), true, found.first?.message ?? "")
    }
}

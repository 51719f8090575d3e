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

/// PF001 file-readable and the file rules PM001 missing-file, PM002 image-alt,
/// PM003 video-captions, PM004 broken-document-link.
final class FileRuleTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    // MARK: - PF001 file-readable

    /// “---\ntitle: 示例省食品标签管理办法\n---\n” saved in GB18030/GBK, as Windows Notepad or
    /// WPS would: the message names the encoding and the fix says how to convert.
    static let gbkDocument: [UInt8] = Array("---\ntitle: ".utf8) + [
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
        var fixture = ContentFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024/3/1")
        fixture.setBytes(doc, Data([0xEF, 0xBB, 0xBF]) + Data(fixture[doc]!.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try fixture.check().assertFinds("PF005", .error, file: "content/\(doc)", line: 5, column: 9)
    }

    // MARK: - PM001 missing-file

    func testMissingOfficialVersion() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nofficial: 正式版本.pdf")
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 9, column: 11, message: "正式版本.pdf")
        fixture.setBytes("\(bundle)/正式版本.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertNoFindings()
    }

    /// File names are case-sensitive (the site is served from Linux); the near miss is suggested.
    func testMisspeltAttachmentSuggestsTheFile() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 附件1.PDF, title: 附件1 }")
        fixture.setBytes("\(bundle)/附件1.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 10, column: 13,
                                        message: "是否应为“附件1.pdf”")
    }

    /// Files in sub-folders of the bundle are referenced by their relative path.
    func testAttachmentInSubfolder() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 附件/表格.xlsx, title: 附件1 }")
        fixture.setBytes("\(bundle)/附件/表格.xlsx", Data("PK".utf8))
        try fixture.check().assertNoFindings()
    }

    func testMissingMediaFile() throws {
        var fixture = ContentFixture()
        fixture["\(bundle)/图解.md"] = """
            ---
            title: 一图读懂
            form: graphic
            published: 2024-03-08
            media: { file: 图解.png, alt: 食品标签应标注的六项内容 }
            ---
            """
        try fixture.check().assertFinds("PM001", .error, file: "content/\(bundle)/图解.md", line: 5, column: 16, message: "图解.png")
        fixture.setBytes("\(bundle)/图解.png", Data([0x89, 0x50, 0x4E, 0x47]))
        try fixture.check().assertNoFindings()
    }

    /// A body image is checked at its own line and column.
    func testMissingBodyImage() throws {
        var fixture = ContentFixture()
        fixture[doc]! += "\n附图：![食品标签示例](标签示例.png)\n"
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 17, column: 4, message: "标签示例.png")
    }

    func testBodyLinkToBundleFile() throws {
        var fixture = ContentFixture()
        fixture[interp]! += "\n详见[附件](附件.pdf)。\n"
        try fixture.check().assertFinds("PM001", .error, file: "content/\(interp)", line: 19, column: 3, message: "附件.pdf")
        fixture.setBytes("\(bundle)/附件.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertNoFindings()
    }

    /// `..` leaves the bundle, so the page's copy would not exist — even if the file does.
    func testPathOutOfBundle() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-other", """
            title: 关于开展食品标签专项检查的通知
            office: 食品安全协调处
            signed: 2024-05-06
            published: 2024-05-08
            """, interpretation: "2024-05-08")
        fixture.setBytes("policies/2024-other/图.png", Data([0x89, 0x50]))
        fixture[doc]! += "\n![示例图](../../policies/2024-other/图.png)\n"
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 17, column: 1, message: "文件夹之外")
    }

    func testAbsolutePathInFrontMatter() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nofficial: /srv/files/正式版本.pdf")
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 9, message: "文件夹之外")
    }

    /// Links outside the library (web, mail, anchors) are not files of the bundle. (The
    /// office mailbox is public, so it is allowed for the personal-data rule.)
    func testExternalLinksAreNotFiles() throws {
        var fixture = ContentFixture()
        fixture["site.yml"]! += "privacy:\n  allow: [ask@example.gov.cn]\n"
        fixture[doc]! += "\n参见[国家标准](https://www.samr.gov.cn/)、[来信](mailto:ask@example.gov.cn)和[第一条](#第一条)。\n"
        try fixture.check().assertNoFindings()
    }

    // MARK: - PM002 image-alt

    func testBodyImageWithoutAlt() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/标签示例.png", Data([0x89, 0x50]))
        fixture[interp]! += "\n![](标签示例.png)\n"
        try fixture.check().assertFinds("PM002", .error, file: "content/\(interp)", line: 19, column: 1)
        fixture.replace(in: interp, "![](标签示例.png)", with: "![预包装食品标签的六项必标内容](标签示例.png)")
        try fixture.check().assertNoFindings()
    }

    /// Whitespace is no description either.
    func testBodyImageWithBlankAlt() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/标签示例.png", Data([0x89, 0x50]))
        fixture[doc]! += "\n![ ](标签示例.png)\n"
        try fixture.check().assertFinds("PM002", .error, file: "content/\(doc)", line: 17, column: 1)
    }

    func testGraphicMediaWithoutAlt() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/图解.png", Data([0x89, 0x50]))
        fixture["\(bundle)/图解.md"] = """
            ---
            title: 一图读懂
            form: graphic
            published: 2024-03-08
            media: { file: 图解.png }
            ---
            """
        try fixture.check().assertFinds("PM002", .error, file: "content/\(bundle)/图解.md", line: 5, column: 8)
    }

    // MARK: - PM003 video-captions

    private func video(_ media: String) -> String {
        """
        ---
        title: 视频解读
        form: video
        published: 2024-03-08
        media: \(media)
        ---

        ## 背景依据

        本片依据食品安全法制作。

        ## 主要内容

        标签字号、标注事项和网店展示要求。

        ## 关键词

        预包装食品。
        """
    }

    /// An audio interpretation needs a transcript: captions do not show with sound alone.
    func testAudioWithoutTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp3", Data([0x49, 0x44, 0x33]))
        fixture.setBytes("\(bundle)/字幕.vtt", Data("WEBVTT\n".utf8))
        fixture["\(bundle)/音频.md"] = video("{ file: 解读.mp3, captions: 字幕.vtt }").replacingOccurrences(of: "form: video", with: "form: 音频")
        try fixture.check().assertFinds("PM003", .error, file: "content/\(bundle)/音频.md", line: 5, column: 8, message: "音频解读没有文字稿")
    }

    func testAudioWithTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp3", Data([0x49, 0x44, 0x33]))
        fixture.setBytes("\(bundle)/文字稿.txt", Data("各位听众：".utf8))
        fixture["\(bundle)/音频.md"] = video("{ file: 解读.mp3, transcript: 文字稿.txt }").replacingOccurrences(of: "form: video", with: "form: audio")
        try fixture.check().assertNoFindings()
    }

    func testVideoWithoutCaptionsOrTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4 }")
        try fixture.check().assertFinds("PM003", .error, file: "content/\(bundle)/视频.md", line: 5, column: 8)
    }

    /// Either captions (WebVTT) or a transcript is enough.
    func testVideoWithCaptionsOrTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture.setBytes("\(bundle)/字幕.vtt", Data("WEBVTT\n".utf8))
        fixture.setBytes("\(bundle)/文字稿.txt", Data("各位观众：".utf8))
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, captions: 字幕.vtt }")
        try fixture.check().assertNoFindings()
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, transcript: 文字稿.txt }")
        try fixture.check().assertNoFindings()
    }

    /// The captions file itself must exist too.
    func testVideoCaptionsFileMissing() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, captions: 字幕.vtt }")
        let result = try fixture.check()
        result.assertFinds("PM001", .error, file: "content/\(bundle)/视频.md", line: 5, column: 34, message: "字幕.vtt")
        result.assertClean("PM003")
    }

    // MARK: - PM004 broken-document-link

    func testLinkToUnknownDocument() throws {
        var fixture = ContentFixture()
        fixture[doc]! += "\n本办法所称标签，参见[《示例省食品安全条例》](/d/nonexistent/)。\n"
        try fixture.check().assertFinds("PM004", .error, file: "content/\(doc)", line: 17, column: 11, message: "nonexistent")
    }

    /// A near miss suggests the id it probably meant.
    func testLinkTypoSuggestsID() throws {
        var fixture = ContentFixture()
        fixture[interp]! += "\n原文见[《示例省食品标签管理办法》](/d/2024-food-label/)。\n"
        try fixture.check().assertFinds("PM004", .error, file: "content/\(interp)", line: 19, message: "/d/2024-food-labels/")
    }

    func testLinkToExistingDocument() throws {
        var fixture = ContentFixture()
        fixture[interp]! += "\n原文见[《示例省食品标签管理办法》](/d/2024-food-labels/)和[解读](/d/2024-food-labels/解读/)。\n"
        try fixture.check().assertNoFindings()
    }

    /// Cleanup batches link to the documents they decide on, and are checked too.
    func testCleanupBodyLink() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels, result: 继续有效 }
            ---

            [《示例省食品标签管理办法》](/d/2024-food-labelz/)继续有效。
            """
        try fixture.check().assertFinds("PM004", .error, file: "content/cleanup/2024.md", line: 8, column: 1)
    }
}

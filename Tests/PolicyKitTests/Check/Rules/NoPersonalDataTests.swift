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

/// PP001 personal-data: no resident ID, mobile, bank card or e-mail in published text —
/// front matter, bodies, transcripts, captions, text and PDF attachments — however it is
/// typed. Findings show only a masked excerpt, never the data itself.
final class NoPersonalDataTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// Appends a paragraph to the interpretation (it lands on line 19).
    private func interpretation(with paragraph: String) -> ContentFixture {
        var fixture = ContentFixture()
        fixture[interp]! += "\n\(paragraph)\n"
        return fixture
    }

    func testMobileNumber() throws {
        let finding = try interpretation(with: "咨询请联系张科长，电话13812345678。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 12, message: "手机号码")
        XCTAssertEqual(finding?.message.contains("13812345678"), false, "the number itself is never repeated")
        XCTAssertEqual(finding?.message.contains("138*****678"), true, finding?.message ?? "")
    }

    /// 11010519491231002X has a valid GB 11643 check character; with a wrong one it is just digits.
    func testResidentIDWithValidCheckDigit() throws {
        try interpretation(with: "申请人身份证号11010519491231002X。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 8, message: "居民身份证号码")
        try interpretation(with: "申请人身份证号110105194912310021。").check().assertClean("PP001")
    }

    /// A Luhn-valid 19-digit card number; off by one digit it fails Luhn and passes.
    func testBankCard() throws {
        try interpretation(with: "退款账号6222021234567890128。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, message: "银行卡号")
        try interpretation(with: "退款账号6222021234567890127。").check().assertClean("PP001")
    }

    func testEmailInFrontMatter() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "office: 食品安全协调处", with: "office: 食品安全协调处 zhang.san@example.com")
        try fixture.check().assertFinds("PP001", .error, file: "content/\(doc)", line: 4, column: 17, message: "电子邮箱")
    }

    /// The scan skips eight bytes at a time where no match can start: a number or an address
    /// found at every alignment, at the very end, and after text that is all skipped.
    func testScanFindsMatchesAtEveryAlignment() {
        for lead in ["", "a", "中", "中a"] {
            for repeats in 0..<10 {
                let prefix = String(repeating: lead, count: repeats)
                let found = PersonalData.scanLines(prefix + "电话13812345678；邮箱li.si@example.com")
                XCTAssertEqual(found.map(\.match.kind), [.mobile, .email], "after \(prefix.utf8.count) bytes")
                XCTAssertEqual(found.first?.match.column, prefix.count + 3)
                XCTAssertEqual(PersonalData.scanLines("第一行\n" + prefix + "13812345678").map(\.line), [2])
            }
        }
    }

    /// Full-width digits and ＠ are found at every alignment, after Chinese punctuation that
    /// shares their lead byte, and in a text that has no other full-width form.
    func testFullWidthFormsAtEveryAlignment() {
        for lead in ["", "a", "，", "中：", "（）a"] {
            for repeats in 0..<10 {
                let prefix = String(repeating: lead, count: repeats)
                let found = PersonalData.scanLines(prefix + "电话１３８００１３８０００；邮箱li.si＠example.com")
                XCTAssertEqual(found.map(\.match.kind), [.mobile, .email], "after \(prefix.utf8.count) bytes")
                XCTAssertEqual(found.first?.match.column, prefix.count + 3)
            }
        }
        XCTAssertEqual(PersonalData.scanLines("全角标点，：（）；没有号码。").count, 0)
    }

    /// The eight-byte test is exact: true exactly when some byte is in 0x30...0x40.
    func testEightByteSkipTestIsExact() {
        for filler: UInt8 in [0x00, 0x20, 0x2F, 0x41, 0x7F, 0x80, 0xAF, 0xB0, 0xC0, 0xE4, 0xFF] {
            XCTAssertFalse(PersonalData.mayStartMatch(UInt64(filler) &* 0x0101_0101_0101_0101), "filler \(filler)")
            for byte in UInt8.min...UInt8.max {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(PersonalData.mayStartMatch(word), (0x30...0x40).contains(byte), "byte \(byte) at \(position)")
                }
            }
        }
    }

    /// Public office contacts listed in site.yml privacy.allow pass.
    func testAllowedOfficialContact() throws {
        var fixture = interpretation(with: "监督电话13812345678，邮箱spjg@example.gov.cn。")
        fixture["site.yml"]! += "privacy:\n  allow: [\"13812345678\", spjg@example.gov.cn]\n"
        try fixture.check().assertNoFindings()
    }

    /// 文号, dates, amounts and landline numbers are not personal data.
    func testNumbersThatAreNotPersonal() throws {
        try interpretation(with: "依据示市监规〔2024〕3号，自2024年4月1日起，罚款100000元以下；举报电话0571-12315。")
            .check().assertNoFindings()
    }

    /// site.yml privacy.patterns adds the bureau's own patterns.
    func testCustomPattern() throws {
        var fixture = interpretation(with: "经营者备案号BA-2024-00017。")
        fixture["site.yml"]! += "privacy:\n  patterns: ['BA-\\d{4}-\\d{5}']\n"
        try fixture.check().assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 7, message: "自定义")
    }

    /// An invalid pattern is a settings error, reported at the patterns entry.
    func testInvalidCustomPattern() throws {
        var fixture = ContentFixture()
        fixture["site.yml"]! += "privacy:\n  patterns: ['BA-(']\n"
        try fixture.check().assertFinds("PF008", .error, file: "content/site.yml", line: 16, column: 13, message: "privacy.patterns")
    }

    // MARK: - Every published text

    /// A video interpretation with its transcript and captions, as the sample library has.
    private func withVideo(transcript: String, captions: String = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n食品标签新规要点。\n") -> ContentFixture {
        var fixture = ContentFixture()
        fixture["\(ContentFixture.bundle)/视频解读.md"] = ContentFixture.textInterpretation(
            title: "视频解读", published: "2024-03-08",
            extra: "media: { file: 视频.mp4, poster: 封面.png, captions: 字幕.vtt, transcript: 视频文稿.txt }"
        )
        .replacingOccurrences(of: "form: text", with: "form: video")
        fixture.setBytes("\(ContentFixture.bundle)/视频.mp4", Data([0, 0, 0, 24]))
        fixture.setBytes("\(ContentFixture.bundle)/封面.png", Data([0x89, 0x50, 0x4E, 0x47]))
        fixture["\(ContentFixture.bundle)/字幕.vtt"] = captions
        fixture["\(ContentFixture.bundle)/视频文稿.txt"] = transcript
        return fixture
    }

    /// The issue's case: the transcript is rendered into the page, so its numbers count.
    func testMobileInTranscript() throws {
        let finding = try withVideo(transcript: "各位观众好。\n详情请咨询经办人王某，电话13800138000。\n").check()
            .assertFinds("PP001", .error, file: "content/\(ContentFixture.bundle)/视频文稿.txt", line: 2, column: 14, message: "手机号码")
        XCTAssertEqual(finding?.message.contains("138*****000"), true, finding?.message ?? "")
        XCTAssertEqual(finding?.message.contains("13800138000"), false)
        try withVideo(transcript: "各位观众好。\n详情请拨打12345政务服务便民热线。\n").check().assertClean("PP001")
    }

    /// An ID number in WebVTT captions, between the cue timings (which are never numbers of note).
    func testResidentIDInCaptions() throws {
        let captions = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n例如身份证号11010519491231002X的申请人\n"
        try withVideo(transcript: "无。\n", captions: captions).check()
            .assertFinds("PP001", .error, file: "content/\(ContentFixture.bundle)/字幕.vtt", line: 5, column: 7, message: "110************02X")
        try withVideo(transcript: "无。\n", captions: "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n办理时限为20个工作日\n")
            .check().assertClean("PP001")
    }

    /// SRT subtitles and a CSV attachment are read too.
    func testSubtitlesAndCSVAttachment() throws {
        var fixture = ContentFixture()
        fixture["\(ContentFixture.bundle)/字幕.srt"] = "1\n00:00:01,000 --> 00:00:03,000\n联系人 139 1234 5678\n"
        fixture["\(ContentFixture.bundle)/名单.csv"] = "序号,单位,联系人邮箱\n1,示例公司,wang.wu@example.com\n"
        let result = try fixture.check()
        result.assertFinds("PP001", .error, file: "content/\(ContentFixture.bundle)/字幕.srt", line: 3, column: 5, message: "139 **** *678")
        result.assertFinds("PP001", .error, file: "content/\(ContentFixture.bundle)/名单.csv", line: 2, column: 8, message: "电子邮箱")
    }

    /// Dashes, spaces and dots between the groups, full-width digits, full-width ＠: all
    /// the same number or address, masked as written.
    func testSeparatedAndFullWidthForms() throws {
        let cases: [(String, String, String)] = [
            ("电话138-0013-8000。", "手机号码", "138-****-*000"),
            ("电话138 0013 8000。", "手机号码", "138 **** *000"),
            ("电话138.0013.8000。", "手机号码", "138.****.*000"),
            ("电话１３８００１３８０００。", "手机号码", "１３８*****０００"),
            ("电话１３８－００１３－８０００。", "手机号码", "１３８－****－*０００"),
            ("证号１１０１０５１９４９１２３１００２Ｘ。", "居民身份证号码", "１１０************０２Ｘ"),
            ("证号110105 19491231 002X。", "居民身份证号码", "110*** ******** *02X"),
            ("账号6222 0212 3456 7890 128。", "银行卡号", "622* **** **** **** 128"),
            ("邮箱name＠example.com。", "电子邮箱", "nam**********com"),
            ("邮箱zhang.san @ example.com。", "电子邮箱", "zha*****************com"),
            // With the country code in front, written together or apart.
            ("电话008613800138000。", "手机号码", "008*********000"),
        ]
        for (text, kind, masked) in cases {
            let finding = try interpretation(with: text).check()
                .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 3, message: kind)
            XCTAssertEqual(finding?.message.contains("疑似\(kind)：\(masked)。"), true, "\(text): \(finding?.message ?? "none")")
        }
        // After a `+` the number starts one column later.
        for (text, masked) in [("电话+8613800138000。", "861*******000"), ("电话+86 138 0013 8000。", "86 1** **** *000")] {
            let finding = try interpretation(with: text).check()
                .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 4, message: "手机号码")
            XCTAssertEqual(finding?.message.contains("疑似手机号码：\(masked)。"), true, "\(text): \(finding?.message ?? "none")")
        }
    }

    /// A number the page shows whole but the source splits: emphasis, code and strike-through
    /// markers, an escape, an HTML tag, a character reference, a zero-width space, a line
    /// break inside a paragraph. Found at the source's line and column, masked as shown.
    func testNumbersHiddenByMarkdown() throws {
        let cases: [(String, Int, String)] = [
            ("电话138**0013**8000。", 3, "138*****000"),
            ("电话138_0013_8000。", 3, "138*****000"),
            ("电话`138`00138000。", 4, "138*****000"),
            ("电话~~1~~3800138000。", 5, "138*****000"),
            ("电话138<span>0013</span>8000。", 3, "138*****000"),
            ("电话&#49;3800138000。", 3, "138*****000"),
            ("电话138\u{200B}0013\u{200B}8000。", 3, "138*****000"),
            ("证号110105<b>19491231</b>002X。", 3, "110************02X"),
            ("邮箱zhang\\_san@example.com。", 3, "zha**************com"),
            ("电话1380013<!-- 注释 -->8000。", 3, "138*****000"),
            ("电话[138001](#)38000。", 4, "138*****000"),
            ("邮箱zhang&commat;example&period;com。", 3, "zha***********com"),
        ]
        for (text, column, masked) in cases {
            let finding = try interpretation(with: text).check()
                .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: column, message: masked)
            XCTAssertEqual(finding?.message.contains("13800138000"), false, text)
        }
        // Broken over two lines of one paragraph: found where it starts.
        try interpretation(with: "联系电话138 0013\n8000，工作日受理。").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 5, message: "138 **** *000")
        // Two paragraphs are two places on the page: digits either side of a blank line do not join.
        try interpretation(with: "办理时限138\n\n0013 8000").check().assertClean("PP001")
        // Markup around a public number changes nothing, and one found as written is reported once.
        try interpretation(with: "举报电话**12315**，**0571-12345678**。").check().assertNoFindings()
        let once = try interpretation(with: "电话**13800138000**。").check().findings("PP001")
        XCTAssertEqual(once.count, 1, once.map(\.message).joined(separator: "\n"))
    }

    /// Public service numbers and office landlines, dates, 文号, article numbers, amounts and
    /// table figures are not personal data, however they are spaced.
    func testPublicNumbersAndFiguresAreNotFindings() throws {
        let text = """
            投诉举报电话12315，政务服务便民热线12345，办公电话0571-12345678、010-12345678、（0571）8765 4321。
            依据示市监规〔2024〕3号第12条，自2024-04-01起，2024.03.08印发，罚款100 000元以下。
            | 2021 | 2022 | 2023 |
            | 130 | 2000 | 5000 |
            第 1 2 3 条，共 1.5 万元，编号 GB 7718-2011。
            """
        try interpretation(with: text).check().assertNoFindings()
    }

    /// A landline written as an allowed contact in another spelling still passes: the list
    /// and the text are compared without separators.
    func testAllowedContactInAnotherSpelling() throws {
        var fixture = interpretation(with: "监督电话138-1234-5678。")
        fixture["site.yml"]! += "privacy:\n  allow: [\"13812345678\"]\n"
        try fixture.check().assertNoFindings()
    }

    /// An image's alt text is published (it is read aloud and shown when the image fails).
    func testImageAltText() throws {
        try interpretation(with: "![联系人手机 139 1234 5678](图解.png)").check()
            .assertFinds("PP001", .error, file: "content/\(interp)", line: 19, column: 9, message: "139 **** *678")
    }

    /// Every front-matter value, nested ones too: a change note, an attachment title, a
    /// cleanup batch's result note.
    func testNestedFrontMatterValues() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nchanges:\n  - { date: 2024-03-10, note: 经办人138 0013 8000 }")
        try fixture.check().assertFinds("PP001", .error, file: "content/\(doc)", line: 10, message: "138 **** *000")
    }

    /// The text of a PDF attachment, made here with a minimal hand-written PDF; the finding
    /// names the page. Skipped where pdftotext is not installed (`make deps` installs it).
    func testMobileInPDFAttachmentNamesThePage() throws {
        try XCTSkipIf(PDFText.tool == nil, "pdftotext (poppler-utils) is not installed; make deps installs it")
        var fixture = ContentFixture()
        fixture.setBytes("\(ContentFixture.bundle)/附件.pdf", TinyPDF.make(pages: [["Notice"], ["Contact", "Tel 138-0013-8000"]]))
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments: [{ file: 附件.pdf, title: 附件 }]")
        let finding = try fixture.check()
            .assertFinds("PP001", .error, file: "content/\(ContentFixture.bundle)/附件.pdf", line: 2, column: 1, message: "第 2 页第 2 行")
        XCTAssertEqual(finding?.message.contains("138-****-*000"), true, finding?.message ?? "")
        var clean = ContentFixture()
        clean.setBytes("\(ContentFixture.bundle)/附件.pdf", TinyPDF.make(pages: [["Hotline 12315"]]))
        try clean.check().assertClean("PP001")
    }

    // MARK: - Standalone Q&A entries

    /// Hotline records: a mobile number in a batch entry's answer is found at its line in the
    /// `.yml` file; a labelled name and an address in a `.md` entry's body at theirs.
    func testQuestionEntriesAreReviewedAtTheirLines() throws {
        let fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry()
                + QuestionFixture.entry(id: "with-phone", answer: "请拨打 1️⃣13812345678 联系经办人。"),
            QuestionFixture.markdownPath: QuestionFixture.markdown(answer: "来信人：2️⃣王小明，住址：3️⃣示例市和平路12号3单元。已答复。"),
        ])
        try fixture.check(asOf: "2024-12-01").assertFindings([
            "1️⃣": .error("PP001", "手机号码"), "2️⃣": .error("PP001", "姓名"), "3️⃣": .error("PP001", "住址"),
        ])
    }

    /// A quoted YAML value shows what its escapes make of it: a number kept apart in the
    /// file by `\x` escapes or a line continuation is whole on the page, and found.
    func testNumbersHiddenByYAMLEscapesInABatch() throws {
        for answer in [#""请拨打 138\x30013\x38000 联系。""#, "\"请拨打 1380013\\\n  8000 联系。\""] {
            let fixture = MarkedFixture([
                QuestionFixture.batchPath: QuestionFixture.entry(id: "escaped", answer: "1️⃣" + answer)
            ])
            try fixture.check(asOf: "2024-12-01").assertFindings(["1️⃣": .error("PP001", "手机号码")])
        }
    }

    /// Masked values pass: `张某`, `王**`, `138****5678`; documents are not searched for labelled names.
    func testMaskedQuestionEntriesPass() throws {
        var fixture = MarkedFixture([
            QuestionFixture.batchPath: QuestionFixture.entry(answer: "来电人：张某，电话 138****5678，住址：示例市**路。")
        ])
        fixture.replace(in: ContentFixture.doc, "制定本办法。", with: "制定本办法。联系人：王小明")
        try fixture.check(asOf: "2024-12-01").assertClean("PP001")
    }

    func testLabelledNamesAndAddresses() {
        XCTAssertEqual(LabelledPersonalData.scan("姓名：李四，诉求如下").map(\.value), ["李四"])
        XCTAssertEqual(LabelledPersonalData.scan("家庭住址：示例市和平路1号").map(\.kind), [.address])
        XCTAssertTrue(LabelledPersonalData.scan("来电人：匿名").isEmpty)
        XCTAssertTrue(LabelledPersonalData.scan("来电人：李*").isEmpty)
        XCTAssertTrue(LabelledPersonalData.scan("来电人：张先生，联系人：王科长").isEmpty, "forms of address are not names")
        XCTAssertTrue(LabelledPersonalData.scan("请写明姓名和联系方式").isEmpty)
    }
}

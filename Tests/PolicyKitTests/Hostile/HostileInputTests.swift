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

/// Bad input is a diagnostic — naming the file and the reason — never a crash, a hang or a
/// silent loss; and the rest of the library is still checked. Each case puts its bad file in
/// a bundle of its own beside the fixture's valid document (see `HostileFixture`).
final class HostileInputTests: XCTestCase {
    private let index = HostileFixture.bundle + "/index.md"

    /// A valid document for the hostile bundle, whose body or bytes a test then spoils.
    private func validHostileDocument(body: String = "第一条 为规范管理，制定本办法。") -> String {
        """
        ---
        title: 示例省另一份管理办法
        number: 示市监规〔2024〕8号
        office: 食品安全协调处
        signed: 2024-03-01
        published: 2024-03-08
        effective: 2024-04-01
        expires: 2029-03-31
        exempt: 测试用文件，不作解读。
        ---

        \(body)

        """
    }

    private func fixture(bytes: Data, at path: String? = nil) -> HostileFixture {
        var content = ContentFixture()
        content.setBytes(path ?? index, bytes)
        return HostileFixture(content)
    }

    // MARK: - Encodings and bytes

    func testInvalidUTF8IsReportedWithFileAndReason() throws {
        var bytes = Data(validHostileDocument().utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x41, 0xC3])  // never valid in UTF-8
        let result = try fixture(bytes: bytes).check()
        result.assertFinds("PF001", .error, file: index, line: 1, message: "不是有效的 UTF-8")
        result.assertValidDocumentUnharmed()
    }

    func testGBKFileSaysSoAndHowToConvert() throws {
        // "---\ntitle: 示例文件\n---\n正文内容。\n" saved by a Windows editor in GBK/GB18030.
        let gbk = Data([
            0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xca, 0xbe, 0xc0, 0xfd, 0xce,
            0xc4, 0xbc, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xd5, 0xfd, 0xce, 0xc4, 0xc4, 0xda, 0xc8, 0xdd,
            0xa1, 0xa3, 0x0a,
        ])
        let result = try fixture(bytes: gbk).check()
        let finding = result.assertFinds("PF001", .error, file: index, line: 1, message: "GBK/GB18030")
        XCTAssertTrue(finding?.fix.contains("iconv -f GB18030 -t UTF-8") == true, finding?.fix ?? "")
        XCTAssertTrue(finding?.fix.contains("另存为 UTF-8") == true, finding?.fix ?? "")
        result.assertValidDocumentUnharmed()
    }

    func testNULByteIsReported() throws {
        var bytes = Data(validHostileDocument().utf8)
        bytes.insert(0, at: 40)
        let result = try fixture(bytes: bytes).check()
        result.assertFinds("PF001", .error, file: index, line: 1, message: "空字节")
        result.assertValidDocumentUnharmed()
    }

    func testUTF16IsNamedAsSuchNotAsNULBytes() throws {
        // Windows Notepad's "Unicode": little-endian with a byte-order mark, big-endian without.
        let text = validHostileDocument()
        let littleEndian = Data([0xFF, 0xFE]) + text.utf16.reduce(into: Data()) { $0.append(contentsOf: [UInt8($1 & 0xFF), UInt8($1 >> 8)]) }
        let bigEndian = text.utf16.reduce(into: Data()) { $0.append(contentsOf: [UInt8($1 >> 8), UInt8($1 & 0xFF)]) }
        for (bytes, order) in [(littleEndian, "小端序"), (bigEndian, "大端序")] {
            let result = try fixture(bytes: bytes).check()
            let finding = result.assertFinds("PF001", .error, file: index, line: 1, message: "UTF-16 编码（\(order)）")
            XCTAssertTrue(finding?.fix.contains("UTF-16 编码，请另存为 UTF-8") == true, finding?.fix ?? "")
            XCTAssertFalse(finding?.message.contains("NUL") ?? true)
            result.assertValidDocumentUnharmed()
        }
    }

    func testBOMIsAcceptedAndTheDocumentBuilds() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(validHostileDocument().utf8)
        let hostile = fixture(bytes: bytes)
        let (result, site) = try hostile.build()
        result.assertClean("PF002")
        result.assertNoErrors()
        XCTAssertEqual(result.library.document("2024-hostile-input")?.title, "示例省另一份管理办法")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("d/2024-hostile-input/index.html").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("d/\(ContentFixture.docID)/index.html").path))
    }

    func testCRLFIsAcceptedWithTheSameLinePositions() throws {
        // signed after published: PD001 at the `signed` line (5), as in the LF file.
        let text = validHostileDocument().replacingOccurrences(of: "signed: 2024-03-01", with: "signed: 2024-03-09")
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try fixture(bytes: Data(crlf.utf8)).check()
        let lf = try fixture(bytes: Data(text.utf8)).check()
        result.assertClean("PF002")
        XCTAssertEqual(result.library.document("2024-hostile-input")?.title, "示例省另一份管理办法")
        XCTAssertEqual(result.library.document("2024-hostile-input")?.body, lf.library.document("2024-hostile-input")?.body)
        let positions = { (r: CheckResult) in r.findings("PD001").filter { $0.location.file == "content/" + self.index }.map(\.location) }
        XCTAssertFalse(positions(result).isEmpty, result.messages(in: index).joined(separator: "\n"))
        XCTAssertEqual(positions(result), positions(lf))
        result.assertValidDocumentUnharmed()
    }

    func testEmptyFileIsReported() throws {
        let result = try fixture(bytes: Data()).check()
        result.assertFinds("PF002", .error, file: index, line: 1, message: "缺少开头的 front matter")
        result.assertValidDocumentUnharmed()
    }

    func testFrontMatterThatNeverClosesIsReported() throws {
        let text = "---\ntitle: 没有结束的字段区\nsigned: 2024-03-01\n\n正文第一段。\n"
        let result = try fixture(bytes: Data(text.utf8)).check()
        result.assertFinds("PF002", .error, file: index, line: 1, message: "没有结束")
        result.assertValidDocumentUnharmed()
    }

    func testFileOverTheSizeLimitIsReportedWithItsSize() throws {
        var bytes = Data(validHostileDocument().utf8)
        bytes.append(Data(repeating: 0x41, count: 50 << 20))  // 50 MB of body
        let result = try fixture(bytes: bytes).check()
        let finding = result.assertFinds("PF001", .error, file: index, line: 1, message: "超过 8 MB 的上限")
        XCTAssertTrue(finding?.message.contains("50 MB") == true, finding?.message ?? "")
        result.assertValidDocumentUnharmed()
    }

    func testSizeJustOverTheLimitIsNotShownAsTheLimit() throws {
        var bytes = Data(validHostileDocument().utf8)
        bytes.append(Data(repeating: 0x41, count: ContentLoader.maxFileBytes + 300_000))
        let result = try fixture(bytes: bytes).check()
        let finding = result.assertFinds("PF001", .error, file: index, line: 1, message: "超过 8 MB 的上限")
        XCTAssertTrue(finding?.message.contains("8.3 MB") == true, finding?.message ?? "")
    }

    func testPipeIsReportedAndNotRead() throws {
        // A FIFO named like a cleanup file: opening it for reading would block for ever.
        let hostile = HostileFixture()
        let result = try hostile.check { content in
            try FileManager.default.createDirectory(at: content.appendingPathComponent("cleanup"), withIntermediateDirectories: true)
            XCTAssertEqual(mkfifo(content.appendingPathComponent("cleanup/2024-pipe.md").path, 0o644), 0)
        }
        result.assertFinds("PF001", .error, file: "cleanup/2024-pipe.md", line: 1, message: "不是普通文件")
        result.assertValidDocumentUnharmed()
    }

    func testPipeNamedLikeAnInterpretationIsReportedNotDropped() throws {
        // In a bundle the walk skipped anything but files and folders: the pipe vanished.
        let hostile = fixture(bytes: Data(validHostileDocument().utf8))
        let result = try hostile.check { content in
            XCTAssertEqual(mkfifo(content.appendingPathComponent("\(HostileFixture.bundle)/问答.md").path, 0o644), 0)
        }
        result.assertFinds("PF001", .error, file: "\(HostileFixture.bundle)/问答.md", line: 1, message: "不是普通文件")
        result.assertValidDocumentUnharmed()
    }

    func testUnreadableAttachmentIsFoundByCheckAndBuildSaysSoInChinese() throws {
        try XCTSkipIf(getuid() == 0, "root reads any file: permissions cannot make one unreadable")
        var content = ContentFixture()
        content.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 表.pdf, title: 表 }")
        content["\(ContentFixture.bundle)/表.pdf"] = "%PDF-1.4"
        let hostile = HostileFixture(content)
        let result = try hostile.check { content in
            XCTAssertEqual(chmod(content.appendingPathComponent("\(ContentFixture.bundle)/表.pdf").path, 0), 0)
        }
        result.assertFinds("PF001", .error, file: "\(ContentFixture.bundle)/表.pdf", line: 1, message: "无法读取")
    }

    func testYAMLErrorsAreInChineseWithTheirPosition() throws {
        let text = validHostileDocument().replacingOccurrences(of: "office: 食品安全协调处", with: "office: 处室: 食品安全协调处")
        let result = try fixture(bytes: Data(text.utf8)).check()
        let finding = result.assertFinds("PF002", .error, file: index, line: 4, message: "此处不能出现“字段: 值”")
        XCTAssertFalse(finding?.message.contains("mapping values") ?? true, finding?.message ?? "")
        let tab = validHostileDocument().replacingOccurrences(of: "office: 食品安全协调处", with: "office: \"未闭合")
        let unclosed = try fixture(bytes: Data(tab.utf8)).check()
        let problem = unclosed.findings("PF002").first?.message ?? ""
        XCTAssertTrue(problem.contains("读取引号内的值时"), problem)
        XCTAssertFalse(problem.contains("while"), problem)
    }

    // MARK: - YAML bombs and depth

    /// "Billion laughs": nine levels of nine aliases stand for 9^9 (387 million) strings.
    private func laughs(levels: Int, fanOut: Int) -> [String] {
        var lines = ["a0: &a0 [" + Array(repeating: "哈", count: fanOut).joined(separator: ", ") + "]"]
        for i in 1...levels {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: fanOut).joined(separator: ", ") + "]")
        }
        return lines
    }

    func testAliasBombInValuesIsRefusedQuickly() throws {
        let text =
            "---\n" + laughs(levels: 9, fanOut: 9).joined(separator: "\n")
            + "\ntitle: *a9\ntopics: *a9\nkeywords: *a9\n---\n\n正文。\n"
        let start = Date()
        let result = try fixture(bytes: Data(text.utf8)).check()
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let finding = result.findings("PF002").first { $0.location.file == "content/" + index }
        XCTAssertTrue(finding?.message.contains("YAML 炸弹") == true, result.messages(in: index).joined(separator: "\n"))
        XCTAssertNil(result.library.document("2024-hostile-input"))
        result.assertValidDocumentUnharmed()
    }

    func testAliasBombInAKeyIsRefusedQuickly() throws {
        // Yams hashes every key to find duplicates: an aliased key of 2^40 values would never finish.
        let text =
            "---\n" + laughs(levels: 40, fanOut: 2).joined(separator: "\n")
            + "\n? *a40\n: 值\ntitle: 标题\n---\n\n正文。\n"
        let start = Date()
        let result = try fixture(bytes: Data(text.utf8)).check()
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let finding = result.findings("PF002").first { $0.location.file == "content/" + index }
        XCTAssertTrue(finding?.message.contains("YAML 炸弹") == true, result.messages(in: index).joined(separator: "\n"))
        result.assertValidDocumentUnharmed()
    }

    func testAFewAliasesAreStillAccepted() throws {
        let text = validHostileDocument().replacingOccurrences(
            of: "exempt: 测试用文件，不作解读。", with: "exempt: &why 测试用文件，不作解读。\nkeywords: [*why]")
        let result = try fixture(bytes: Data(text.utf8)).check()
        result.assertClean("PF002")
        XCTAssertEqual(result.library.document("2024-hostile-input")?.keywords, ["测试用文件，不作解读。"])
    }

    func testSettingsFileBombIsRefusedToo() throws {
        var content = ContentFixture()
        content["calendar.yml"] = laughs(levels: 30, fanOut: 2).joined(separator: "\n") + "\nholidays: *a30\n"
        let result = try HostileFixture(content).check()
        let finding = result.findings("PF002").first { $0.location.file == "content/calendar.yml" }
        XCTAssertTrue(finding?.message.contains("YAML 炸弹") == true, result.messages(in: "calendar.yml").joined(separator: "\n"))
    }

    func testDeeplyNestedFrontMatterIsASyntaxError() throws {
        let text =
            "---\ntitle: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + "\n---\n\n正文。\n"
        let result = try fixture(bytes: Data(text.utf8)).check()
        result.assertFinds("PF002", .error, file: index, line: 2)
        result.assertValidDocumentUnharmed()
    }

    func testFrontMatterJustUnderTheNestingLimitDoesNotOverflowTheStack() throws {
        // libyaml stops at 1,000 levels; Yams composes recursively, on a worker thread.
        let text = validHostileDocument().replacingOccurrences(
            of: "exempt: 测试用文件，不作解读。",
            with: "exempt: 测试用文件，不作解读。\nextra: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990))
        let result = try fixture(bytes: Data(text.utf8)).check()
        result.assertClean("PF002")
        result.assertValidDocumentUnharmed()
    }

    func testDeeplyNestedMarkdownChecksAndBuilds() throws {
        let body = [
            String(repeating: ">", count: 100_000) + " 引用",
            String(repeating: "- ", count: 100_000) + "列表",
            (0..<2_000).map { String(repeating: "  ", count: $0) + "- 项" }.joined(separator: "\n"),
            String(repeating: "[", count: 50_000) + "链接" + String(repeating: "]", count: 50_000) + "(a.pdf)",
            String(repeating: "*", count: 50_000) + "强调" + String(repeating: "*", count: 50_000),
            String(repeating: "![", count: 30_000),
            String(repeating: "`", count: 30_000),
            String(repeating: "<", count: 30_000) + String(repeating: "&#", count: 10_000),
            String(repeating: "| a ", count: 2_000) + "|\n" + String(repeating: "|---", count: 2_000) + "|",
        ].joined(separator: "\n\n")
        let hostile = fixture(bytes: Data(validHostileDocument(body: body).utf8))
        hostile.fixture["\(HostileFixture.bundle)/a.pdf"] = "%PDF-1.4"
        let (result, site) = try hostile.build()
        result.assertNoErrors()
        let page = site.appendingPathComponent("d/2024-hostile-input/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: page.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("d/\(ContentFixture.docID)/index.html").path))
    }

    func testAutolinkAtTheStartOfALineChecksAndBuilds() throws {
        // cmark gives an autolink that opens a line column 0; turned into a character column
        // it made an inverted range and trapped check, build and serve.
        let body = "详情请登录门户网站\nwww.samr.gov.cn 查询。\n\n- 列表项\nwww.example.gov.cn\n\nwww.example.gov.cn 开头的段落。"
        let hostile = fixture(bytes: Data(validHostileDocument(body: body).utf8))
        let (result, site) = try hostile.build()
        result.assertNoErrors()
        let page = try String(contentsOf: site.appendingPathComponent("d/2024-hostile-input/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("http://www.samr.gov.cn"), "the autolink is still a link")
    }

    // MARK: - Found by fuzzing (fuzz/regressions/)

    func testPublishedBeforeSignedAcrossAnUncoveredYearDoesNotCrash() throws {
        // PD004 counted the years signed...published, a range that traps when reversed.
        let text = validHostileDocument().replacingOccurrences(of: "signed: 2024-03-01", with: "signed: 2025-03-01")
        let result = try fixture(bytes: Data(text.utf8)).check()
        result.assertFinds("PD001", .error, file: index, line: 6, message: "早于成文日期")
        XCTAssertTrue(result.findings("PD004").contains { $0.message.contains("2025") })
        result.assertValidDocumentUnharmed()
    }

    // MARK: - Ids

    func testIDsDifferingOnlyInCaseCollide() throws {
        var content = ContentFixture()
        content["normative/2024-Food-Labels/index.md"] = validHostileDocument()
        let result = try HostileFixture(content).check()
        XCTAssertTrue(
            result.findings("PF007").contains { $0.message.contains("重复") },
            result.findings("PF007").map(\.message).joined(separator: "\n"))
        XCTAssertNotNil(result.library.document(ContentFixture.docID))
    }

    func testIDsDifferingOnlyInUnicodeNormalisationCollide() throws {
        // Swift compares strings by canonical equivalence, so the two names are written as bytes.
        let document = Data(validHostileDocument().utf8)
        let result = try HostileFixture().check { content in
            for name in [[0x63, 0x61, 0x66, 0xC3, 0xA9], [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81]] as [[UInt8]] {  // é as NFC, NFD
                let folder = content.path + "/normative/2024-" + String(decoding: name, as: UTF8.self)
                XCTAssertEqual(mkdir(folder, 0o755), 0)
                XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/index.md", contents: document))
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: content.path + "/normative")
            XCTAssertEqual(names.count, 3, "the file system keeps both spellings apart")
        }
        let duplicates = result.findings("PF007").filter { $0.message.contains("重复") }
        XCTAssertEqual(duplicates.count, 1, result.findings("PF007").map(\.message).joined(separator: "\n"))
        result.assertValidDocumentUnharmed()
    }

    // MARK: - Links out of the content folder

    func testSymlinkedBundleFolderIsReportedAndNotFollowed() throws {
        let hostile = HostileFixture()
        let outside = try hostile.outsideBundle()
        let result = try hostile.check { content in
            try HostileFixture.link("normative/2024-secret-rules", to: outside.path, in: content)
        }
        let finding = result.assertFinds("PF010", .error, file: "normative/2024-secret-rules", line: 1, message: "符号链接")
        XCTAssertTrue(finding?.message.contains(outside.path) == true, finding?.message ?? "")
        XCTAssertNil(result.library.document("2024-secret-rules"), "a linked bundle was read")
        XCTAssertFalse(result.library.documents.contains { $0.title == "不应发布的内部文件" })
        result.assertValidDocumentUnharmed()
    }

    func testSymlinkedIndexIsReportedOnceAndNotFollowed() throws {
        let hostile = HostileFixture()
        let outside = try hostile.outsideBundle()
        let result = try hostile.check { content in
            try HostileFixture.link(self.index, to: outside.appendingPathComponent("index.md").path, in: content)
        }
        result.assertFinds("PF010", .error, file: index, line: 1, message: "符号链接")
        XCTAssertNil(result.library.document("2024-hostile-input"))
        // The link is the reason; PF007 does not also call the index missing.
        XCTAssertFalse(
            result.findings("PF007").contains { $0.location.file.contains("2024-hostile-input") },
            result.findings("PF007").map(\.message).joined(separator: "\n"))
        result.assertValidDocumentUnharmed()
    }

    func testSymlinkedAttachmentIsReportedAndNotPublished() throws {
        var content = ContentFixture()
        content.replace(
            in: ContentFixture.doc, "expires: 2029-03-31",
            with: "expires: 2029-03-31\nattachments: [{file: 附件.pdf, title: 附件}]")
        let hostile = HostileFixture(content)
        let outside = try hostile.outsideBundle()
        let result = try hostile.check { content in
            try HostileFixture.link(ContentFixture.bundle + "/附件.pdf", to: outside.appendingPathComponent("secret.pdf").path, in: content)
        }
        result.assertFinds("PF010", .error, file: ContentFixture.bundle + "/附件.pdf", line: 1, message: "符号链接")
        XCTAssertFalse(result.checked.raw.bundles.contains { $0.files.contains("附件.pdf") }, "a linked file is listed as content")
        XCTAssertNotNil(result.library.document(ContentFixture.docID))
    }

    func testSymlinkedCleanupAndSettingsAreReported() throws {
        let hostile = HostileFixture()
        let outside = try hostile.outsideBundle()
        let result = try hostile.check { content in
            try HostileFixture.link("cleanup/2024-linked.md", to: outside.appendingPathComponent("index.md").path, in: content)
            try FileManager.default.moveItem(
                at: content.appendingPathComponent("calendar.yml"),
                to: outside.appendingPathComponent("calendar.yml"))
            try HostileFixture.link("calendar.yml", to: outside.appendingPathComponent("calendar.yml").path, in: content)
        }
        result.assertFinds("PF010", .error, file: "cleanup/2024-linked.md", line: 1)
        result.assertFinds("PF010", .error, file: "calendar.yml", line: 1)
        XCTAssertTrue(result.library.cleanups.isEmpty)
        XCTAssertNotNil(result.library.document(ContentFixture.docID))
    }

    func testSymlinkedKindFolderIsReported() throws {
        let hostile = HostileFixture()
        let outside = try hostile.outsideBundle().deletingLastPathComponent()
        let result = try hostile.check { content in
            try HostileFixture.link("policies", to: outside.path, in: content)
        }
        result.assertFinds("PF010", .error, file: "policies", line: 1)
        XCTAssertNil(result.library.document("2024-secret-rules"))
        result.assertValidDocumentUnharmed()
    }

    func testAttachmentPathsOutsideTheBundleAreReported() throws {
        var content = ContentFixture()
        content["normative/2024-other/secret.pdf"] = "%PDF"
        content[index] = validHostileDocument(body: "见![图](../../../../etc/passwd)和[附件](/etc/shadow)。")
            .replacingOccurrences(
                of: "exempt: 测试用文件，不作解读。",
                with: """
                    exempt: 测试用文件，不作解读。
                    official: ../2024-other/secret.pdf
                    attachments:
                      - file: ../../site.yml
                        title: 上级目录
                      - file: /etc/passwd
                        title: 绝对路径
                    """)
        let result = try HostileFixture(content).check()
        let outside = result.findings("PM001").filter { $0.message.contains("指向文件夹之外") }
        XCTAssertEqual(outside.count, 4, result.messages(in: index).joined(separator: "\n"))
        XCTAssertTrue(outside.allSatisfy { $0.location.file == "content/" + index })
        result.assertValidDocumentUnharmed()
    }
}

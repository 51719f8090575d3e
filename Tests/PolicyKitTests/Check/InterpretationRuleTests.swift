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

/// PI001 interpretation-required, PI002 interpretation-not-simultaneous, PI003
/// interpretation-coverage, PI004 qa-without-pairs, PI005 interpretation-restates,
/// PI006 interpretation-office.
final class InterpretationRuleTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    // MARK: - PI001 interpretation-required

    /// The error names the bundle and says how to add one.
    func testDocumentWithoutInterpretation() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        let finding = try fixture.check().assertFinds("PI001", .error, file: "content/\(doc)", line: 1, column: 1,
                                                      message: "normative/2024-food-labels")
        XCTAssertEqual(finding?.fix.contains("content/normative/2024-food-labels/"), true, finding?.fix ?? "")
        XCTAssertEqual(finding?.fix.contains("解读.md"), true)
        XCTAssertEqual(finding?.fix.contains("exempt"), true)
    }

    /// Any *.md other than index.md counts, whatever its name or form.
    func testAnyInterpretationFileCounts() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture["\(bundle)/问答.md"] = """
            ---
            title: 问答
            form: qa
            published: 2024-03-08
            ---

            ## 哪些食品适用本办法？

            在本省生产、销售的预包装食品。
            """
        try fixture.check().assertNoFindings()
    }

    func testExemptDocumentNeedsNone() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nexempt: 仅涉及内部工作程序，不直接涉及公众权利义务")
        let result = try fixture.check()
        result.assertNoErrors()
        result.assertClean("PI001")
    }

    /// `exempt:` with no reason is not an exemption.
    func testEmptyExemptIsNoExemption() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nexempt:")
        try fixture.check().assertFinds("PI001", .error, file: "content/\(doc)", line: 1)
    }

    /// Published before interpretation.required_since (2019-01-01): none needed. The day
    /// itself is already required.
    func testRequiredSinceBoundary() throws {
        func legacy(published: String) -> ContentFixture {
            var fixture = ContentFixture()
            fixture.remove(interp)
            fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "number: 示市监规〔2018〕9号")
            fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2018-12-28")
            fixture.replace(in: doc, "published: 2024-03-08", with: "published: \(published)")
            fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2019-02-01")
            fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-01-31")
            return fixture
        }
        try legacy(published: "2018-12-31").check().assertClean("PI001")
        try legacy(published: "2019-01-01").check().assertFinds("PI001", .error, file: "content/\(doc)", line: 1)
    }

    /// Kinds not in required_for need none.
    func testKindNotRequired() throws {
        var fixture = ContentFixture()
        fixture.remove(interp)
        fixture.replace(in: "site.yml", "required_for: [regulation, normative, policy]", with: "required_for: [regulation]")
        try fixture.check().assertClean("PI001")
    }

    // MARK: - PI002 interpretation-not-simultaneous

    /// The document is published on Friday 2024-02-09, the last working day before the Spring
    /// Festival holidays (02-10..02-17); the next working day is the make-up Sunday 02-18.
    /// Counted with the calendar that is 1 working day late (without it, 5).
    private func springFestival(interpretation published: String, maxLag: Int) -> ContentFixture {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: \(maxLag)")
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 2024-02-01")
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-02-09")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(published)")
        return fixture
    }

    func testNextWorkingDayIsLateWithoutLagAllowance() throws {
        try springFestival(interpretation: "2024-02-18", maxLag: 0).check()
            .assertFinds("PI002", .error, file: "content/\(interp)", line: 4, column: 12, message: "晚 1 个工作日")
    }

    func testNextWorkingDayPassesWithOneDayAllowance() throws {
        try springFestival(interpretation: "2024-02-18", maxLag: 1).check().assertNoFindings()
    }

    /// Monday 02-19 is the second working day after: too late even with one day allowed.
    func testSecondWorkingDayFailsWithOneDayAllowance() throws {
        try springFestival(interpretation: "2024-02-19", maxLag: 1).check()
            .assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "晚 2 个工作日")
    }

    /// The calendar matters: without it, 02-18 is a Sunday after five weekdays.
    func testLagWithoutHolidaysInCalendar() throws {
        var fixture = springFestival(interpretation: "2024-02-18", maxLag: 1)
        fixture.replace(in: "calendar.yml", "  - 2024-02-10..2024-02-17  # 春节\n", with: "")
        fixture.replace(in: "calendar.yml", "2024-02-18, ", with: "")
        try fixture.check().assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "晚 5 个工作日")
    }

    /// 同步发布 means the same date: with no working days allowed, a Saturday after a Friday
    /// document is late, though no working day lies between them.
    func testSaturdayAfterFridayIsLateWithNoAllowance() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2024-03-09")
        try fixture.check().assertFinds("PI002", .error, file: "content/\(interp)", line: 4, column: 12,
                                        message: "其间没有工作日，但不是同一天")
    }

    /// The same for a holiday: 09-30 document, 10-03 (国庆节) interpretation.
    func testHolidayAfterDocumentIsLateWithNoAllowance() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-09-30")
        fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-10-08")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2024-10-03")
        try fixture.check().assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "须同日发布")
    }

    /// With one working day allowed, the deadline after 09-30 is 10-08 (the holidays and the
    /// weekend after them do not count): a holiday in between is on time, the 9th is not.
    func testDeadlineIsTheNthWorkingDay() throws {
        for (published, late) in [("2024-10-03", false), ("2024-10-08", false), ("2024-10-09", true)] {
            var fixture = ContentFixture()
            fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 1")
            fixture.replace(in: doc, "published: 2024-03-08", with: "published: 2024-09-30")
            fixture.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-10-08")
            fixture.replace(in: interp, "published: 2024-03-08", with: "published: \(published)")
            let result = try fixture.check()
            if late {
                result.assertFinds("PI002", .error, file: "content/\(interp)", line: 4, message: "最晚应在 2024-10-08")
            } else {
                result.assertClean("PI002")
            }
        }
    }

    /// Never before the document, even by a day.
    func testInterpretationBeforeDocument() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 5")
        fixture.replace(in: interp, "published: 2024-03-08", with: "published: 2024-03-07")
        try fixture.check().assertFinds("PI002", .error, file: "content/\(interp)", line: 4, column: 12, message: "早于")
    }

    // MARK: - PI003 interpretation-coverage

    func testTextInterpretationMissingKeyTerms() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、办事指引")
        try fixture.check().assertFinds("PI003", .error, file: "content/\(interp)", line: 3, column: 7, message: "关键词")
    }

    /// Any of the topic's heading words counts: 名词解释 for 关键词, 政策措施 for 主要内容.
    func testAlternativeHeadingWords() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、名词解释")
        fixture.replace(in: interp, "## 二、主要内容", with: "## 二、政策措施")
        try fixture.check().assertNoFindings()
    }

    /// The words are looked for in headings, not in running text.
    func testTopicWordInParagraphDoesNotCount() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "三、关键词解释")
        try fixture.check().assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "关键词")
    }

    /// Several missing topics: one finding naming all of them.
    func testSeveralTopicsMissing() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 一、背景和依据", with: "## 一、概述")
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、办事指引")
        let result = try fixture.check()
        result.assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "背景依据、关键词")
        XCTAssertEqual(result.findings("PI003").count, 1)
    }

    /// The topics come from site.yml.
    func testMustCoverFromSiteConfig() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "  max_lag_working_days: 0", with: "  max_lag_working_days: 0\n  must_cover: { 办事指南: [办事指南] }")
        try fixture.check().assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "办事指南")
    }

    /// A qa interpretation is not held to the text headings.
    func testOtherFormsNeedNoHeadings() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: press-conference")
        try fixture.check().assertNoFindings()
    }

    // MARK: - PI004 qa-without-pairs

    private func qa(_ body: String) -> String {
        "---\ntitle: 《示例省食品标签管理办法》问答\nform: qa\npublished: 2024-03-08\n---\n\n\(body)\n"
    }

    func testQAWithoutPairs() throws {
        var fixture = ContentFixture()
        fixture["\(bundle)/问答.md"] = qa("本文解答经营者关心的几个问题。\n\n## 一、适用范围\n\n在本省生产销售的预包装食品。")
        try fixture.check().assertFinds("PI004", .error, file: "content/\(bundle)/问答.md", line: 3, column: 7)
    }

    func testQAWithHeadingQuestion() throws {
        var fixture = ContentFixture()
        fixture["\(bundle)/问答.md"] = qa("## 哪些食品适用本办法？\n\n在本省生产、销售的预包装食品。")
        try fixture.check().assertNoFindings()
    }

    func testQAWithQuestionLines() throws {
        var fixture = ContentFixture()
        fixture["\(bundle)/问答.md"] = qa("问：网店也要遵守吗？\n\n答：要，网店应在商品页面显著位置展示标签内容。")
        try fixture.check().assertNoFindings()
    }

    /// A question left without answer is reported at its own line.
    func testQuestionWithoutAnswer() throws {
        var fixture = ContentFixture()
        fixture["\(bundle)/问答.md"] = qa("## 哪些食品适用本办法？\n\n预包装食品。\n\n## 什么时候开始施行？\n")
        try fixture.check().assertFinds("PI004", .error, file: "content/\(bundle)/问答.md", line: 11, message: "什么时候开始施行")
    }

    // MARK: - PI005 interpretation-restates

    /// An interpretation that pastes the articles under the required headings.
    func testInterpretationCopyingTheDocument() throws {
        var fixture = ContentFixture()
        fixture[interp] = """
            ---
            title: 《示例省食品标签管理办法》政策解读
            form: text
            published: 2024-03-08
            ---

            ## 背景依据

            第一条 为规范本省预包装食品标签标识行为，保障消费者知情权，根据有关法律法规，制定本办法。

            ## 主要内容

            第二条 在本省行政区域内生产、销售预包装食品的经营者，应当遵守本办法。

            ## 关键词

            第三条 食品标签应当清晰标注生产日期、保质期和贮存条件，字体高度不得小于一点八毫米。
            """
        try fixture.check().assertFinds("PI005", .warning, file: "content/\(interp)", line: 6, message: "%")
    }

    /// Quoting one article inside an explanation in its own words is fine.
    func testInterpretationQuotingOneArticle() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "办法把字号下限", with: "办法第三条规定“字体高度不得小于一点八毫米”。办法把字号下限")
        try fixture.check().assertNoFindings()
    }

    /// The share behind PI005, on texts whose 8-character runs can be counted by hand.
    func testOverlapShareCountsDistinctRuns() {
        func ideographs(from first: UInt32, _ count: Int) -> String {
            String(String.UnicodeScalarView((0..<UInt32(count)).map { Unicode.Scalar(first + $0 * 7)! }))
        }
        let original = ideographs(from: 0x4E00, 30)  // 30 characters: 23 runs
        let other = ideographs(from: 0x6000, 30)
        XCTAssertEqual(TextOverlap.share(of: original, in: original), 1)
        XCTAssertEqual(TextOverlap.share(of: other, in: original), 0)
        // Punctuation and spaces do not break a run: the same text, punctuated, is all found.
        let punctuated = original.enumerated().map { i, c in i % 6 == 5 ? "\(c)，" : i % 9 == 8 ? "\(c) " : "\(c)" }.joined()
        XCTAssertEqual(TextOverlap.share(of: punctuated, in: original), 1)
        // 15 characters copied, then 15 new: 23 runs, of which the 8 inside the copy are found.
        let half = String(original.prefix(15)) + String(other.prefix(15))
        XCTAssertEqual(TextOverlap.share(of: half, in: original), 8.0 / 23.0, accuracy: 1e-9)
        // A repeated run counts once: twice that text adds only the 7 runs across the seam.
        XCTAssertEqual(TextOverlap.share(of: half + half, in: original), 8.0 / 30.0, accuracy: 1e-9)
        XCTAssertEqual(TextOverlap.share(of: String(original.prefix(26)), in: original), 0, "under 20 runs: too short to judge")

        // Several texts against one original (one read of it): each share is its own, whether
        // another text finishes first (the copy), never finishes (half) or is too short.
        let texts = [original, half, String(original.prefix(26)), other].map { Array($0.utf8) }
        let shares = TextOverlap.shares(of: texts, in: Array(original.utf8))
        XCTAssertEqual(shares.count, 4)
        XCTAssertEqual(shares[0], 1)
        XCTAssertEqual(shares[1], 8.0 / 23.0, accuracy: 1e-9)
        XCTAssertEqual(shares[2], 0)
        XCTAssertEqual(shares[3], 0)
    }

    /// Which characters count: the scan tells them apart by their UTF-8 bytes, so each byte
    /// length and each edge of the skipped ranges is tried. A character put between every
    /// two characters of the original is skipped (share 1) or breaks every run (share 0).
    func testOverlapSkipsExactlyPunctuationAndSymbols() {
        let original = String(String.UnicodeScalarView((0..<30).map { Unicode.Scalar(0x4E00 + $0 * 7)! }))
        func share(interleaving c: String) -> Double {
            TextOverlap.share(of: original.map(String.init).joined(separator: c), in: original)
        }
        // Each edge of each skipped range, from both sides; two-byte letters (é) are skipped too.
        let skipped = [" ", "-", "/", ":", "@", "[", "`", "{", "·", "é", "ก", "ᄀ", "—", "“", "〔", "。", "\u{303F}",
                       "\u{FF00}", "（", "／", "：", "＠", "［", "｀", "｛", "･"]
        let counted = ["0", "9", "A", "Z", "a", "z", "ぁ", "\u{3040}", "０", "９", "Ａ", "Ｚ", "ａ", "ｚ", "ｦ", "ﾀ", "￥",
                       "𠀀", "中"]
        for c in skipped { XCTAssertEqual(share(interleaving: c), 1, "“\(c)” (U+\(String(c.unicodeScalars.first!.value, radix: 16))) is not a word character") }
        for c in counted { XCTAssertEqual(share(interleaving: c), 0, "“\(c)” (U+\(String(c.unicodeScalars.first!.value, radix: 16))) is a word character") }
        // A sequence cut short at the very end ends the scan there, whatever its length.
        let bytes = Array(original.utf8)
        for cut: [UInt8] in [[0xE4], [0xE4, 0xB8], [0xF0, 0xA0, 0x80], [0xC3]] {
            XCTAssertEqual(TextOverlap.share(of: bytes + cut, in: bytes + cut), 1)
        }
    }

    /// The table behind the share: distinct runs, each marked seen once, with collisions on
    /// the slot bits (probing past the table's end) and the empty-slot value 0.
    func testRunTableCountsEachRunOnce() {
        // Sixteen slots (the smallest table); every run here lands first on slot 15.
        let runs: [UInt64] = [15, 31, 47, 15, 63]
        var table = TextOverlap.RunTable(runs)
        XCTAssertEqual(table.count, 4)
        for run: UInt64 in [31, 31, 47, 79, 14] { table.markSeen(run) }  // 79 and 14 are not runs of the text
        XCTAssertEqual(table.seenCount, 2)
        for run: UInt64 in [15, 63] { table.markSeen(run) }
        XCTAssertEqual(table.seenCount, 4)
        // 0 marks an empty slot, so a run hashing to 0 is kept as 1: the two are one run.
        var zero = TextOverlap.RunTable([0, 1, 2])
        XCTAssertEqual(zero.count, 2)
        zero.markSeen(0)
        XCTAssertEqual(zero.seenCount, 1)
        zero.markSeen(1)
        XCTAssertEqual(zero.seenCount, 1)
    }

    // MARK: - PI006 interpretation-office

    func testInterpretationFromAnotherOffice() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 法规处")
        try fixture.check().assertFinds("PI006", .warning, file: "content/\(interp)", line: 4, column: 9, message: "法规处")
    }

    func testInterpretationFromDraftingOffice() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\noffice: 食品安全协调处")
        try fixture.check().assertNoFindings()
    }
}

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

/// PI005 interpretation-restates (`InterpretationExplains`).
final class InterpretationExplainsTests: XCTestCase {
    private let interp = ContentFixture.interp

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
        let skipped = [
            " ", "-", "/", ":", "@", "[", "`", "{", "·", "é", "ก", "ᄀ", "—", "“", "〔", "。", "\u{303F}",
            "\u{FF00}", "（", "／", "：", "＠", "［", "｀", "｛", "･",
        ]
        let counted = [
            "0", "9", "A", "Z", "a", "z", "ぁ", "\u{3040}", "０", "９", "Ａ", "Ｚ", "ａ", "ｚ", "ｦ", "ﾀ", "￥",
            "𠀀", "中",
        ]
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
}

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

final class TokenizerTests: XCTestCase {
    private func s(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Every bracket variant of a 文号 folds to 〔〕; ASCII letters lower-case; nothing else changes.
    func testNormalisationFoldsBracketsAndCase() {
        for typed in [
            "示市监规[2023]2号", "示市监规(2023)2号", "示市监规（2023）2号", "示市监规【2023】2号",
            "示市监规［2023］2号", "示市监规〔2023〕2号",
        ] {
            XCTAssertEqual(Tokenizer.normalize(typed), s("示市监规〔2023〕2号"), typed)
        }
        XCTAssertEqual(Tokenizer.normalize("GB/T 9704"), s("gb/t 9704"))
        // not asked for: full-width letters and traditional characters stay as they are
        XCTAssertEqual(Tokenizer.normalize("ＧＢ 價格"), s("ＧＢ 價格"))
        // one scalar for one scalar, so positions survive
        let text = "（一）Ａ《价格法》[2]\u{20000}"
        XCTAssertEqual(Tokenizer.normalize(text).count, text.unicodeScalars.count)
    }

    func testClasses() {
        for c in ["a", "Z", "0", "9"] { XCTAssertEqual(Tokenizer.classify(s(c)[0]), .word, c) }
        for c in [" ", "\n", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}", "\u{2028}"] {
            XCTAssertEqual(Tokenizer.classify(s(c)[0]), .space, c.debugDescription)
        }
        for c in ["价", "，", "〔", "《", "é", "Ａ", "１", "-", "/", "\u{20000}"] {
            XCTAssertEqual(Tokenizer.classify(s(c)[0]), .char, c)
        }
    }

    /// Word runs (Latin words, digit runs) and char runs, with their offsets; spaces dropped.
    func testSegments() {
        let segments = Tokenizer.segments(Tokenizer.normalize("示市监规〔2023〕2号 GB9704-2012标准"))
        XCTAssertEqual(
            segments.map { Tokenizer.string($0.scalars) },
            ["示市监规〔", "2023", "〕", "2", "号", "gb9704", "-", "2012", "标准"])
        XCTAssertEqual(segments.map(\.start), [0, 5, 9, 10, 11, 13, 19, 20, 24])
        XCTAssertEqual(segments.map(\.isWord), [false, true, false, true, false, true, false, true, false])
    }

    /// Spaces of any kind separate terms (ANDed); a term keeps its punctuation.
    func testTerms() {
        let terms = Tokenizer.terms("  食品安全\u{3000}鄂市监规[2022]3号\t2022 ")
        XCTAssertEqual(terms.map { Tokenizer.string($0) }, ["食品安全", "鄂市监规〔2022〕3号", "2022"])
        XCTAssertTrue(Tokenizer.terms(" \u{3000} ").isEmpty)
    }

    /// The keys a text yields: tokens, pairs inside char runs, run starts and ends, characters.
    func testKeysOfAText() {
        let keys = PostingIndex(texts: ["价格2号 ok"]).keys().map(\.name)
        XCTAssertEqual(Set(keys), ["B价格", "L价", "R格", "U价", "U格", "T2", "L号", "R号", "U号", "Tok"])
    }
}

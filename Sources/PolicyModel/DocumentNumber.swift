import Foundation
import PolicyCore

/// A 文号 (GB/T 9704-2012 发文字号) or a regulation's order number, parsed.
public enum DocumentNumber: Equatable {
    /// `示市监规〔2024〕3号`
    case standard(code: String, year: Int, serial: Int)
    /// `示例省人民政府令第12号`
    case order(issuer: String, serial: Int)
    /// What is wrong, and the corrected form when one can be guessed.
    case malformed(problem: String, suggestion: String?)

    /// Brackets people type instead of 〔〕, in the order they are tried.
    static let wrongBrackets: [(String, String)] = [("[", "]"), ("【", "】"), ("［", "］"), ("(", ")"), ("（", "）"), ("〈", "〉")]

    public static func parse(_ text: String) -> DocumentNumber {
        // Full-width digits (１２５) are common in official texts and mean the same number.
        let s = String(text.trimmed.map(\.halfWidthDigit))
        if let order = parseOrder(s) { return order }
        guard s.hasSuffix("号") else {
            return .malformed(problem: "应以“号”结尾", suggestion: parseStandard(s + "号") == nil ? nil : s + "号")
        }
        if let open = s.firstIndex(of: "〔"), let close = s.firstIndex(of: "〕"), open < close {
            let code = String(s[..<open])
            let year = String(s[s.index(after: open)..<close])
            var serial = String(s[s.index(after: close)...].dropLast())
            guard !code.isEmpty else { return .malformed(problem: "缺少发文机关代字", suggestion: nil) }
            guard year.count == 4, let y = Int(year), year.allSatisfy(\.isASCII) else {
                return .malformed(problem: "年份应为四位阿拉伯数字", suggestion: nil)
            }
            var problems: [String] = []
            if serial.hasPrefix("第") { serial.removeFirst(); problems.append("序号前不加“第”") }
            if serial.hasPrefix("0") && serial.count > 1 {
                serial = String(serial.drop { $0 == "0" })
                problems.append("序号不编虚位（不加前导 0）")
            }
            guard let n = Int(serial), n > 0, serial.allSatisfy(\.isASCII) else {
                return .malformed(problem: "序号应为阿拉伯数字", suggestion: nil)
            }
            if !problems.isEmpty {
                return .malformed(problem: problems.joined(separator: "，"), suggestion: "\(code)〔\(y)〕\(n)号")
            }
            return .standard(code: code, year: y, serial: n)
        }
        for (open, close) in wrongBrackets where s.contains(open) && s.contains(close) {
            let fixed = s.replacingOccurrences(of: open, with: "〔").replacingOccurrences(of: close, with: "〕")
            let suggestion: String? = if case .standard = parse(fixed) { fixed } else if case .malformed(_, let f) = parse(fixed) { f } else { nil }
            return .malformed(problem: "年份应使用六角括号〔〕，而不是 \(open)\(close)", suggestion: suggestion)
        }
        return .malformed(problem: "缺少用六角括号〔〕标注的四位年份", suggestion: nil)
    }

    private static func parseStandard(_ s: String) -> DocumentNumber? {
        if case .standard = parse(s) { return parse(s) }
        return nil
    }

    /// `……令第N号`: the order numbers of regulations (规章) use 第 by rule.
    private static func parseOrder(_ s: String) -> DocumentNumber? {
        guard let range = s.utf8.firstRange(of: "令第".utf8), s.hasSuffix("号") else { return nil }
        let digits = s[range.upperBound...].dropLast()
        guard let n = Int(digits), n > 0, !digits.hasPrefix("0") else { return nil }
        return .order(issuer: String(s[..<range.lowerBound]), serial: n)
    }

    /// Whether the number is written as an order (令号) — `……令第5号`, and the hybrids
    /// `……令〔2024〕第5号`, `……令〔2024〕5号` — whatever else is wrong with it.
    public static func isOrderLike(_ text: String) -> Bool {
        let s = Array(normalized(String(text.map(\.halfWidthDigit))))
        return s.indices.dropLast().contains { i in
            s[i] == "令" && (s[i + 1] == "第" || s[i + 1] == "〔" || s[i + 1].isASCIIDigitCharacter)
        }
    }

    /// `……令〔2024〕第5号` → `……令第5号`: an order number carries no year.
    public static func orderWithoutYear(_ text: String) -> String? {
        let s = normalized(String(text.map(\.halfWidthDigit)))
        guard let open = s.firstIndex(of: "〔"), let close = s.firstIndex(of: "〕"), open < close,
            s[..<open].hasSuffix("令"), s.hasSuffix("号")
        else { return nil }
        var serial = String(s[s.index(after: close)...].dropLast())
        if serial.hasPrefix("第") { serial.removeFirst() }
        guard let n = Int(serial), n > 0 else { return nil }
        return "\(s[..<open])第\(n)号"
    }

    /// Slips of typing in a number: whitespace anywhere in it (half-width, full-width or
    /// no-break spaces, tabs) and year brackets of two different styles (`〔2024]`).
    public struct TypingSlips: Sendable {
        /// Each run of whitespace with what it sits between, in Chinese (`“规”与“〔”之间的半角空格`).
        public var spaces: [String]
        /// The opening and closing year brackets when they are not a pair.
        public var mismatchedBrackets: (open: Character, close: Character)?
        /// The number with the whitespace removed and mismatched brackets made 〔〕.
        public var corrected: String
    }

    /// nil when the number has no whitespace and its brackets (if any) pair up.
    public static func typingSlips(_ text: String) -> TypingSlips? {
        let chars = Array(text)
        var spaces: [String] = []
        for (i, c) in chars.enumerated() where c.isWhitespace {
            // A run of spaces is named once, at its first character.
            if i > 0, chars[i - 1].isWhitespace { continue }
            let before = chars[..<i].last { !$0.isWhitespace }
            let after = chars[(i + 1)...].first { !$0.isWhitespace }
            let run = chars[i...].prefix { $0.isWhitespace }
            let what = run.map(spaceName).joined(separator: "、")
            switch (before, after) {
            case let (b?, a?): spaces.append("“\(b)”与“\(a)”之间的\(what)")
            case (nil, _): spaces.append("开头的\(what)")
            case (_, nil): spaces.append("末尾的\(what)")
            }
        }
        let openings = Set("〔" + wrongBrackets.map(\.0).joined())
        let closings = Set("〕" + wrongBrackets.map(\.1).joined())
        let pairs = [("〔", "〕")] + wrongBrackets
        var mismatched: (open: Character, close: Character)?
        if let open = chars.first(where: { openings.contains($0) }), let close = chars.first(where: { closings.contains($0) }),
            !pairs.contains(where: { $0.0 == String(open) && $0.1 == String(close) })
        {
            mismatched = (open, close)
        }
        guard !spaces.isEmpty || mismatched != nil else { return nil }
        var corrected = String(chars.filter { !$0.isWhitespace })
        if let (open, close) = mismatched {
            corrected = String(corrected.map { $0 == open ? "〔" : $0 == close ? "〕" : $0 })
        }
        return TypingSlips(spaces: spaces, mismatchedBrackets: mismatched, corrected: corrected)
    }

    private static func spaceName(_ c: Character) -> String {
        switch c {
        case " ": "半角空格"
        case "\u{3000}": "全角空格"
        case "\u{00A0}": "不换行空格"
        case "\t": "制表符"
        default: "空白字符"
        }
    }

    /// The form in which two numbers that differ only by bracket style compare equal.
    /// One pass over the scalars: `replacingOccurrences` for each bracket pair went through
    /// NSString, and a check normalises every number several times.
    public static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            out.append(wrongOpening.contains(scalar) ? "〔" : wrongClosing.contains(scalar) ? "〕" : scalar)
        }
        return String(out)
    }

    private static let wrongOpening = Set(wrongBrackets.flatMap(\.0.unicodeScalars))
    private static let wrongClosing = Set(wrongBrackets.flatMap(\.1.unicodeScalars))
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }

    /// `１` → `1`; any other character unchanged.
    var halfWidthDigit: Character {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1,
            (0xFF10...0xFF19).contains(scalar.value)
        else { return self }
        return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
    }
}

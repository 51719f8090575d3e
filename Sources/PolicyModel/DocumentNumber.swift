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

    /// The form in which two numbers that differ only by bracket style compare equal.
    /// One pass over the scalars: `replacingOccurrences` for each bracket pair went through
    /// NSString, 1% of a check that normalises every number several times.
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
    /// `１` → `1`; any other character unchanged.
    var halfWidthDigit: Character {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1,
              (0xFF10...0xFF19).contains(scalar.value) else { return self }
        return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
    }
}

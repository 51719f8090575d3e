import PolicyCore

/// Chinese numerals as law texts number articles and chapters: 第十一条, 第一百零二条,
/// 第二千零一条, also the 〇-digit form (第一〇二条) and Arabic digits (第12条).
enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// Characters a numeral may be made of.
    static func isNumeralCharacter(_ c: Character) -> Bool {
        digits[c] != nil || units[c] != nil || c.isASCII && c.isNumber
    }

    /// The value of `text`, or nil when it is not a numeral.
    static func value(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(text) }
        // Digits only (一〇二): positional.
        if text.allSatisfy({ digits[$0] != nil }) {
            return text.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0
        var pending: Int?
        var lastUnit = Int.max
        for c in text {
            if let d = digits[c] {
                pending = d
            } else if let u = units[c] {
                // Units must fall (百 before 十), and 十 alone means 10 (十一 = 11).
                guard u < lastUnit else { return nil }
                total += (pending ?? 1) * u
                pending = nil
                lastUnit = u
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }
}

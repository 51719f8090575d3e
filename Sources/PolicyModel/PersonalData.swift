import PolicyCore

/// Finds personal data (个人隐私) in published text: resident ID numbers, mobile numbers,
/// bank card numbers and e-mail addresses. Scanned by hand over digit runs rather than with
/// regular expressions, because each candidate needs arithmetic (check digit, Luhn, birth
/// date) to tell it from a 文号, an amount or an article number.
public enum PersonalData {
    public enum Kind: String, Sendable {
        case residentID = "居民身份证号码"
        case mobile = "手机号码"
        case bankCard = "银行卡号"
        case email = "电子邮箱"
        case pattern = "自定义敏感信息"
    }

    public struct Match: Sendable, Equatable {
        public var kind: Kind
        public var value: String
        /// 1-based column of the match in its line, in characters.
        public var column: Int

        package init(kind: Kind, value: String, column: Int) {
            self.kind = kind
            self.value = value
            self.column = column
        }

        /// The value with its middle hidden, so a report never repeats the personal data.
        public var masked: String {
            let chars = Array(value)
            guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
            let keep = chars.count >= 11 ? 3 : 1
            return String(chars.prefix(keep)) + String(repeating: "*", count: chars.count - keep * 2) + String(chars.suffix(keep))
        }
    }

    /// Every match in one line of text.
    public static func scan(_ line: String) -> [Match] {
        scanLines(line).map(\.match)
    }

    /// Every match in a whole file, with its 1-based line. Works on UTF-8 bytes — everything
    /// it looks for is ASCII, and no match spans a line break — because checking a large
    /// library scans all of its text; lines and columns are worked out only for the matches.
    public static func scanLines(_ text: String) -> [(line: Int, match: Match)] {
        var text = text
        return text.withUTF8 { bytes in
            var found: [(line: Int, match: Match)] = []
            func record(_ kind: Kind, _ start: Int, _ end: Int) {
                let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let line = bytes[..<lineStart].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<start]), as: UTF8.self).count + 1
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                found.append((line, Match(kind: kind, value: value, column: column)))
            }
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time past text with no digit and no `@` — nearly all of a
                // Chinese text, which a byte-by-byte walk would visit one byte at a time.
                if i + 8 <= bytes.count,
                   !mayStartMatch(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                if isDigit(bytes[i]) {
                    var j = i
                    while j < bytes.count, isDigit(bytes[j]) || (j == i + 17 && (bytes[j] | 0x20) == UInt8(ascii: "x")) { j += 1 }
                    if j - i >= 11,
                       let kind = classify(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)) {
                        record(kind, i, j)
                    }
                    i = j
                } else if bytes[i] == UInt8(ascii: "@"), let email = email(around: i, in: bytes) {
                    record(.email, email.start, email.end)
                    i = email.end
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether any of eight bytes lies in 0x30...0x40 (the digits, `:;<=>?` and `@`): the
    /// "has a byte between m and n" test from Sean Anderson's Bit Twiddling Hacks, exact for
    /// every byte value. A false answer means no match can start in these bytes.
    @inline(__always)
    static func mayStartMatch(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (below, above): (UInt64, UInt64) = (0x2F, 0x41)  // exclusive bounds
        let low7 = word & (ones &* 127)
        let t = ((ones &* (127 + above)) &- low7) & ~word & (low7 &+ ones &* (127 - below))
        return t & (ones &* 128) != 0
    }

    /// What a whole run of digits is, if it is personal data. A run that is part of a longer
    /// number is never split, so amounts and serials do not match by accident.
    static func classify(_ digits: String) -> Kind? {
        switch digits.count {
        case 18 where isResidentID18(digits): return .residentID
        case 15 where isResidentID15(digits): return .residentID
        case 11 where digits.hasPrefix("1") && "3456789".contains(Array(digits)[1]): return .mobile
        case 16...19 where digits.allSatisfy(\.isASCIIDigit) && passesLuhn(digits): return .bankCard
        default: return nil
        }
    }

    /// GB 11643: 17 digits, a birth date, and an ISO 7064 MOD 11-2 check character.
    static func isResidentID18(_ id: String) -> Bool {
        let chars = Array(id.uppercased())
        guard chars.prefix(17).allSatisfy(\.isASCIIDigit), isBirthDate(String(chars[6..<14])) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(chars.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return chars[17] == Array("10X98765432")[sum % 11]
    }

    /// The 15-digit form (before 1999): area code, YYMMDD birth date in the 1900s, serial.
    static func isResidentID15(_ id: String) -> Bool {
        let chars = Array(id)
        return chars.allSatisfy(\.isASCIIDigit) && isBirthDate("19" + String(chars[6..<12]))
    }

    private static func isBirthDate(_ yyyymmdd: String) -> Bool {
        let c = Array(yyyymmdd)
        guard let y = Int(String(c[0..<4])), let m = Int(String(c[4..<6])), let d = Int(String(c[6..<8])),
              (1900...2100).contains(y) else { return false }
        return CalendarDate(year: y, month: m, day: d) != nil
    }

    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, char) in digits.reversed().enumerated() {
            var d = Int(String(char))!
            if index % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    private static func email(around at: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        func isLocal(_ b: UInt8) -> Bool { isAlnum(b) || "._%+-".utf8.contains(b) }
        func isDomain(_ b: UInt8) -> Bool { isAlnum(b) || ".-".utf8.contains(b) }
        var start = at
        while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count, isDomain(bytes[end]) { end += 1 }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let domain = bytes[(at + 1)..<end]
        guard start < at, domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: ".") else { return nil }
        return (start, end)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

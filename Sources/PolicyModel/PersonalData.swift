import PolicyCore

/// Finds personal data (个人隐私) in published text: resident ID numbers, mobile numbers,
/// bank card numbers and e-mail addresses. Scanned by hand over digit runs rather than with
/// regular expressions, because each candidate needs arithmetic (check digit, Luhn, birth
/// date) to tell it from a 文号, an amount or an article number.
///
/// Numbers are recognised however they are typed: in full-width digits (`１３８００１３８０００`),
/// and split into groups by spaces, dashes or dots (`138-0013-8000`, `138 0013 8000`,
/// `110105 19491231 002X`); an e-mail address also with a full-width `＠`. A split number
/// must look like one written for reading — groups of three or more digits (a card number
/// in fours), or every digit on its own — so that a row of table figures or a date next
/// to a number does not join into a match.
public enum PersonalData {
    public enum Kind: String, Sendable {
        case residentID = "居民身份证号码"
        case mobile = "手机号码"
        case bankCard = "银行卡号"
        case email = "电子邮箱"
        case pattern = "自定义敏感信息"
        /// A name or an address after its label (`姓名：张三`, `住址：…`): looked for in Q&A
        /// entries only (`LabelledPersonalData`), where callers' records carry them.
        case name = "姓名"
        case address = "住址"
    }

    public struct Match: Sendable, Equatable {
        public var kind: Kind
        /// The text as written (with its separators and full-width characters).
        public var value: String
        /// 1-based column of the match in its line, in characters.
        public var column: Int

        package init(kind: Kind, value: String, column: Int) {
            self.kind = kind
            self.value = value
            self.column = column
        }

        /// The value with its middle hidden, so a report never repeats the personal data. A
        /// number keeps its separators (`138-****-*000`), so the reader can find it.
        public var masked: String {
            let chars = Array(value)
            let significant = chars.indices.filter { kind == .email || kind == .pattern || !PersonalData.isSeparator(chars[$0]) }
            guard significant.count > 4 else { return String(repeating: "*", count: chars.count) }
            let keep = significant.count >= 11 ? 3 : 1
            let hidden = Set(significant.dropFirst(keep).dropLast(keep))
            return String(chars.indices.map { hidden.contains($0) ? "*" : chars[$0] })
        }

        /// The value in plain ASCII without separators, as it is compared with `privacy.allow`.
        public var normalized: String { PersonalData.normalize(value) }
    }

    /// Every match in one line of text.
    public static func scan(_ line: String) -> [Match] {
        scanLines(line).map(\.match)
    }

    /// A contact as written in `privacy.allow` or found in text, in one spelling: full-width
    /// forms folded to ASCII, and a number's separators dropped.
    public static func normalize(_ text: String) -> String {
        let folded = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.value {
                    case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
                    case 0x3000, 0x00A0: " "
                    case 0x2010...0x2015, 0x2212: "-"
                    default: scalar
                    }
                }))
        let separators: Set<Character> = folded.contains("@") ? [" "] : [" ", "-", "."]
        return String(folded.filter { !separators.contains($0) })
    }

    /// Every match in a whole file, with its 1-based line. Works on UTF-8 bytes — no match
    /// spans a line break — because checking a large library scans all of its text; lines
    /// and columns are worked out only for the matches.
    public static func scanLines(_ text: String) -> [(line: Int, match: Match)] {
        var text = text
        return text.withUTF8 { bytes in
            scan(bytes).map { found in
                let (line, column) = position(of: found.start, in: bytes)
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[found.start..<found.end]), as: UTF8.self)
                return (line, Match(kind: found.kind, value: value, column: column))
            }
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = bytes[..<lineStart].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).count + 1
        return (line, column)
    }

    /// Every match in UTF-8 text, as byte ranges.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [(kind: Kind, start: Int, end: Int)] {
        var found: [(kind: Kind, start: Int, end: Int)] = []
        var run = DigitRun()
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time past text with no digit, no `@` and no full-width form —
            // most of a Chinese text, which a byte-by-byte walk would visit one byte at a time.
            if i + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                // Chinese punctuation (，：（）) shares the full-width digits' lead byte:
                // such bytes are looked at only for what follows them.
                if !mayStartMatch(word) && !(hasFullWidthLead(word) && fullWidthStarts(in: bytes, at: i)) {
                    i += 8
                    continue
                }
            }
            if digit(at: i, in: bytes) != nil {
                run.read(from: i, in: bytes)
                found += run.matches()
                i = run.end
            } else if let at = atSign(at: i, in: bytes) {
                if let email = email(around: i, length: at, in: bytes) {
                    found.append((.email, email.start, email.end))
                    i = email.end
                } else {
                    i += at
                }
            } else {
                i += 1
            }
        }
        return found
    }

    // MARK: - Characters

    /// The digit at `i`, ASCII or full-width (U+FF10–FF19), and its length in bytes.
    @inline(__always)
    static func digit(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (value: UInt8, length: Int)? {
        let c = b[i]
        if c >= 0x30 && c <= 0x39 { return (c - 0x30, 1) }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] >= 0x90, b[i + 2] <= 0x99 { return (b[i + 2] - 0x90, 3) }
        return nil
    }

    /// The check character `X` of an ID number (`X`, `x`, `Ｘ`, `ｘ`): its length in bytes.
    private static func checkX(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard i < b.count else { return nil }
        if b[i] | 0x20 == UInt8(ascii: "x") { return 1 }
        if b[i] == 0xEF, i + 2 < b.count, (b[i + 1] == 0xBC && b[i + 2] == 0xB8) || (b[i + 1] == 0xBD && b[i + 2] == 0x98) { return 3 }
        return nil
    }

    /// A character that may stand between the groups of a number — space, `-`, `.`, their
    /// full-width forms, the ideographic space, a no-break space or a dash — and its length.
    private static func separator(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard i < b.count else { return nil }
        switch b[i] {
        case 0x20, 0x2D, 0x2E: return 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        case 0xE2 where i + 2 < b.count && ((b[i + 1] == 0x80 && (0x90...0x95).contains(b[i + 2])) || (b[i + 1] == 0x88 && b[i + 2] == 0x92)):
            return 3
        case 0xEF where i + 2 < b.count && b[i + 1] == 0xBC && (b[i + 2] == 0x8D || b[i + 2] == 0x8E): return 3
        default: return nil
        }
    }

    static func isSeparator(_ c: Character) -> Bool {
        " -.\u{00A0}\u{3000}\u{FF0D}\u{FF0E}\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}".contains(c)
    }

    /// `@` or the full-width `＠` at `i`: its length in bytes.
    private static func atSign(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        if b[i] == UInt8(ascii: "@") { return 1 }
        if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] == 0xA0 { return 3 }
        return nil
    }

    /// Whether any of eight bytes lies in 0x30...0x40 (the digits, `:;<=>?` and `@`): the
    /// "has a byte between m and n" test from Sean Anderson's Bit Twiddling Hacks, exact for
    /// every byte value. A false answer (with `hasFullWidthLead`) means no match can start
    /// in these bytes.
    @inline(__always)
    static func mayStartMatch(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (below, above): (UInt64, UInt64) = (0x2F, 0x41)  // exclusive bounds
        let low7 = word & (ones &* 127)
        let t = ((ones &* (127 + above)) &- low7) & ~word & (low7 &+ ones &* (127 - below))
        return t & (ones &* 128) != 0
    }

    /// Whether a full-width digit (EF BC 90–99) or ＠ (EF BC A0) starts in the eight bytes at `i`.
    @inline(__always)
    static func fullWidthStarts(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        for k in i..<min(i + 8, b.count - 2) where b[k] == 0xEF && b[k + 1] == 0xBC {
            if (0x90...0x99).contains(b[k + 2]) || b[k + 2] == 0xA0 { return true }
        }
        return false
    }

    /// Whether any of eight bytes is 0xEF, the lead byte of the full-width forms (digits,
    /// `＠`, and also the common `，：（）`): the "has a zero byte" test on the word XOR 0xEF….
    @inline(__always)
    static func hasFullWidthLead(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* 0xEF)
        return (x &- ones) & ~x & (ones &* 0x80) != 0
    }

    // MARK: - Numbers

    /// Digits in groups, as typed: `138-0013-8000` is three groups. Reused from run to run so
    /// that the scan of a long text allocates once.
    struct DigitRun {
        struct Group {
            var start: Int
            var end: Int
            /// Index of the group's first digit in `digits`.
            var first: Int
        }

        private(set) var groups: [Group] = []
        /// Every digit of the run as ASCII (and `X` for an ID's check character).
        private(set) var digits: [UInt8] = []
        /// Byte offset just past the run's last group.
        private(set) var end = 0

        /// Reads the groups starting at the digit at `start`: a group is consecutive digits;
        /// up to three separators followed by a digit start the next.
        mutating func read(from start: Int, in b: UnsafeBufferPointer<UInt8>) {
            groups.removeAll(keepingCapacity: true)
            digits.removeAll(keepingCapacity: true)
            var k = start
            while true {
                let group = Group(start: k, end: k, first: digits.count)
                while k < b.count, let d = PersonalData.digit(at: k, in: b) {
                    digits.append(0x30 + d.value)
                    k += d.length
                }
                var closesID = false
                if digits.count == 17, let x = PersonalData.checkX(at: k, in: b) {
                    digits.append(UInt8(ascii: "X"))
                    k += x
                    closesID = true
                }
                groups.append(Group(start: group.start, end: k, first: group.first))
                guard !closesID, groups.count < 16 else { break }
                var next = k, separators = 0
                while separators < 3, let length = PersonalData.separator(at: next, in: b) {
                    next += length
                    separators += 1
                }
                guard separators > 0, next < b.count, PersonalData.digit(at: next, in: b) != nil else { break }
                k = next
            }
            end = k
        }

        private func count(_ from: Int, _ to: Int) -> Int {
            (to < groups.count ? groups[to].first : digits.count) - groups[from].first
        }

        /// The digits of group `i`.
        private func group(_ i: Int) -> String {
            String(decoding: digits[groups[i].first..<groups[i].first + count(i, i + 1)], as: UTF8.self)
        }

        /// The personal data in the run: from each group, the longest stretch of whole groups
        /// that is a number of a known kind; a group is never split.
        func matches() -> [(kind: Kind, start: Int, end: Int)] {
            guard digits.count >= 11 else { return [] }
            var found: [(kind: Kind, start: Int, end: Int)] = []
            var a = 0
            while a < groups.count {
                var matched = false
                for b in stride(from: groups.count, to: a, by: -1) {
                    let n = count(a, b)
                    guard (11...19).contains(n), let kind = classify(groups: a..<b) else { continue }
                    found.append((kind, groups[a].start, groups[b - 1].end))
                    a = b
                    matched = true
                    break
                }
                if !matched { a += 1 }
            }
            return found
        }

        /// What the digits of these groups are, if personal data, given how they are grouped.
        private func classify(groups range: Range<Int>) -> Kind? {
            let text = String(
                decoding: digits[groups[range.lowerBound].first..<(range.upperBound < groups.count ? groups[range.upperBound].first : digits.count)],
                as: UTF8.self)
            if range.count == 1 { return PersonalData.classify(text) }
            // A country code in front (`+86 138 0013 8000`, `0086-138…`) is not part of the number.
            if range.count >= 2, ["86", "0086"].contains(group(range.lowerBound)),
                classify(groups: (range.lowerBound + 1)..<range.upperBound) == .mobile
            {
                return .mobile
            }
            let sizes = range.map { count($0, $0 + 1) }
            let written =
                sizes.allSatisfy { $0 >= 3 } || sizes.allSatisfy { $0 == 1 } || (sizes.dropLast().allSatisfy { $0 == 1 } && sizes.last == 2 && text.last == "X")
            guard written else { return nil }
            switch text.count {
            case 18 where PersonalData.isResidentID18(text): return .residentID
            case 11 where PersonalData.isMobile(text): return .mobile
            // A card number is written in fours; only its last group may be shorter.
            case 16...19 where sizes.dropLast().allSatisfy({ $0 == 4 }) && text.allSatisfy(\.isASCIIDigit) && PersonalData.passesLuhn(text):
                return .bankCard
            default: return nil
            }
        }
    }

    /// What a whole run of digits is, if it is personal data. A run that is part of a longer
    /// number is never split, so amounts and serials do not match by accident.
    static func classify(_ digits: String) -> Kind? {
        switch digits.count {
        case 18 where isResidentID18(digits): return .residentID
        case 15 where isResidentID15(digits): return .residentID
        case 11 where isMobile(digits): return .mobile
        // With the country code written in front: `8613800138000`, `008613800138000`.
        case 13 where digits.hasPrefix("86") && isMobile(String(digits.dropFirst(2))): return .mobile
        case 15 where digits.hasPrefix("0086") && isMobile(String(digits.dropFirst(4))): return .mobile
        case 16...19 where digits.allSatisfy(\.isASCIIDigit) && passesLuhn(digits): return .bankCard
        default: return nil
        }
    }

    /// 11 digits from 13x to 19x: the mainland mobile ranges (landlines start with 0).
    static func isMobile(_ digits: String) -> Bool {
        let chars = Array(digits)
        return chars.count == 11 && chars[0] == "1" && "3456789".contains(chars[1])
    }

    /// GB 11643: 17 digits, a birth date, and an ISO 7064 MOD 11-2 check character.
    static func isResidentID18(_ id: String) -> Bool {
        let chars = Array(id.uppercased())
        guard chars.count == 18, chars.prefix(17).allSatisfy(\.isASCIIDigit), isBirthDate(String(chars[6..<14])) else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(chars.prefix(17), weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return chars[17] == Array("10X98765432")[sum % 11]
    }

    /// The 15-digit form (before 1999): area code, YYMMDD birth date in the 1900s, serial.
    static func isResidentID15(_ id: String) -> Bool {
        let chars = Array(id)
        return chars.count == 15 && chars.allSatisfy(\.isASCIIDigit) && isBirthDate("19" + String(chars[6..<12]))
    }

    private static func isBirthDate(_ yyyymmdd: String) -> Bool {
        let c = Array(yyyymmdd)
        guard let y = Int(String(c[0..<4])), let m = Int(String(c[4..<6])), let d = Int(String(c[6..<8])),
            (1900...2100).contains(y)
        else { return false }
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

    // MARK: - E-mail

    /// An address around the `@` (or `＠`, `length` bytes) at `at`: ASCII local part and
    /// domain, the domain's dots also full-width, one space allowed on either side of the `@`.
    private static func email(around at: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        func isLocal(_ b: UInt8) -> Bool { isAlnum(b) || "._%+-".utf8.contains(b) }
        func isDomain(_ b: UInt8) -> Bool { isAlnum(b) || ".-".utf8.contains(b) }
        func isFullStop(_ i: Int) -> Bool { i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8E }
        var localEnd = at
        if localEnd > 0, bytes[localEnd - 1] == 0x20 { localEnd -= 1 }
        var start = localEnd
        while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
        var domainStart = at + length
        if domainStart < bytes.count, bytes[domainStart] == 0x20 { domainStart += 1 }
        var end = domainStart, dots = 0
        while end < bytes.count {
            if isDomain(bytes[end]) {
                if bytes[end] == UInt8(ascii: ".") { dots += 1 }
                end += 1
            } else if isFullStop(end), end + 3 < bytes.count, isAlnum(bytes[end + 3]) {
                dots += 1
                end += 3
            } else {
                break
            }
        }
        while end > domainStart, bytes[end - 1] == UInt8(ascii: ".") { end -= 1; dots -= 1 }
        guard start < localEnd, dots > 0, end > domainStart, bytes[domainStart] != UInt8(ascii: "."),
            isAlnum(bytes[end - 1])
        else { return nil }
        return (start, end)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

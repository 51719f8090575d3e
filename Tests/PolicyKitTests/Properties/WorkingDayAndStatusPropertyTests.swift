import PropertyBased
import Testing
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// Properties of working-day counting (同步发布, 公开时限) and of the status table (时效性),
/// checked against brute-force models on random calendars, dates and documents.
@Suite struct WorkingDayPropertyTests {
    static let base = CalendarDate("2024-01-01")!.dayNumber
    /// Days in 2024–2025.
    static let day = Gen.int(in: base...(base + 730))
    /// Holidays and make-up workdays, as offsets in the same two years.
    static let offsets = Gen.int(in: 0...730).array(of: 0...40)

    static func calendar(_ holidays: [Int], _ workdays: [Int]) -> WorkCalendar {
        var unreadable: [String] = []
        let text = { (offsets: [Int]) in offsets.map { CalendarDate(dayNumber: base + $0).description } }
        let calendar = WorkCalendar(holidays: text(holidays), workdays: text(workdays), unreadable: &unreadable)
        #expect(unreadable.isEmpty)
        return calendar
    }

    /// Working days after `a` through `b`, counted one by one from the rule's words.
    static func model(_ holidays: Set<Int>, _ workdays: Set<Int>, _ a: Int, _ b: Int) -> Int {
        guard b > a else { return 0 }
        return ((a + 1)...b).filter { n in
            let offset = n - base
            if workdays.contains(offset) { return true }
            if holidays.contains(offset) { return false }
            return CalendarDate(dayNumber: n).isoWeekday <= 5
        }.count
    }

    @Test func countMatchesTheDayByDayModel() async {
        await propertyCheck(count: 300, input: Self.offsets, Self.offsets, Self.day, Self.day) { holidays, workdays, a, b in
            let calendar = Self.calendar(holidays, workdays)
            let counted = calendar.workingDays(after: CalendarDate(dayNumber: a), through: CalendarDate(dayNumber: b))
            #expect(counted == Self.model(Set(holidays), Set(workdays), a, b))
        }
    }

    @Test func countIsAdditiveAndBounded() async {
        await propertyCheck(count: 300, input: Self.offsets, Self.day, Self.day, Self.day) { holidays, x, y, z in
            let calendar = Self.calendar(holidays, [])
            let (a, b, c) = {
                let s = [x, y, z].sorted(); return (s[0], s[1], s[2])
            }()
            let days = { (p: Int, q: Int) in
                calendar.workingDays(after: CalendarDate(dayNumber: p), through: CalendarDate(dayNumber: q))
            }
            #expect(days(a, b) + days(b, c) == days(a, c))
            #expect(days(a, c) <= c - a && days(a, c) >= 0)
            #expect(days(c, a) == 0 || a == c, "a reversed span counts nothing")
            #expect(days(a, a) == 0)
        }
    }

    @Test func aHolidayOnAWeekdayRemovesExactlyOneDay() async {
        await propertyCheck(count: 300, input: Self.day, Gen.int(in: 1...60)) { start, length in
            let end = start + length
            let weekdays = ((start + 1)...end).filter { CalendarDate(dayNumber: $0).isoWeekday <= 5 }
            guard let holiday = weekdays.first else { return }
            let plain = Self.calendar([], [])
            let withHoliday = Self.calendar([holiday - Self.base], [])
            let span = (CalendarDate(dayNumber: start), CalendarDate(dayNumber: end))
            #expect(
                withHoliday.workingDays(after: span.0, through: span.1)
                    == plain.workingDays(after: span.0, through: span.1) - 1)
        }
    }
}

@Suite struct StatusPropertyTests {
    static let base = CalendarDate("2020-01-01")!.dayNumber
    static let day = Gen.int(in: 0...3650)

    /// A library of one normative document (effective `effective`, expiring `expires`, maybe
    /// repealed on `repealed`) and, when `successor` is given, a second document that
    /// supersedes it from that day — loaded from front matter as the build loads it.
    static func library(effective: Int, expires: Int?, repealed: Int?, successor: Int?) -> Library {
        let date = { (offset: Int) in CalendarDate(dayNumber: base + offset).description }
        func source(_ id: String, _ lines: [String]) -> RawLibrary.Bundle {
            let text = "---\n" + lines.joined(separator: "\n") + "\n---\n\n正文。\n"
            let file = SourceFile(relativePath: "normative/\(id)/index.md", displayPath: "content/normative/\(id)/index.md", text: text)
            return RawLibrary.Bundle(
                id: id, kind: .normative, path: "normative/\(id)", displayPath: "content/normative/\(id)/",
                index: file, interpretations: [], files: ["index.md"])
        }
        var old = ["title: 旧办法", "office: 法规处", "signed: \(date(0))", "published: \(date(0))", "effective: \(date(effective))"]
        if let expires { old.append("expires: \(date(expires))") }
        if let repealed { old.append("repealed: { date: \(date(repealed)) }") }
        var bundles = [source("old", old)]
        if let successor {
            bundles.append(
                source(
                    "new",
                    [
                        "title: 新办法", "office: 法规处", "signed: \(date(0))", "published: \(date(0))",
                        "effective: \(date(successor))", "supersedes: [old]",
                    ]))
        }
        let raw = RawLibrary(
            site: nil, calendar: nil, bundles: bundles, cleanups: [], loadProblems: [],
            displayRoot: "content", rootPath: "/nonexistent")
        return ModelBuilder(raw: raw).build()
    }

    /// The spec's table, first match wins: 已废止 > 已失效 > 已修改 > 尚未生效 > 现行有效.
    static func model(effective: Int, expires: Int?, repealed: Int?, successor: Int?, at d: Int) -> ValidityStatus {
        if let repealed, repealed <= d { return .repealed }
        if let expires, expires < d { return .expired }
        if let successor, successor <= d { return .superseded }
        if d < effective { return .notYetInForce }
        return .inForce
    }

    @Test func statusFollowsTheTable() async {
        let optionalDay = Gen.int(in: -1...3650).map { $0 < 0 ? nil : $0 }
        await propertyCheck(count: 300, input: Self.day, optionalDay, optionalDay, optionalDay, Self.day) {
            effective, expires, repealed, successor, at in
            let library = Self.library(effective: effective, expires: expires, repealed: repealed, successor: successor)
            guard let old = library.document("old") else {
                Issue.record("the document was not modelled")
                return
            }
            let report = library.status(of: old, at: CalendarDate(dayNumber: Self.base + at))
            let expected = Self.model(effective: effective, expires: expires, repealed: repealed, successor: successor, at: at)
            #expect(report.status == expected)
            switch report.status {
            case .expired: #expect(report.since == CalendarDate(dayNumber: Self.base + expires! + 1))
            case .repealed: #expect(report.since == CalendarDate(dayNumber: Self.base + repealed!))
            case .superseded: #expect(report.since == CalendarDate(dayNumber: Self.base + successor!))
            case .inForce: #expect(report.since == old.effective)
            case .notYetInForce: #expect(report.since == nil)
            }
        }
    }

    @Test func anEndedDocumentStaysEnded() async {
        await propertyCheck(count: 200, input: Self.day, Self.day, Self.day, Gen.int(in: 0...2000)) { effective, end, at, later in
            let library = Self.library(effective: effective, expires: end, repealed: nil, successor: nil)
            guard let old = library.document("old") else { return }
            let first = library.status(of: old, at: CalendarDate(dayNumber: Self.base + at))
            let after = library.status(of: old, at: CalendarDate(dayNumber: Self.base + at + later))
            if !first.status.isCurrent {
                #expect(after.status == first.status && after.since == first.since)
            }
        }
    }
}

@Suite struct TokenizerPropertyTests {
    /// Mixed Chinese, Latin, digits, full-width forms, brackets, punctuation and spaces.
    static let ranges: [(UnicodeScalar, UnicodeScalar)] = [
        ("\u{4E00}", "\u{4E40}"), ("a", "z"), ("A", "Z"), ("0", "9"), ("\u{FF08}", "\u{FF5A}"),
        ("\u{3000}", "\u{3015}"), (" ", "/"), ("\u{2000}", "\u{200B}"),
    ]
    static let pool: [UnicodeScalar] = ranges.flatMap { range in
        (range.0.value...range.1.value).compactMap { UnicodeScalar($0) }
    }
    static let text = Gen.int(in: 0...(pool.count - 1)).map { pool[$0] }.array(of: 0...40)
        .map { String(String.UnicodeScalarView($0)) }

    @Test func normalisingIsIdempotent() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let once = Tokenizer.normalize(text)
            #expect(Tokenizer.normalize(Tokenizer.string(once)) == once)
        }
    }

    @Test func segmentsCoverEveryScalarButSpaces() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let scalars = Tokenizer.normalize(text)
            let segments = Tokenizer.segments(scalars)
            #expect(segments.flatMap { Array($0.scalars) } == scalars.filter { !Tokenizer.isSpace($0) })
            for segment in segments {
                #expect(Array(scalars[segment.start..<(segment.start + segment.count)]) == Array(segment.scalars))
            }
        }
    }

    @Test func queryTermsHaveNoSpacesAndSurviveNormalising() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            for term in Tokenizer.terms(text) {
                #expect(!term.isEmpty)
                #expect(!term.contains { Tokenizer.isSpace($0) })
                #expect(Tokenizer.terms(Tokenizer.string(term)) == [term])
            }
        }
    }
}

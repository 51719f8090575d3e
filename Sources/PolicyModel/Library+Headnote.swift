import PolicyCore

/// The headnote (题注) under a regulation's title, as official texts write it: the original
/// promulgation dated by the order's date, every later step in date order — a re-issue by a
/// new order (`2025年3月28日示例省人民政府令第259号修订`) and an amendment by a separate
/// decision (`根据2011年1月8日《……的决定》修正`) — separated by full-width spaces. When a
/// verb occurs more than once its steps are counted: 第一次修正, 第二次修正.
extension Library {
    /// `（2019年3月1日示例省人民政府令第12号公布　2022年6月28日示例省人民政府令第236号修订）`;
    /// nil for documents that are not regulations.
    public func headnote(of document: Document) -> String? {
        guard document.kind == .regulation else { return nil }
        let versions = predecessors(of: document).filter { $0.kind == .regulation } + [document]
        return Headnote(versions: versions, words: site.headnote).text
    }
}

/// The steps of a regulation's history, made into the headnote text.
struct Headnote {
    struct Step {
        let date: CalendarDate
        /// Everything before the verb: `根据2011年1月8日《……的决定》`.
        let act: String
        let verb: String
    }

    /// Later steps shown in full; the real-law corpus's longest history has far fewer.
    static let maxLaterSteps = 30

    let versions: [Document]
    let words: SiteConfig.HeadnoteWords

    var text: String {
        guard let first = versions.first else { return "" }
        var later: [Step] = []
        for (i, version) in versions.enumerated() {
            if i > 0 { later.append(Step(date: version.signed, act: act(version.signed, version.number), verb: "修订")) }
            later += version.amendments.map { a in
                Step(date: a.date, act: "根据" + a.date.chinese + a.citation, verb: words.amended)
            }
        }
        // Stable: on one day, a version's own re-issue comes before the decisions recorded on it.
        later = later.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        var totals: [String: Int] = [:]
        for step in later { totals[step.verb, default: 0] += 1 }
        var seen: [String: Int] = [:]
        var parts = [act(first.signed, first.number) + words.promulgated]
        for step in later {
            seen[step.verb, default: 0] += 1
            let ordinal = totals[step.verb]! > 1 ? "第\(Self.chineseNumber(seen[step.verb]!))次" : ""
            parts.append(step.act + ordinal + step.verb)
        }
        // Bounded: the first publication and the latest steps. Every page of a chain recounting
        // every step would grow with the square of the chain; real histories are far shorter.
        let omitted = parts.count - 1 - Headnote.maxLaterSteps
        if omitted > 0 {
            parts.replaceSubrange(1...omitted, with: ["其间另有 \(omitted) 次修订、修正（见版本沿革）"])
        }
        return "（" + parts.joined(separator: "\u{3000}") + "）"
    }

    private func act(_ date: CalendarDate, _ number: String?) -> String {
        date.chinese + (number?.trimmed ?? "")
    }

    /// `《title》`, with the title's own 《》 (the amended regulation's name) made 〈〉 as
    /// nested titles are written; a title already in 《》 is taken as it is.
    static func quoted(_ title: String) -> String {
        var t = title.trimmed
        if t.hasPrefix("《") && t.hasSuffix("》") { t = String(t.dropFirst().dropLast()) }
        return "《" + String(t.map { $0 == "《" ? "〈" : $0 == "》" ? "〉" : $0 }) + "》"
    }

    /// 1 → 一, 12 → 十二, 21 → 二十一 (no regulation is amended a hundred times).
    static func chineseNumber(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n >= 10 else { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens % 10])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }
}

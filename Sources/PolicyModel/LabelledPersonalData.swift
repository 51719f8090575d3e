import PolicyCore

/// Names and addresses in hotline and mailbox records: a label (`姓名：`, `来电人：`, `住址：`)
/// followed by the value. Unlike a number, a name has no shape of its own, so only a
/// labelled one is found; a value already masked (`张某`, `张*`, `××路`) passes. Read in
/// standalone Q&A entries only: documents name officials and offices (`联系人：王科长`)
/// that are public.
public enum LabelledPersonalData {
    static let nameLabels = ["姓名", "来电人", "来信人", "反映人", "咨询人", "投诉人", "举报人", "联系人"]
    static let addressLabels = ["家庭住址", "居住地址", "住址", "现住址", "家住"]
    /// Endings that make a value a form of address, not a name (`张先生`, `王科长`): how
    /// replies name callers and officials without identifying them.
    static let addressForms = ["先生", "女士", "同志", "老师", "科长", "处长", "主任", "局长", "经理"]
    /// Characters that show a value was masked already.
    static let maskMarks: Set<Character> = ["*", "＊", "×", "某", "X", "x", "○", "〇"]

    /// Every unmasked labelled name or address in one line.
    public static func scan(_ line: String) -> [PersonalData.Match] {
        var found: [PersonalData.Match] = []
        for (labels, kind) in [(nameLabels, PersonalData.Kind.name), (addressLabels, .address)] {
            for label in labels {
                var from = line.startIndex
                while let range = line.range(of: label, range: from..<line.endIndex) {
                    from = range.upperBound
                    // The longer label wins (`家庭住址` over `住址`).
                    if kind == .address, label != "家庭住址", line[..<range.lowerBound].hasSuffix("家庭") { continue }
                    var rest = line[range.upperBound...]
                    guard let colon = rest.first, colon == "：" || colon == ":" else { continue }
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
                    let value = String(rest.prefix { !"，,。；;、）)\t ".contains($0) })
                    guard isPersonal(value, kind) else { continue }
                    found.append(
                        PersonalData.Match(
                            kind: kind, value: value, column: line.distance(from: line.startIndex, to: rest.startIndex) + 1))
                }
            }
        }
        return found.sorted { $0.column < $1.column }
    }

    /// Every match in a whole text, with its 1-based line.
    public static func scanLines(_ text: String) -> [(line: Int, match: PersonalData.Match)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { k, line in
            scan(String(line)).map { (k + 1, $0) }
        }
    }

    private static func isPersonal(_ value: String, _ kind: PersonalData.Kind) -> Bool {
        guard !value.contains(where: maskMarks.contains) else { return false }
        let han = value.unicodeScalars.filter { $0.properties.isIdeographic }.count
        switch kind {
        case .name:
            return (2...4).contains(han) && han == value.count && !["本人", "匿名", "不详", "未提供", "市民", "群众"].contains(value)
                && !addressForms.contains(where: value.hasSuffix)
        default: return value.count >= 4 && han >= 2
        }
    }

    /// A name or address with all but its first character hidden (`张**`), as the import
    /// writes it.
    public static func masked(_ value: String) -> String {
        guard let first = value.first else { return value }
        return String(first) + String(repeating: "*", count: max(value.count - 1, 1))
    }
}

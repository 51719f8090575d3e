import PolicyCore

/// 政策问答库: every question–answer pair of every Q&A interpretation, gathered once for the
/// Q&A page, `qa.json` and anyone else (search) who wants them.
extension Library {
    public struct QuestionEntry: Sendable {
        public let document: Document
        public let interpretation: Interpretation
        /// 1-based position in its interpretation.
        public let position: Int
        public let question: String
        /// The answer's lines (Markdown as written), joined by "\n".
        public let answer: String
        /// A stable fragment id: `q-<document id>-<8 hex>`, the hex a hash of the interpretation
        /// id and the question — so it survives questions being added or reordered around it.
        public let anchor: String

        /// The topic it is filed under: the document's first topic, `其他` when it has none.
        public var topic: String { document.topics.first ?? Library.otherTopic }
    }

    public static let otherTopic = "其他"

    /// Pairs with an answer from every `qa` interpretation; documents newest first (the
    /// library's order), then interpretation file name, then position.
    public var questionEntries: [QuestionEntry] {
        var used: Set<String> = []
        var entries: [QuestionEntry] = []
        for document in documents {
            for interpretation in document.interpretations where interpretation.form == .qa {
                let pairs = QuestionAnswerPairs.extract(from: interpretation.body)
                for (k, pair) in pairs.enumerated() where !pair.answer.trimmed.isEmpty {
                    let base = "q-\(document.id)-\(Library.hash8(interpretation.id + "\n" + pair.question))"
                    var anchor = base
                    var n = 2
                    while !used.insert(anchor).inserted { anchor = "\(base)-\(n)"; n += 1 }
                    entries.append(
                        QuestionEntry(
                            document: document, interpretation: interpretation, position: k + 1,
                            question: pair.question, answer: pair.answer, anchor: anchor))
                }
            }
        }
        return entries
    }

    /// The entries by topic: topics with most pairs first (then by name), `其他` last.
    public func questionEntriesByTopic() -> [(topic: String, entries: [QuestionEntry])] {
        let groups = Dictionary(grouping: questionEntries, by: \.topic)
        return groups.keys.sorted { a, b in
            if (a == Library.otherTopic) != (b == Library.otherTopic) { return b == Library.otherTopic }
            if groups[a]!.count != groups[b]!.count { return groups[a]!.count > groups[b]!.count }
            return a < b
        }.map { ($0, groups[$0]!) }
    }

    /// FNV-1a (32 bit) of the UTF-8 bytes as 8 lower-case hex digits: short, stable across runs
    /// and platforms (unlike `Hasher`).
    static func hash8(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

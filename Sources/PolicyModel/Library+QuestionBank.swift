import PolicyCore

/// 政策问答库: every question–answer pair of every Q&A interpretation and every standalone
/// entry of `content/qa/` (hotline, mailbox, website, service window), gathered once for the
/// Q&A pages, `qa.json`, document pages and search.
extension Library {
    public struct QuestionEntry: Sendable {
        /// Where the entry comes from: a pair of a Q&A interpretation, or a standalone entry.
        public enum Origin: Sendable {
            case interpretation(Document, Interpretation, position: Int)
            case standalone(StandaloneQuestion)
        }

        public let origin: Origin
        public let question: String
        /// The answer's lines (Markdown as written), joined by "\n".
        public let answer: String
        /// A stable id: for a pair `q-<document id>-<8 hex>`, the hex a hash of the
        /// interpretation id and the question — so it survives questions being added or
        /// reordered around it; for a standalone entry its own id.
        public let anchor: String
        public let channel: QuestionChannel
        /// 答复日期: a pair's interpretation's publication day.
        public let answered: CalendarDate
        /// 答复单位: a pair's interpretation office (its document's drafting office by default).
        public let office: String?
        public let topics: [String]
        /// The documents it concerns that are in the library (a pair: its own document).
        public let documents: [Document]
        /// The topic it is filed under: its first topic, else its first document's, else `其他`.
        public let topic: String

        /// The pair's document (nil for a standalone entry).
        public var document: Document? {
            if case .interpretation(let d, _, _) = origin { return d }
            return nil
        }

        public var interpretation: Interpretation? {
            if case .interpretation(_, let i, _) = origin { return i }
            return nil
        }

        /// 1-based position in its interpretation (nil for a standalone entry).
        public var position: Int? {
            if case .interpretation(_, _, let p) = origin { return p }
            return nil
        }

        public var standalone: StandaloneQuestion? {
            if case .standalone(let q) = origin { return q }
            return nil
        }
    }

    public static let otherTopic = "其他"

    /// Pairs with an answer from every `qa` interpretation — documents newest first (the
    /// library's order), then interpretation file name, then position — followed by the
    /// standalone entries, newest answer first (then id).
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
                            origin: .interpretation(document, interpretation, position: k + 1),
                            question: pair.question, answer: pair.answer, anchor: anchor, channel: .interpretation,
                            answered: interpretation.published, office: interpretation.office ?? document.office,
                            topics: document.topics, documents: [document],
                            topic: document.topics.first ?? Library.otherTopic))
                }
            }
        }
        let standalone = standaloneQuestions.sorted { ($0.answered, $1.id) > ($1.answered, $0.id) }
        for q in standalone {
            let concerned = q.documents.compactMap(document)
            entries.append(
                QuestionEntry(
                    origin: .standalone(q), question: q.question, answer: q.answer, anchor: q.id, channel: q.channel,
                    answered: q.answered, office: q.office, topics: q.topics, documents: concerned,
                    topic: q.topics.first ?? concerned.first?.topics.first ?? Library.otherTopic))
        }
        return entries
    }

    /// The entries by topic: topics with most entries first (then by name), `其他` last.
    public func questionEntriesByTopic() -> [(topic: String, entries: [QuestionEntry])] {
        let groups = Dictionary(grouping: questionEntries, by: \.topic)
        return groups.keys.sorted { a, b in
            if (a == Library.otherTopic) != (b == Library.otherTopic) { return b == Library.otherTopic }
            if groups[a]!.count != groups[b]!.count { return groups[a]!.count > groups[b]!.count }
            return a < b
        }.map { ($0, groups[$0]!) }
    }

    /// The entries by channel, in the channels' own order; channels without entries left out.
    public func questionEntriesByChannel() -> [(channel: QuestionChannel, entries: [QuestionEntry])] {
        let groups = Dictionary(grouping: questionEntries, by: \.channel)
        return QuestionChannel.allCases.compactMap { c in groups[c].map { (c, $0) } }
    }

    /// The entries by the documents they concern, documents in library order (newest first);
    /// an entry concerning two documents is under both. Entries concerning none are left out.
    public func questionEntriesByDocument() -> [(document: Document, entries: [QuestionEntry])] {
        var byID: [String: [QuestionEntry]] = [:]
        for entry in questionEntries {
            for d in entry.documents { byID[d.id, default: []].append(entry) }
        }
        return documents.compactMap { d in byID[d.id].map { (d, $0) } }
    }

    /// The documents an entry rests on that are no longer in force at `asOf` (已废止, 已失效,
    /// 已修改), with their status: the answer may no longer state current policy.
    public func staleBasis(of entry: QuestionEntry, at asOf: CalendarDate) -> [(document: Document, status: ValidityStatus)] {
        entry.documents.compactMap { d in
            let status = self.status(of: d, at: asOf).status
            return status.isCurrent ? nil : (d, status)
        }
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

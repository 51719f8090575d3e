import PolicyCore
import PolicyLoad
import PolicyModel

/// The fields of a standalone Q&A entry (`content/qa/`), shared by the PQ rules.
enum QuestionSchema {
    /// Fields of an entry in a batch file; a `.md` entry has the same but `id` (its file
    /// name) and `answer` (its body).
    static let batchFields = ["id", "question", "answer", "channel", "answered", "office", "topics", "documents"]
    static let markdownFields = batchFields.filter { $0 != "id" && $0 != "answer" }
    /// Names of pages under `qa/` that an entry id may not take.
    static let reservedIDs: Set<String> = ["by-channel", "by-document"]

    /// Whether `id` is a page under `qa/` or could be an anchor `qa/` already uses: a topic's
    /// (`topic-N`), an interpretation pair's (`q-<document>-<hash>`), an entry's question
    /// heading (`<id>-q`). An entry's id is its anchor there too, and one id two places on a
    /// page breaks its permalink.
    static func isReserved(_ id: String) -> Bool {
        reservedIDs.contains(id) || id.hasPrefix("q-") || id.hasPrefix("topic-") || id.hasSuffix("-q")
    }

    static func fields(of source: QuestionSource) -> [String] { source.isBatch ? batchFields : markdownFields }

    /// How an entry is named in a finding: `问答“<id>”：` in a batch (`问答（第 N 行）：` when it
    /// has no id), nothing for a `.md` file (its path says it).
    static func label(_ source: QuestionSource) -> String {
        guard source.isBatch else { return "" }
        return source.id.map { "问答“\($0)”：" } ?? "问答（第 \(source.location.line) 行）："
    }
}

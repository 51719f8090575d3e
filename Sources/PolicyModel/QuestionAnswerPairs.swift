import Foundation
import PolicyCore

/// The question–answer pairs of a Q&A interpretation: each `##` heading that is a question
/// (or a `问：` line) starts a pair; its answer runs to the next question.
public struct QuestionAnswerPairs {
    public struct Pair: Sendable {
        public var question: String
        public var answer: String
        /// The question's file line.
        public var line: Int
    }

    public static func extract(from markdown: String, firstLine: Int = 1) -> [Pair] {
        var pairs: [Pair] = []
        for (offset, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed
            if let question = question(in: line) {
                pairs.append(Pair(question: question, answer: "", line: firstLine + offset))
            } else if !pairs.isEmpty, !line.isEmpty, !line.hasPrefix("#") {
                let text = line.hasPrefix("答：") || line.hasPrefix("答:") ? String(line.dropFirst(2)) : line
                pairs[pairs.count - 1].answer += (pairs[pairs.count - 1].answer.isEmpty ? "" : "\n") + text
            }
        }
        return pairs
    }

    private static func question(in line: String) -> String? {
        if line.hasPrefix("## ") {
            let text = line.dropFirst(3).trimmed
            let isQuestion = text.hasSuffix("？") || text.hasSuffix("?") || text.hasPrefix("问")
            return isQuestion ? stripPrefix(text) : nil
        }
        if line.hasPrefix("问：") || line.hasPrefix("问:") { return String(line.dropFirst(2)).trimmed }
        return nil
    }

    private static func stripPrefix(_ text: String) -> String {
        for prefix in ["问：", "问:"] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text
    }
}

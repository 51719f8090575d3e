import PolicyCore
import PolicyModel

/// PI004: a Q&A interpretation is a list of question–answer pairs.
struct QuestionsHaveAnswers: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI004", name: "qa-without-pairs", severity: .error,
        summary: "A qa interpretation contains no question–answer pair (a question heading or 问： line followed by an answer).",
        fix: "每个问题写成一个 ## 小标题（以“？”结尾）或以“问：”开头的一行，下面紧接着写回答。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.interpretations.filter { $0.form == .qa }.compactMap { item in
            let pairs = QuestionAnswerPairs.extract(from: item.body, firstLine: item.source.bodyFirstLine)
            let incomplete = pairs.filter { $0.answer.isEmpty }
            if pairs.isEmpty {
                return finding(item.source.frontMatter?.location(of: "form") ?? item.source.location(), "问答解读中没有识别到任何问答。")
            }
            if let first = incomplete.first {
                return finding(
                    item.source.location(line: first.line), "问题“\(first.question)”没有回答。",
                    fix: "在该问题下写出回答，或删去该问题。")
            }
            return nil
        }
    }
}

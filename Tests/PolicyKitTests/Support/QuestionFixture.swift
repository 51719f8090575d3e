import Foundation

/// Standalone Q&A entries for the PQ rules' tests: a valid `.md` entry and a valid batch
/// about the base fixture's document (`ContentFixture.docID`), answered 2024-06-10.
enum QuestionFixture {
    static let markdownPath = "qa/mailbox-2024-labels.md"
    static let batchPath = "qa/hotline-2024-06.yml"

    static func markdown(_ fields: String = "", answer: String = "可以。标签应当标明生产日期和保质期。") -> String {
        """
        ---
        question: 预包装食品标签上必须标注生产日期吗？
        channel: 省长信箱
        answered: 2024-06-10
        office: 食品生产安全监督管理处
        topics: [食品安全]
        documents: [2024-food-labels]\(fields)
        ---
        \(answer)
        """
    }

    /// One batch entry; `extra` lines are added at its end (indented by the caller).
    static func entry(
        id: String = "hotline-2024-0601", question: String = "进口食品的中文标签由谁负责？", channel: String = "12345热线",
        answered: String = "2024-06-10", documents: String = "[2024-food-labels]", answer: String = "由进口商负责。", extra: String = ""
    ) -> String {
        """
        - id: \(id)
          question: \(question)
          answer: \(answer)
          channel: \(channel)
          answered: \(answered)
          office: 食品生产安全监督管理处
          documents: \(documents)\(extra)

        """
    }
}

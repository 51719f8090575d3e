import PolicyCore
import PolicyLoad

/// Where a question reached the bureau (来源渠道). A closed list: the channel is a facet of the
/// Q&A library and of search, and one spelling per channel keeps it one facet value.
public enum QuestionChannel: String, CaseIterable, Sendable, Codable {
    case interpretation = "解读问答"
    case hotline = "12345热线"
    case governorMailbox = "省长信箱"
    case websiteMessage = "网站留言"
    case serviceWindow = "窗口咨询"
    case other = "其他"

    /// The code used in URLs and `qa.json` (`qa/by-channel/#hotline`).
    public var code: String {
        switch self {
        case .interpretation: "interpretation"
        case .hotline: "hotline-12345"
        case .governorMailbox: "governor-mailbox"
        case .websiteMessage: "website-message"
        case .serviceWindow: "service-window"
        case .other: "other"
        }
    }

    /// The channel a text names: its Chinese name or its code, ignoring spaces.
    public init?(alias: String) {
        let text = alias.filter { !$0.isWhitespace }
        guard let channel = QuestionChannel.allCases.first(where: { $0.rawValue == text || $0.code == text }) else {
            return nil
        }
        self = channel
    }
}

/// A Q&A entry that is not part of an interpretation: `content/qa/<id>.md`, or one entry of
/// a batch `content/qa/<batch>.yml` exported from a hotline or mailbox system.
public struct StandaloneQuestion: Sendable {
    /// Stable, the page `qa/<id>/`: the file name for a `.md` entry, `id:` in a batch.
    public let id: String
    public let question: String
    /// Markdown (a `.md` entry's body; a batch entry's `answer`).
    public let answer: String
    public let channel: QuestionChannel
    /// 答复日期.
    public let answered: CalendarDate
    /// 答复单位.
    public let office: String?
    public let topics: [String]
    /// Ids of the documents it concerns, as written.
    public let documents: [String]
    /// The entry's own front matter (a `.md` file's, or the batch item's mapping).
    public let fields: FrontMatter
    /// Where it is written: the file, and the line the entry starts on.
    public let location: SourceLocation

    public init(
        id: String, question: String, answer: String, channel: QuestionChannel, answered: CalendarDate,
        office: String?, topics: [String], documents: [String], fields: FrontMatter, location: SourceLocation
    ) {
        self.id = id
        self.question = question
        self.answer = answer
        self.channel = channel
        self.answered = answered
        self.office = office
        self.topics = topics
        self.documents = documents
        self.fields = fields
        self.location = location
    }

    /// The same entry concerning only `documents` (the site leaves out those not on it).
    func keeping(documents: [String]) -> StandaloneQuestion {
        StandaloneQuestion(
            id: id, question: question, answer: answer, channel: channel, answered: answered, office: office,
            topics: topics, documents: documents, fields: fields, location: location)
    }

    /// The entry a `.md` file or a batch item holds, or nil when a required field is missing
    /// or unusable (the PQ rules say which): lenient, like the rest of the model.
    static func read(_ fm: FrontMatter, id: String?, answer: String?, location: SourceLocation) -> StandaloneQuestion? {
        guard let id, let question = fm.string("question"), let answer = answer?.trimmed, !answer.isEmpty,
            let channel = fm.string("channel").flatMap(QuestionChannel.init(alias:)),
            let answered = fm.date("answered")
        else { return nil }
        return StandaloneQuestion(
            id: id, question: question, answer: answer, channel: channel, answered: answered,
            office: fm.string("office"), topics: fm.strings("topics"), documents: fm.strings("documents"),
            fields: fm, location: location)
    }
}

extension RawLibrary {
    /// Every standalone entry's front matter with its id (nil when a batch item has none),
    /// its answer text and where it starts — the one reading of `qa/` the model and the PQ
    /// rules share.
    package var questionSources: [QuestionSource] {
        var all: [QuestionSource] = []
        for file in questionFiles {
            guard let fm = file.frontMatter else { continue }
            let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
            all.append(
                QuestionSource(
                    fields: fm, id: String(name.dropLast(3)), answer: file.body, isBatch: false,
                    location: file.location(), bodyLine: file.bodyFirstLine))
        }
        for batch in questionBatches {
            for entry in batch.entries {
                all.append(
                    QuestionSource(
                        fields: entry, id: entry.string("id"), answer: entry.string("answer"), isBatch: true,
                        location: entry.firstKeyLocation, bodyLine: nil))
            }
        }
        return all
    }
}

/// One entry of `qa/` as written, before the model reads it.
package struct QuestionSource: Sendable {
    package let fields: FrontMatter
    package let id: String?
    package let answer: String?
    package let isBatch: Bool
    /// A `.md` file's first line, a batch entry's first key.
    package let location: SourceLocation
    /// A `.md` file's body line (the answer), nil in a batch.
    package let bodyLine: Int?
}

import Foundation
import PolicyCore
import PolicyLoad
import PolicyModel

/// PI008: a press conference, interview, video or audio interpretation carries a summary or
/// a transcript that covers the topics of `interpretation.must_cover`, as a text one does
/// (PI003). A summary body covers a topic with a heading, as in PI003; a body too short to
/// be a summary leaves the substance to the transcript (or, without one, the captions: the
/// same speech with timings), which covers a topic when it contains one of the topic's
/// words (speech has no headings).
struct SpokenInterpretationCovers: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI008", name: "spoken-interpretation-coverage", severity: .error,
        summary:
            "A press-conference, interview, video or audio interpretation has no summary headings, nor (when its body is short) a transcript, covering one of interpretation.must_cover.",
        fix: "在正文中写出内容摘要，为每个部分加小标题（## 背景依据、## 主要内容、## 关键词解释 等）；或在 media.transcript 的文字稿中讲明这些内容。")

    /// Below this many characters of plain text the body is a caption, not a summary.
    static let shortBodyCharacters = 200

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for item in context.library.interpretations where item.form.isSpoken {
            let headings = item.bodyFacts.headings.map(\.text)
            let isShort = item.bodyFacts.plainText.filter { !$0.isWhitespace }.count < Self.shortBodyCharacters
            let transcript = isShort ? spokenText(of: item, in: context.raw) : nil
            let missing = context.site.interpretation.mustCover.filter { topic in
                let words = topic.words.filter { !$0.isEmpty }
                let inHeadings = headings.contains { heading in words.contains { heading.containsBytes($0) } }
                return !inHeadings && !(transcript.map { text in words.contains { text.containsBytes($0) } } ?? false)
            }
            guard !missing.isEmpty else { continue }
            let names = missing.map(\.topic).joined(separator: "、")
            let words = missing.map { "“\($0.topic)”（\($0.words.joined(separator: "/"))）" }.joined(separator: "，")
            let what = item.form.chinese
            let message: String
            let fix: String
            if !isShort {
                message = "\(what)的内容摘要缺少以下部分：\(names)。"
                fix = "为摘要添加小标题：\(words)。"
            } else if transcript == nil {
                message = "\(what)没有内容摘要，也没有可读的文字稿或字幕，无法看出是否讲明：\(names)。"
                fix = "在正文中写出内容摘要并加小标题：\(words)；或在 media 中加入 transcript: 文字稿.txt。"
            } else {
                message = "\(what)的正文过短（不足 \(Self.shortBodyCharacters) 字），文字稿（或字幕）也未讲到：\(names)。"
                fix = "在正文中写出内容摘要并加小标题：\(words)；或在文字稿中讲明这些内容。"
            }
            found.append(finding(item.source.frontMatter?.location(of: "form") ?? item.source.location(), message, fix: fix))
        }
        return found
    }

    /// The transcript's text, else the captions' (their timing lines hold no words); nil when
    /// there is neither or it cannot be read (PM001 and PM003 report those).
    private func spokenText(of item: Interpretation, in raw: RawLibrary) -> String? {
        guard let file = item.media?.transcript ?? item.media?.captions,
            let bundle = raw.bundle(id: item.documentID), bundle.files.contains(file)
        else { return nil }
        return bundle.text(of: file)
    }
}

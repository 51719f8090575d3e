import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// PI008 spoken-interpretation-coverage: press conferences, interviews, videos and audio
/// carry a summary (headings) or, with a short body, a transcript covering must_cover.
final class SpokenInterpretationCoversTests: XCTestCase {
    private let bundle = ContentFixture.bundle

    /// 1️⃣ marks the value of `form` (line 3).
    private func spoken(_ form: String, media: String? = nil, body: String) -> String {
        "---\ntitle: 发布会\nform: 1️⃣\(form)\npublished: 2024-03-08\n\(media.map { "media: \($0)\n" } ?? "")---\n\n\(body)\n"
    }

    private let longWithoutHeadings = String(repeating: "发言人介绍了办法的起草过程和社会关注的问题，并回答了记者提问。", count: 8)

    /// A long summary without the topic headings, for each spoken form.
    func testSummaryWithoutTopicHeadings() throws {
        for form in ["press-conference", "新闻发布会", "interview", "访谈"] {
            var fixture = MarkedFixture()
            fixture["\(bundle)/发布会.md"] = spoken(form, body: longWithoutHeadings)
            try fixture.check().assertFindings(["1️⃣": .error("PI008", "内容摘要缺少以下部分：背景依据、主要内容、关键词")])
        }
    }

    func testSummaryWithTopicHeadings() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/发布会.md"] = spoken(
            "press-conference",
            body: """
                ## 发布背景和依据

                \(longWithoutHeadings)

                ## 主要内容

                标签字号下限、必须标注的事项。

                ## 名词解释

                预包装食品。
                """)
        try fixture.check().assertNoFindings()
    }

    /// A short body leaves it to the transcript: covered there, the interpretation passes.
    func testShortBodyWithCoveringTranscript() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/录音.mp3", Data([0x49, 0x44, 0x33]))
        fixture.setBytes(
            "\(bundle)/文字稿.txt",
            Data(
                """
                主持人：请介绍办法出台的背景。
                负责人：办法的主要内容有三项。
                主持人：关键词“预包装食品”怎么理解？

                """.utf8))
        fixture["\(bundle)/音频.md"] = spoken("audio", media: "{ file: 录音.mp3, transcript: 文字稿.txt }", body: "本期节目完整文字稿见下。")
        try fixture.check().assertNoFindings()
    }

    /// A short body and a transcript that misses topics: the message names the transcript.
    func testShortBodyWithTranscriptMissingTopics() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/视频.mp4", Data([0, 0, 0, 0x18]))
        fixture.setBytes("\(bundle)/文字稿.txt", Data("旁白：办法出台的背景是投诉增多。\n".utf8))
        fixture["\(bundle)/视频.md"] = spoken("视频", media: "{ file: 视频.mp4, transcript: 文字稿.txt }", body: "短片一则。")
        let finding = try fixture.check().assertFindings(["1️⃣": .error("PI008", "文字稿（或字幕）也未讲到：主要内容、关键词")]).first
        XCTAssertNotNil(finding?.fix)
    }

    /// A short body and neither transcript nor captions that say anything.
    func testShortBodyWithoutTranscript() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/视频.mp4", Data([0, 0, 0, 0x18]))
        fixture.setBytes("\(bundle)/字幕.vtt", Data("WEBVTT\n".utf8))
        fixture["\(bundle)/视频.md"] = spoken("video", media: "{ file: 视频.mp4, captions: 字幕.vtt }", body: "短片一则。")
        try fixture.check().assertFindings(["1️⃣": .error("PI008", "文字稿（或字幕）也未讲到：背景依据、主要内容、关键词")])
        fixture.remove("\(bundle)/字幕.vtt")
        fixture["\(bundle)/视频.md"] = spoken("video", media: "{ file: 视频.mp4, captions: 字幕.vtt }", body: "短片一则。")
        try fixture.check().assertFindings(["1️⃣": .error("PI008", "没有内容摘要，也没有可读的文字稿或字幕")])
    }

    /// Without a transcript, the captions are the speech.
    func testShortBodyWithCoveringCaptions() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/视频.mp4", Data([0, 0, 0, 0x18]))
        fixture.setBytes(
            "\(bundle)/字幕.vtt",
            Data(
                """
                WEBVTT

                00:00.000 --> 00:03.000
                办法出台的背景是投诉增多。

                00:03.000 --> 00:06.000
                主要内容有三项，关键词是预包装食品。

                """.utf8))
        fixture["\(bundle)/视频.md"] = spoken("video", media: "{ file: 视频.mp4, captions: 字幕.vtt }", body: "短片一则。")
        try fixture.check().assertNoFindings()
    }

    /// Graphic, animation, scenario and qa forms are not spoken: PI008 leaves them alone.
    func testOtherFormsAreNotHeldToIt() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/场景.md"] = spoken("场景演示", body: "短。")
        try fixture.check().assertClean("PI008")
    }
}

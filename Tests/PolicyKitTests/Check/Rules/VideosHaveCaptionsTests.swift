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

/// PM003 video-captions (`VideosHaveCaptions`).
final class VideosHaveCaptionsTests: XCTestCase {
    private let bundle = ContentFixture.bundle

    private func video(_ media: String) -> String {
        """
        ---
        title: 视频解读
        form: video
        published: 2024-03-08
        media: \(media)
        ---

        ## 背景依据

        本片依据食品安全法制作。

        ## 主要内容

        标签字号、标注事项和网店展示要求。

        ## 关键词

        预包装食品。
        """
    }

    /// An audio interpretation needs a transcript: captions do not show with sound alone.
    func testAudioWithoutTranscript() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/解读.mp3", Data([0x49, 0x44, 0x33]))
        fixture.setBytes("\(bundle)/字幕.vtt", Data("WEBVTT\n".utf8))
        fixture["\(bundle)/音频.md"] = video("1️⃣{ file: 解读.mp3, captions: 字幕.vtt }").replacingOccurrences(of: "form: video", with: "form: 音频")
        try fixture.check().assertFindings(["1️⃣": .error("PM003", "音频解读没有文字稿")])
    }

    func testAudioWithTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp3", Data([0x49, 0x44, 0x33]))
        fixture.setBytes("\(bundle)/文字稿.txt", Data("各位听众：".utf8))
        fixture["\(bundle)/音频.md"] = video("{ file: 解读.mp3, transcript: 文字稿.txt }").replacingOccurrences(of: "form: video", with: "form: audio")
        try fixture.check().assertNoFindings()
    }

    func testVideoWithoutCaptionsOrTranscript() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture["\(bundle)/视频.md"] = video("1️⃣{ file: 解读.mp4 }")
        try fixture.check().assertFindings(["1️⃣": .error("PM003")])
    }

    /// Either captions (WebVTT) or a transcript is enough.
    func testVideoWithCaptionsOrTranscript() throws {
        var fixture = ContentFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture.setBytes("\(bundle)/字幕.vtt", Data("WEBVTT\n".utf8))
        fixture.setBytes("\(bundle)/文字稿.txt", Data("各位观众：".utf8))
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, captions: 字幕.vtt }")
        try fixture.check().assertNoFindings()
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, transcript: 文字稿.txt }")
        try fixture.check().assertNoFindings()
    }

    /// The captions file itself must exist too.
    func testVideoCaptionsFileMissing() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/解读.mp4", Data([0, 0, 0, 0x18]))
        fixture["\(bundle)/视频.md"] = video("{ file: 解读.mp4, captions: 1️⃣字幕.vtt }")
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .error("PM001", "字幕.vtt")])
        result.assertClean("PM003")
    }
}

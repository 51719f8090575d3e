import PolicyCore

/// PM003: a video interpretation comes with captions (WebVTT) or a transcript, and an audio
/// one with a transcript, so that deaf and hard-of-hearing readers get the same explanation.
struct VideosHaveCaptions: Rule {
    static let descriptor = RuleDescriptor(
        code: "PM003", name: "video-captions", severity: .error,
        summary: "A video interpretation has neither captions nor a transcript, or an audio interpretation has no transcript.",
        fix: "在 media 中加入 captions: 字幕.vtt（WebVTT 字幕）或 transcript: 文字稿.txt；音频解读须有 transcript。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.interpretations.compactMap { item in
            guard let media = item.media else { return nil }
            let location = item.source.frontMatter?.location(of: "media") ?? item.source.location()
            if item.form.isVideo, media.captions == nil, media.transcript == nil {
                return finding(location, "视频解读没有字幕（captions）或文字稿（transcript）。")
            }
            if item.form.isAudio, media.transcript == nil {
                return finding(
                    location, "音频解读没有文字稿（transcript），听不到的读者无从了解内容。",
                    fix: "在 media 中加入 transcript: 文字稿.txt（录音的完整文字稿，页面上与播放器一同显示）。")
            }
            return nil
        }
    }
}

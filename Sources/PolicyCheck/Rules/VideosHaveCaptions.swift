import PolicyCore

/// PM003: a video interpretation comes with captions (WebVTT) or a transcript, so that
/// deaf and hard-of-hearing readers get the same explanation.
struct VideosHaveCaptions: Rule {
    static let descriptor = RuleDescriptor(
        code: "PM003", name: "video-captions", severity: .error,
        summary: "A video interpretation has neither captions nor a transcript.",
        fix: "在 media 中加入 captions: 字幕.vtt（WebVTT 字幕）或 transcript: 文字稿.txt。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.interpretations.filter { $0.form.isVideo }.compactMap { item in
            guard let media = item.media, media.captions == nil, media.transcript == nil else { return nil }
            return finding(item.source.frontMatter?.location(of: "media") ?? item.source.location(),
                           "视频解读没有字幕（captions）或文字稿（transcript）。")
        }
    }
}

import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// `d/<id>/<interpretation>/`: one interpretation, its media made accessible (alt text,
/// captions, the transcript on the page) and a way back to the document and its status.
struct InterpretationPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let form: String
        let published: DateText
        /// 与文件同步发布, or how many working days after the document (`InterpretationTiming`).
        let timing: String
        let office: String?
        /// The document it interprets, with that document's status (an interpretation has no other).
        let document: DocumentLink
        /// Graphic or animation image not already shown in the body.
        let figure: Figure?
        let video: Video?
        let audio: Audio?
        let bodyHTML: String
    }

    struct Figure: Encodable {
        let src: String
        let alt: String
    }

    struct Video: Encodable {
        let src: String
        let poster: String?
        let captions: String?
        /// The transcript file's text by paragraph (blank-line separated), line by line (shown escaped).
        let transcript: NonEmptyList<Paragraph>?
        let transcriptHref: String?
    }

    /// A sound recording: a player, and the transcript on the page (required for audio, PM003).
    struct Audio: Encodable {
        let src: String
        let transcript: NonEmptyList<Paragraph>?
        let transcriptHref: String?
    }

    struct Paragraph: Encodable {
        let lines: [String]
    }

    let context: SiteContext
    let document: Document
    let interpretation: Interpretation

    func render() throws -> String {
        let i = interpretation
        let directory = SitePath.interpretation(i)
        let link = Linker(page: directory)
        let published = Set(context.publishedFiles(of: document))
        let fileHref = { (file: String?) -> String? in
            file.flatMap { published.contains($0) ? link.href(SitePath.bundleFile(document.id, $0)) : nil }
        }
        let bundle = context.raw.bundle(id: document.id)
        let bundlePath = bundle?.path ?? document.bundlePath
        // Bundle files the body already shows as images, so the media figure is not shown twice.
        let embedded = Set(
            i.bodyFacts.references.filter(\.isImage).compactMap { reference in
                RelativePath.resolve(reference.url.removingPercentEncoding ?? reference.url, against: "")
            })

        var figure: Figure?
        // A moving picture (video form, or an animation delivered as a video file) gets a
        // player with captions; anything else is an image with its alt text.
        let isVideo = i.form.isVideo || (i.media?.file).map(MediaFile.isVideo) == true
        let isAudio = !isVideo && (i.form.isAudio || (i.media?.file).map(MediaFile.isAudio) == true)
        let transcript = { (media: Interpretation.Media) -> NonEmptyList<Paragraph>? in
            guard let file = media.transcript, published.contains(file) else { return nil }
            return .of(context.raw.bundle(id: document.id)?.text(of: file).flatMap(paragraphs) ?? [])
        }
        if !isVideo, !isAudio, let media = i.media, let file = media.file, !embedded.contains(RelativePath.resolve(file, against: "") ?? file),
            let src = fileHref(file)
        {
            figure = Figure(src: src, alt: media.alt ?? i.title)
        }
        var video: Video?
        if isVideo, let media = i.media, let src = fileHref(media.file) {
            video = Video(
                src: src, poster: fileHref(media.poster), captions: fileHref(media.captions),
                transcript: transcript(media), transcriptHref: fileHref(media.transcript))
        }
        var audio: Audio?
        if isAudio, let media = i.media, let src = fileHref(media.file) {
            audio = Audio(src: src, transcript: transcript(media), transcriptHref: fileHref(media.transcript))
        }
        let body = BodyRenderer(context: context).interpretation(
            i.body, sourceDirectory: bundlePath + "/", page: link, topLevel: 2, document: document)
        let ctx = Context(
            page: context.chrome(
                directory, title: i.title,
                crumbs: [
                    (document.kind.libraryName, SitePath.library(document.kind)),
                    (document.title, SitePath.document(document.id)), (i.title, nil),
                ],
                about: PageAbout(
                    column: "政策解读", columnType: "政策解读", description: "\(i.form.chinese)：\(i.title)",
                    keywords: document.keywords.isEmpty ? document.topics : document.keywords,
                    article: .init(
                        title: i.title, published: i.published,
                        source: context.site.sponsor ?? document.issuers.first ?? context.site.title))),
            title: i.title, form: i.form.chinese, published: DateText(i.published),
            timing: context.library.timing(of: i, in: document).chinese, office: i.office ?? document.office,
            document: context.documentLink(document, from: link), figure: figure, video: video, audio: audio, bodyHTML: body)
        return try context.page(directory, template: "interpretation", ctx)
    }

    /// The transcript's paragraphs and lines (as the loader read the file), nil when empty.
    private func paragraphs(_ text: String) -> [Paragraph]? {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let paragraphs = text.components(separatedBy: "\n\n").map { block in
            Paragraph(lines: block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }.filter { !$0.lines.isEmpty }
        return paragraphs.isEmpty ? nil : paragraphs
    }
}

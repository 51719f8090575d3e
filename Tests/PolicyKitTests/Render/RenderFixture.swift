import Foundation
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

/// A small library written to a temporary folder and rendered in memory: two versions of a
/// regulation, a repealed normative document whose title holds markup, its replacement, a
/// policy with a video interpretation, and a cleanup batch. Rendering goes through
/// `Pipeline.check` (load and model) and `SiteRenderer` directly, so the test does not depend
/// on which check rules pass.
final class RenderFixture {
    let base: URL
    let content: URL
    var files: [String: String]
    var binaries: [String: Data] = [:]

    static let asOf = CalendarDate("2026-11-29")!

    init(_ changes: [String: String?] = [:]) {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-render-\(UUID().uuidString)")
        content = base.appendingPathComponent("content")
        files = RenderFixture.library
        for (path, text) in changes { files[path] = text }
        binaries["normative/2022-old-rules/图.png"] = Data([0x89, 0x50, 0x4E, 0x47])
        binaries["normative/2022-old-rules/正式版本.pdf"] = TinyPDF.make(pages: [["Official text"]])
        binaries["normative/2022-old-rules/草稿.docx"] = Data("draft".utf8)
        binaries["policies/2024-plan/视频.mp4"] = Data([0, 0, 0, 0x18])
        binaries["policies/2024-plan/字幕.vtt"] = Data("WEBVTT\n\n00:00.000 --> 00:02.000\n开场\n".utf8)
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    /// Writes the folder and renders it; the result maps output paths to files.
    /// With `publishedOnly`, renders what `policy build` renders: the library as published
    /// at the as-of date (`Library.published(asOf:)`).
    func render(theme: URL? = nil, publishedOnly: Bool = false) throws -> [String: OutputFile] {
        try? FileManager.default.removeItem(at: content)
        for (path, data) in files.mapValues({ Data($0.utf8) }).merging(binaries, uniquingKeysWith: { a, _ in a }) {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let checked = try Pipeline.check(content: content, displayRoot: "content")
        let library = publishedOnly ? checked.library.published(asOf: RenderFixture.asOf) : checked.library
        let output = try SiteRenderer(
            library: library, raw: checked.raw, asOf: RenderFixture.asOf,
            theme: try Theme(overrides: theme.map(ThemeFolder.init(reading:)))
        ).render()
        return Dictionary(output.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A theme folder under the fixture's base with the given files (`templates/x.mustache`…).
    func theme(_ files: [String: String]) throws -> URL {
        let folder = base.appendingPathComponent("theme-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    static let library: [String: String] = [
        "site.yml": """
        title: 测试政策文件库
        base_url: https://example.org/zcwj/
        issuer: 示例省市场监督管理局

        """,
        "regulations/2019-workshops/index.md": FrontMatter([
            "title": "示例省食品小作坊管理办法",
            "number": "示例省人民政府令第203号",
            "issuer": "示例省人民政府",
            "office": "法规处",
            "signed": "2019-04-20",
            "published": "2019-04-26",
            "effective": "2019-06-01",
        ]).document(
            body: """
                ## 第一章 总则

                第一条 原文。

                """),
        "regulations/2022-workshops/index.md": FrontMatter([
            "title": "示例省食品小作坊管理办法",
            "number": "示例省人民政府令第236号",
            "issuer": "示例省人民政府",
            "office": "法规处",
            "signed": "2022-06-20",
            "published": "2022-06-28",
            "effective": "2022-08-01",
            "supersedes": "2019-workshops",
        ]).document(
            body: """
                ## 第一章 总则

                第一条 修订后的条文。

                """),
        "normative/2022-old-rules/index.md": FrontMatter([
            "title": "关于<script>alert(1)</script>的实施细则",
            "number": "示市监规〔2022〕1号",
            "office": "价格处",
            "signed": "2022-01-10",
            "published": "2022-01-20",
            "effective": "2022-02-01",
            "expires": "2027-01-31",
            "keywords": "[明码标价, 价签]",
            "repealed": "{ date: 2024-07-01, by: 2024-new-rules, note: 由新指引替代 }",
            "official": "正式版本.pdf",
        ]).document(
            body: """
                # 总则

                依据[新指引](/d/2024-new-rules/)和[本件解读](解读.md)，见下图：

                ![价签样式](图.png)

                <script>alert("raw")</script>

                | 项目 | 要求 |
                |---|---|
                | 价签 | 清晰 |

                """),
        "normative/2022-old-rules/解读.md": FrontMatter([
            "title": "《实施细则》政策解读",
            "form": "text",
            "published": "2022-01-20",
        ]).document(
            body: """
                ## 背景依据

                回到[原文](index.md)，或看[新指引](https://example.org/zcwj/d/2024-new-rules/)。

                """),
        "normative/2024-new-rules/index.md": FrontMatter([
            "title": "经营者价格行为合规指引",
            "number": "示市监规〔2024〕2号",
            "office": "价格处",
            "signed": "2024-06-01",
            "published": "2024-06-03",
            "effective": "2024-07-01",
            "expires": "2029-06-30",
        ]).document(
            body: """
                第一条 指引。

                """),
        "policies/2024-plan/index.md": FrontMatter([
            "title": "质量提升行动方案",
            "office": "质量处",
            "signed": "2024-03-01",
            "published": "2024-03-05",
            "exempt": "内部工作安排",
        ]).document(
            body: """
                一、目标。

                """),
        "policies/2024-plan/视频.md": FrontMatter([
            "title": "视频解读：质量提升行动",
            "form": "video",
            "published": "2024-03-05",
            "media": "{ file: 视频.mp4, captions: 字幕.vtt, transcript: 文稿.txt }",
        ]).document(
            body: """
                视频要点。

                """),
        "policies/2024-plan/文稿.txt": "主持人：<b>大家好</b>\n嘉宾：您好\n\n第二段\n",
        "cleanup/2025-batch.md": """
        ---
        title: 2025年度清理结果
        published: 2025-11-27
        effective: 2025-12-01
        results:
          - { document: 2024-new-rules, result: 继续有效 }
          - { document: 2022-old-rules, result: 废止, note: 已被替代 }
        ---

        清理说明。

        """,
    ]
}

extension OutputFile {
    /// The text of a generated file (nil for copies).
    var text: String? {
        switch contents {
        case .text(let text): text
        case .data(let data): String(decoding: data, as: UTF8.self)
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .copy: nil
        }
    }
}

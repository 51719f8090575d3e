import Foundation
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// A small library for the search tests, written to a temporary folder and modelled through
/// `Pipeline.check` (check findings do not matter here). Its texts hold the hard cases:
/// 文号 in every bracket style, Latin words and digit runs, repeated characters whose matches
/// overlap (哈哈哈), a phrase split over two lines, and an interpretation with Q&A.
enum SearchFixture {
    static let files: [String: String] = [
        "site.yml": "title: 检索测试库\nissuer: 示例省市场监督管理局\ntimezone: Asia/Shanghai\n",
        "calendar.yml": "holidays: []\nworkdays: []\n",
        "normative/2023-price/index.md": FrontMatter([
            "title": "示例省明码标价实施细则",
            "number": "示市监规〔2023〕2号",
            "office": "价格监督检查处",
            "signed": "2023-01-10",
            "published": "2023-01-12",
            "effective": "2023-02-01",
            "expires": "2027-12-31",
            "topics": "[价格监管]",
        ]).document(
            body: """
                第一条 经营者应当明码标价。标价签（价目表）应当清晰，参照GB/T 9704-2012和ISO 9001。

                第二条 哈哈哈哈，明码
                标价不得虚构原价；依据《价格法》第十三条（2015年修订）。
                """),
        "normative/2023-price/问答.md": FrontMatter([
            "title": "《示例省明码标价实施细则》问答",
            "form": "qa",
            "published": "2023-01-12",
        ]).document(
            body: """
                ## 原价怎么认定？

                原价是指经营者在本次促销活动前七日内在本交易场所成交，有交易票据的最低交易价格。

                ## 网店适用吗？

                适用。网络交易经营者同样应当明码标价，Price tags apply online.
                """),
        "policies/2024-plan/index.md": FrontMatter([
            "title": "质量强省2024年工作要点",
            "office": "质量发展处",
            "signed": "2024-03-01",
            "published": "2024-03-05",
            "supersedes": "2023-price",
        ]).document(
            body: """
                一、推进标准化（2024—2026年）。二、实施示市监规[2023]2号文件。三、开展“质量月”活动，哈哈。

                附：价格 监管 与 质量 监管 分工表 v2 版。
                """),
    ]

    /// The library, modelled from a fresh temporary folder, with `extra` files beside `files`.
    static func library(adding extra: [String: String] = [:]) throws -> Library {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files.merging(extra, uniquingKeysWith: { _, new in new }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try Pipeline.check(content: root).library
    }

    /// The project's own sample content (`content/` at the repository root).
    static func sampleLibrary() throws -> Library {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try Pipeline.check(content: repo.appendingPathComponent("content")).library
    }
}

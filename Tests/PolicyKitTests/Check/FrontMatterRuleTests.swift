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

/// PF002 front-matter-syntax, PF003 unknown-field, PF004 required-field, PF006 unknown-value,
/// PF007 bundle-id. Line numbers refer to the base fixture (see `ContentFixture`).
final class FrontMatterRuleTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    // MARK: - PF002 front-matter-syntax

    /// An unquoted value with `: ` inside is a YAML error; the finding points at the
    /// offending colon (file line, not front-matter line; column in characters).
    func testYAMLSyntaxErrorReportsItsPosition() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法: 修订稿")
        let result = try fixture.check()
        result.assertFinds("PF002", .error, file: "content/\(doc)", line: 2, column: 19, message: "YAML")
    }

    /// An error further down: a flow sequence left open on line 9 swallows the next line,
    /// and YAML gives up at the colon of `keywords:` on line 10 (file lines, not front-matter lines).
    func testYAMLErrorOnLaterLineKeepsFileLineNumbers() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ntopics: [食品安全, 标签\nkeywords: [标签]")
        try fixture.check().assertFinds("PF002", .error, file: "content/\(doc)", line: 10, column: 9, message: "YAML")
    }

    /// Quoting the same value makes it valid.
    func testQuotedColonParses() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: \"示例省食品标签管理办法: 修订稿\"")
        try fixture.check().assertNoFindings()
    }

    func testFileWithoutFrontMatter() throws {
        var fixture = ContentFixture()
        fixture[interp] = "## 背景\n\n没有字段区的解读。\n"
        let result = try fixture.check()
        result.assertFinds("PF002", .error, file: "content/\(interp)", line: 1, column: 1, message: "缺少")
        // A malformed interpretation is still an interpretation file: not also "missing".
        result.assertClean("PI001")
    }

    func testFrontMatterNeverClosed() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "published: 2024-03-08\n---\n", with: "published: 2024-03-08\n\n")
        try fixture.check().assertFinds("PF002", .error, file: "content/\(interp)", line: 1, message: "没有结束")
    }

    func testFrontMatterThatIsNotAMapping() throws {
        var fixture = ContentFixture()
        fixture[interp] = "---\n- 标题\n- 文字解读\n---\n\n正文。\n"
        try fixture.check().assertFinds("PF002", .error, file: "content/\(interp)", line: 1)
    }

    /// site.yml and calendar.yml are YAML from their first line; positions are theirs.
    func testSettingsFileSyntaxError() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "issuer: 示例省市场监督管理局", with: "issuer: 示例省市场监督管理局: 办公室")
        try fixture.check().assertFinds("PF002", .error, file: "content/site.yml", line: 3, column: 19)
    }

    // MARK: - PF003 unknown-field

    /// A misspelt field is a warning at the key, suggesting the field meant.
    func testUnknownFieldSuggestsNearest() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "titel: 示例省食品标签管理办法")
        let result = try fixture.check()
        result.assertFinds("PF003", .warning, file: "content/\(doc)", line: 2, column: 1, message: "是否应为“title”")
        // …and the real field is then missing.
        result.assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "title")
    }

    /// Fields inside nested mappings are checked with their full name.
    func testUnknownNestedField() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 附件1.pdf, titel: 附件1 }")
        fixture.setBytes("\(ContentFixture.bundle)/附件1.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertFinds("PF003", .warning, file: "content/\(doc)", line: 10, column: 22,
                                        message: "attachments.title")
    }

    /// A field with no close match gets no suggestion but says it is ignored.
    func testUnknownFieldWithoutSuggestion() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: text\nreviewed_by_legal_department: yes")
        let finding = try fixture.check().assertFinds("PF003", .warning, file: "content/\(interp)", line: 4)
        XCTAssertEqual(finding?.message.contains("不会被使用"), true)
    }

    /// Every documented field (including optional ones) is known.
    func testAllDocumentedFieldsAreKnown() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: """
            expires: 2029-03-31
            kind: normative
            issuer: [示例省市场监督管理局, 示例省卫生健康委员会]
            topics: [食品安全]
            keywords: [标签]
            official: 正式版本.pdf
            attachments:
              - { file: 附件1.pdf, title: 附件1 }
            """)
        fixture.setBytes("\(ContentFixture.bundle)/正式版本.pdf", TinyPDF.make(pages: [["Official text"]]))
        fixture.setBytes("\(ContentFixture.bundle)/附件1.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertNoFindings()
    }

    // MARK: - PF004 required-field

    /// Missing fields are reported at the front matter's first line, naming the field.
    func testMissingRequiredField() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "office: 食品安全协调处\n", with: "")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(doc)", line: 2, column: 1, message: "office")
    }

    /// A field present with an empty value counts as missing.
    func testEmptyRequiredField() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "office: 食品安全协调处", with: "office:")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "office")
    }

    /// Normative documents need a 文号…
    func testNormativeNeedsNumber() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号\n", with: "")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "number")
    }

    /// …other policy documents do not.
    func testPolicyNeedsNoNumber() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号\n", with: "")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertClean("PF004")
    }

    /// A `kind` in the front matter overrides the folder: a regulation-kind document in
    /// policies/ still needs its order number.
    func testKindFieldOverridesFolder() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "number: 示市监规〔2024〕3号", with: "kind: 规章")
        fixture.move(ContentFixture.bundle, to: "policies/2024-food-labels")
        try fixture.check().assertFinds("PF004", .error, file: "content/policies/2024-food-labels/index.md", line: 2,
                                        message: "number")
    }

    func testInterpretationMissingForm() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text\n", with: "")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(interp)", line: 2, message: "form")
    }

    /// graphic, video and animation interpretations need `media`; other forms do not.
    func testGraphicNeedsMedia() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: graphic")
        try fixture.check().assertFinds("PF004", .error, file: "content/\(interp)", line: 2, message: "media")
    }

    func testCleanupResultNeedsDocumentAndResult() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels }
            ---

            清理说明。
            """
        try fixture.check().assertFinds("PF004", .error, file: "content/cleanup/2024.md", line: 5, message: "result")
    }

    // MARK: - PF006 unknown-value

    func testUnknownKind() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法\nkind: 规范文件")
        try fixture.check().assertFinds("PF006", .error, file: "content/\(doc)", line: 3, column: 7, message: "规范文件")
    }

    /// The Chinese names are accepted as aliases of the kinds.
    func testChineseKindAlias() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "title: 示例省食品标签管理办法\nkind: 行政规范性文件")
        try fixture.check().assertNoFindings()
    }

    func testUnknownForm() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: txt")
        let result = try fixture.check()
        result.assertFinds("PF006", .error, file: "content/\(interp)", line: 3, column: 7, message: "是否应为“text”")
        // The file is there, only unreadable: no "missing interpretation" on top.
        result.assertClean("PI001")
    }

    func testChineseFormAlias() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: 文字解读")
        try fixture.check().assertNoFindings()
    }

    /// The words bureaus' 解读 columns use are accepted, each for its form.
    func testFormWordsBureausUse() throws {
        let cases: [(String, InterpretationForm)] = [
            ("图文", .graphic), ("卡通动漫", .animation), ("动漫", .animation), ("音视频", .video), ("视频", .video),
            ("访谈", .interview), ("新闻发布会", .pressConference), ("场景演示", .scenario), ("问答", .qa),
            ("文字", .text), ("文字解读", .text), ("音频", .audio), ("audio", .audio),
        ]
        for (word, form) in cases { XCTAssertEqual(InterpretationForm(alias: word), form, word) }
        XCTAssertNil(InterpretationForm(alias: "图画"))
        // And the gate takes one of them in place of the code.
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: 文字")
        try fixture.check().assertNoFindings()
    }

    /// A near miss of a Chinese word is pointed at the word.
    func testUnknownChineseFormSuggestsTheWord() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: 卡通动画")
        try fixture.check().assertFinds("PF006", .error, file: "content/\(interp)", line: 3, column: 7, message: "是否应为“卡通动漫”")
    }

    func testUnknownCleanupResult() throws {
        var fixture = ContentFixture()
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: 2024-11-29
            results:
              - { document: 2024-food-labels, result: 作废 }
            ---

            清理说明。
            """
        let result = try fixture.check()
        result.assertFinds("PF006", .error, file: "content/cleanup/2024.md", line: 5, column: 43, message: "作废")
        fixture.replace(in: "cleanup/2024.md", "result: 作废", with: "result: 继续有效")
        try fixture.check().assertNoFindings()
    }

    // MARK: - PF007 bundle-id

    func testMalformedBundleID() throws {
        var fixture = ContentFixture()
        fixture.move(ContentFixture.bundle, to: "normative/2024_Food_Labels")
        try fixture.check().assertFinds("PF007", .error, file: "content/normative/2024_Food_Labels/index.md", line: 1,
                                        message: "2024_Food_Labels")
    }

    /// Ids are lower-case letters, digits and single hyphens.
    func testWellFormedBundleIDs() throws {
        for id in ["2024-food-labels", "a", "x1-2-3"] {
            var fixture = ContentFixture()
            fixture.move(ContentFixture.bundle, to: "normative/\(id)")
            try fixture.check().assertClean("PF007")
        }
        for id in ["-2024", "2024-", "2024--x", "食品标签", "2024.x"] {
            var fixture = ContentFixture()
            fixture.move(ContentFixture.bundle, to: "normative/\(id)")
            try fixture.check().assertFinds("PF007", .error, file: "content/normative/\(id)/index.md", line: 1)
        }
    }

    /// The same id under two kinds is one URL for two documents.
    func testDuplicateIDAcrossKinds() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-food-labels", """
            title: 关于开展食品标签专项检查的通知
            office: 食品安全协调处
            signed: 2024-05-06
            published: 2024-05-08
            """, interpretation: "2024-05-08")
        try fixture.check().assertFinds("PF007", .error, file: "content/policies/2024-food-labels/index.md", line: 1,
                                        message: "重复")
    }

    /// Ids differing only in case collide on case-insensitive file systems.
    func testDuplicateIDIgnoringCase() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-Food-Labels", """
            title: 关于开展食品标签专项检查的通知
            office: 食品安全协调处
            signed: 2024-05-06
            published: 2024-05-08
            """, interpretation: "2024-05-08")
        try fixture.check().assertFinds("PF007", .error, file: "content/policies/2024-Food-Labels/index.md", line: 1,
                                        message: "与 content/normative/2024-food-labels/ 重复")
    }

    func testDistinctIDsAreNotDuplicates() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-food-labels-check", """
            title: 关于开展食品标签专项检查的通知
            office: 食品安全协调处
            signed: 2024-05-06
            published: 2024-05-08
            """, interpretation: "2024-05-08")
        try fixture.check().assertNoFindings()
    }

    /// A bundle folder without index.md is reported at the folder.
    func testBundleWithoutIndex() throws {
        var fixture = ContentFixture()
        fixture.remove(doc)
        try fixture.check().assertFinds("PF007", .error, file: "content/\(ContentFixture.bundle)/", line: 1,
                                        message: "index.md")
    }
}

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

/// PF003 unknown-field (`KnownFieldsOnly`).
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class KnownFieldsOnlyTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp

    /// A misspelt field is a warning at the key, suggesting the field meant.
    func testUnknownFieldSuggestsNearest() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "title: 示例省食品标签管理办法", with: "1️⃣titel: 示例省食品标签管理办法")
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .warning("PF003", "是否应为“title”")])
        // …and the real field is then missing.
        result.assertFinds("PF004", .error, file: "content/\(doc)", line: 2, message: "title")
    }

    /// Fields inside nested mappings are checked with their full name.
    func testUnknownNestedField() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 附件1.pdf, 1️⃣titel: 附件1 }")
        fixture.setBytes("\(ContentFixture.bundle)/附件1.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertFindings(["1️⃣": .warning("PF003", "attachments.title")])
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
        fixture.replace(
            in: doc, "expires: 2029-03-31",
            with: """
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
}

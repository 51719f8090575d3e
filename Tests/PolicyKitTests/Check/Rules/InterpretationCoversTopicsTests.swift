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

/// PI003 interpretation-coverage (`InterpretationCoversTopics`).
final class InterpretationCoversTopicsTests: XCTestCase {
    private let interp = ContentFixture.interp

    func testTextInterpretationMissingKeyTerms() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、办事指引")
        fixture.replace(in: interp, "form: text", with: "form: 1️⃣text")
        try fixture.check().assertFindings(["1️⃣": .error("PI003", "关键词")])
    }

    /// Any of the topic's heading words counts: 名词解释 for 关键词, 政策措施 for 主要内容.
    func testAlternativeHeadingWords() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、名词解释")
        fixture.replace(in: interp, "## 二、主要内容", with: "## 二、政策措施")
        try fixture.check().assertNoFindings()
    }

    /// The words are looked for in headings, not in running text.
    func testTopicWordInParagraphDoesNotCount() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 三、关键词解释", with: "三、关键词解释")
        try fixture.check().assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "关键词")
    }

    /// Several missing topics: one finding naming all of them.
    func testSeveralTopicsMissing() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "## 一、背景和依据", with: "## 一、概述")
        fixture.replace(in: interp, "## 三、关键词解释", with: "## 三、办事指引")
        let result = try fixture.check()
        result.assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "背景依据、关键词")
        XCTAssertEqual(result.findings("PI003").count, 1)
    }

    /// The topics come from site.yml.
    func testMustCoverFromSiteConfig() throws {
        var fixture = ContentFixture()
        fixture.replace(in: "site.yml", "  max_lag_working_days: 0", with: "  max_lag_working_days: 0\n  must_cover: { 办事指南: [办事指南] }")
        try fixture.check().assertFinds("PI003", .error, file: "content/\(interp)", line: 3, message: "办事指南")
    }

    /// A qa interpretation is not held to the text headings.
    func testOtherFormsNeedNoHeadings() throws {
        var fixture = ContentFixture()
        fixture.replace(in: interp, "form: text", with: "form: press-conference")
        try fixture.check().assertNoFindings()
    }
}

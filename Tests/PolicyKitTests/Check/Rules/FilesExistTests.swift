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

/// PM001 missing-file (`FilesExist`).
final class FilesExistTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    func testMissingOfficialVersion() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nofficial: 1️⃣正式版本.pdf")
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "正式版本.pdf")])
        fixture.setBytes("\(bundle)/正式版本.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertNoFindings()
    }

    /// File names are case-sensitive (the site is served from Linux); the near miss is suggested.
    func testMisspeltAttachmentSuggestsTheFile() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 1️⃣附件1.PDF, title: 附件1 }")
        fixture.setBytes("\(bundle)/附件1.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "是否应为“附件1.pdf”")])
    }

    /// Files in sub-folders of the bundle are referenced by their relative path.
    func testAttachmentInSubfolder() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: 附件/表格.csv, title: 附件1 }")
        fixture["\(bundle)/附件/表格.csv"] = "项目,金额\n培训,1000\n"
        try fixture.check().assertNoFindings()
    }

    func testMissingMediaFile() throws {
        var fixture = MarkedFixture()
        fixture["\(bundle)/图解.md"] = """
            ---
            title: 一图读懂
            form: graphic
            published: 2024-03-08
            media: { file: 1️⃣图解.png, alt: 食品标签应标注的六项内容 }
            ---
            """
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "图解.png")])
        fixture.setBytes("\(bundle)/图解.png", Data([0x89, 0x50, 0x4E, 0x47]))
        try fixture.check().assertNoFindings()
    }

    /// A body image is checked at its own line and column.
    func testMissingBodyImage() throws {
        var fixture = MarkedFixture()
        fixture[doc]! += "\n附图：1️⃣![食品标签示例](标签示例.png)\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "标签示例.png")])
    }

    func testBodyLinkToBundleFile() throws {
        var fixture = MarkedFixture()
        fixture[interp]! += "\n详见1️⃣[附件](附件.pdf)。\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "附件.pdf")])
        fixture.setBytes("\(bundle)/附件.pdf", TinyPDF.make(pages: [["Official text"]]))
        try fixture.check().assertNoFindings()
    }

    /// `..` leaves the bundle, so the page's copy would not exist — even if the file does.
    func testPathOutOfBundle() throws {
        var fixture = MarkedFixture()
        fixture.addDocument("policies/2024-other", FrontMatter.policy, interpretation: "2024-05-08")
        fixture.setBytes("policies/2024-other/图.png", Data([0x89, 0x50]))
        fixture[doc]! += "\n1️⃣![示例图](../../policies/2024-other/图.png)\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM001", "文件夹之外")])
    }

    func testAbsolutePathInFrontMatter() throws {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nofficial: /srv/files/正式版本.pdf")
        try fixture.check().assertFinds("PM001", .error, file: "content/\(doc)", line: 9, message: "文件夹之外")
    }

    /// Links outside the library (web, mail, anchors) are not files of the bundle. (The
    /// office mailbox is public, so it is allowed for the personal-data rule.)
    func testExternalLinksAreNotFiles() throws {
        var fixture = ContentFixture()
        fixture["site.yml"]! += "privacy:\n  allow: [ask@example.gov.cn]\n"
        fixture[doc]! += "\n参见[国家标准](https://www.samr.gov.cn/)、[来信](mailto:ask@example.gov.cn)和[第一条](#第一条)。\n"
        try fixture.check().assertNoFindings()
    }
}

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

/// PM002 image-alt (`ImagesHaveAltText`).
final class ImagesHaveAltTextTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let interp = ContentFixture.interp
    private let bundle = ContentFixture.bundle

    func testBodyImageWithoutAlt() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/标签示例.png", Data([0x89, 0x50]))
        fixture[interp]! += "\n1️⃣![](标签示例.png)\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM002")])
        fixture.replace(in: interp, "![](标签示例.png)", with: "![预包装食品标签的六项必标内容](标签示例.png)")
        try fixture.check().assertNoFindings()
    }

    /// Whitespace is no description either.
    func testBodyImageWithBlankAlt() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/标签示例.png", Data([0x89, 0x50]))
        fixture[doc]! += "\n1️⃣![ ](标签示例.png)\n"
        try fixture.check().assertFindings(["1️⃣": .error("PM002")])
    }

    func testGraphicMediaWithoutAlt() throws {
        var fixture = MarkedFixture()
        fixture.setBytes("\(bundle)/图解.png", Data([0x89, 0x50]))
        fixture["\(bundle)/图解.md"] = """
            ---
            title: 一图读懂
            form: graphic
            published: 2024-03-08
            media: 1️⃣{ file: 图解.png }
            ---
            """
        try fixture.check().assertFindings(["1️⃣": .error("PM002")])
    }
}

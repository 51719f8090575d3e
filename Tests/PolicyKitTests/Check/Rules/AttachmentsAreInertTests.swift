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

/// PM005 active-content-attachment: published SVG, HTML and XML files are a warning.
final class AttachmentsAreInertTests: XCTestCase {
    private func attaching(_ file: String) throws -> CheckResult {
        var fixture = ContentFixture()
        fixture.replace(
            in: ContentFixture.doc, "expires: 2029-03-31",
            with: "expires: 2029-03-31\nattachments:\n  - { file: \"\(file)\", title: 附件 }")
        fixture["\(ContentFixture.bundle)/\(file)"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        return try fixture.check()
    }

    func testActiveFormatsAreAWarning() throws {
        for file in ["图解.svg", "附件/说明.HTML", "表.htm", "数据.xml"] {
            let result = try attaching(file)
            result.assertFinds("PM005", .warning, file: "\(ContentFixture.bundle)/\(file)", line: 1, message: "脚本")
            result.assertNoErrors()
        }
    }

    func testInertFormatsPass() throws {
        for file in ["正式版本.pdf", "图解.png", "表.xlsx", "svg.pdf"] {
            try attaching(file).assertClean("PM005")
        }
    }
}

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

/// PF010: symbolic links in the content are reported and never followed. More cases (linked
/// bundle folders, kind folders, cleanup and settings files) are in Hostile/HostileInputTests.
final class NoSymlinksTests: XCTestCase {
    func testLinkedBundleFileIsReportedAndNotRead() throws {
        let hostile = HostileFixture()
        let outside = try hostile.outsideBundle()
        let result = try hostile.check { content in
            try HostileFixture.link(
                ContentFixture.bundle + "/图解.png", to: outside.appendingPathComponent("secret.pdf").path,
                in: content)
        }
        result.assertFinds("PF010", .error, file: ContentFixture.bundle + "/图解.png", line: 1, message: "是符号链接")
        XCTAssertFalse(result.checked.raw.bundles.contains { $0.files.contains("图解.png") })
        XCTAssertNotNil(result.library.document(ContentFixture.docID), "the rest of the bundle is still read")
        XCTAssertEqual(result.findings("PF010").count, 1)
    }

    func testNoLinkNoFinding() throws {
        try HostileFixture().check().assertClean("PF010")
    }
}

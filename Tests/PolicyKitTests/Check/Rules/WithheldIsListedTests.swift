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

/// PS002 withheld, PF006 for an unknown 公开方式, and the published view without them.
final class WithheldIsListedTests: XCTestCase {
    private let doc = ContentFixture.doc

    func testOnRequestDocumentIsListedAndKeptOffTheSite() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ndisclosure: 1️⃣依申请公开")
        let result = try fixture.check()
        result.assertFindings(["1️⃣": .notice("PS002", "依申请公开")])
        XCTAssertEqual(result.library.documents.count, 1, "the report still counts it")
        XCTAssertTrue(result.library.published(asOf: CalendarDate("2025-01-01")!).documents.isEmpty)
    }

    /// Not published, so not published with an interpretation either.
    func testWithheldDocumentNeedsNoInterpretation() throws {
        var fixture = MarkedFixture()
        fixture.remove(ContentFixture.interp)
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ndisclosure: 不予公开")
        let result = try fixture.check()
        result.assertClean("PI001")
        result.assertFinds("PS002", .notice, file: "content/\(doc)", line: 9, message: "不予公开")
    }

    func testDefaultIsProactive() throws {
        let result = try MarkedFixture().check()
        result.assertClean("PS002")
        XCTAssertEqual(result.library.document(ContentFixture.docID)?.disclosure, .proactive)
    }

    /// A value that cannot be read is an error — and the model keeps the document off the site.
    func testUnknownDisclosureIsAnError() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ndisclosure: 公开")
        let result = try fixture.check()
        result.assertFinds("PF006", .error, file: "content/\(doc)", line: 9, message: "公开")
        XCTAssertEqual(result.library.document(ContentFixture.docID)?.disclosure.isPublic, false)
    }
}

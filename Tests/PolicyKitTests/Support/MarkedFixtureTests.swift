import XCTest
@testable import PolicyCore
@testable import PolicyCheck
@testable import PolicyKit

/// The marker harness itself: positions come out right, and a mismatch is reported as a
/// readable list of missing and unexpected findings (never silently passed).
final class MarkedFixtureTests: XCTestCase {
    private let doc = ContentFixture.doc

    func testMarkersAreRemovedAndPositionsCountUnicodeScalars() {
        let (text, markers) = Marker.strip("ab1️⃣c\n中文2️⃣字\n3️⃣")
        XCTAssertEqual(text, "abc\n中文字\n")
        XCTAssertEqual(markers.map(\.0), ["1️⃣", "2️⃣", "3️⃣"])
        XCTAssertEqual(markers.map { [$0.1.line, $0.1.column] }, [[1, 3], [2, 3], [3, 1]])
    }

    /// A combining accent is a column of its own, as libyaml counts it.
    func testCombiningMarksCountAsColumns() {
        XCTAssertEqual(Marker.strip("e\u{301}1️⃣").markers.first?.1.column, 3)
    }

    func testMarkedFileIsWrittenWithoutMarkers() {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/1/5")
        XCTAssertEqual(fixture.content[doc]?.contains("signed: 2024/1/5\n"), true)
        XCTAssertEqual(fixture.markerLocations["1️⃣"], SourceLocation(file: "content/" + doc, line: 5, column: 9))
    }

    func testMarkersFollowMovedBundles() {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "number: ", with: "number: 1️⃣")
        fixture.move(ContentFixture.bundle, to: "regulations/2024-food-labels")
        XCTAssertEqual(
            fixture.markerLocations["1️⃣"],
            SourceLocation(file: "content/regulations/2024-food-labels/index.md", line: 3, column: 9))
    }

    func testMatchingFindingPasses() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/1/5")
        let comparison = try fixture.check().compare(["1️⃣": .error("PF005", "2024/1/5")])
        XCTAssertNil(comparison.report)
        XCTAssertEqual(comparison.matched.map(\.rule.code), ["PF005"])
    }

    /// A marker one column off is a missing finding and the real one is unexpected; both are
    /// listed with file, line and column.
    func testMisplacedMarkerListsMissingAndUnexpected() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed:1️⃣ 2024/1/5")
        let report = try XCTUnwrap(try fixture.check().compare(["1️⃣": .error("PF005")]).report)
        XCTAssertTrue(report.contains("missing:\n  1️⃣ content/\(doc):5:8 error [PF005]"), report)
        XCTAssertTrue(report.contains("unexpected:\n  content/\(doc):5:9 error [PF005 "), report)
    }

    /// Wrong severity, wrong message, an unplaced marker and a forbidden code all fail.
    func testEveryPartOfTheExpectationCounts() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: doc, "signed: 2024-03-01", with: "signed: 1️⃣2024/1/5")
        let result = try fixture.check()
        XCTAssertNotNil(result.compare(["1️⃣": .warning("PF005")]).report)
        XCTAssertNotNil(result.compare(["1️⃣": .error("PF005", "not in the message")]).report)
        XCTAssertNotNil(result.compare(["2️⃣": .error("PF005")]).report)
        XCTAssertNil(result.compare(["1️⃣": .error("PF005")], alsoForbidding: ["PD001"]).report)
        XCTAssertNotNil(result.compare([:], alsoForbidding: ["PF005"]).report, "a forbidden code's finding is unexpected")
    }
}

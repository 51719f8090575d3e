import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyWrite

/// The system library's model: qualified ids and where their pages live; what a section's
/// sink does with its files.
final class SystemLibraryTests: XCTestCase {
    func testQualifiedIDsLiveInTheirBureausSection() {
        XCTAssertEqual(SitePath.document("x"), "d/x/")
        XCTAssertEqual(SitePath.document("city-a/x"), "city-a/d/x/")
        XCTAssertEqual(SitePath.bundleFile("city-a/x", "附件.pdf"), "city-a/d/x/附件.pdf")
        XCTAssertEqual(SitePath.comparison(old: "city-a/old", new: "city-a/new"), "city-a/d/new/compare/old/")
        XCTAssertEqual(SitePath.comparison(old: "old", new: "new"), "d/new/compare/old/")
    }

    /// Seen from a bureau's section, its own documents are at `d/<id>/`, another bureau's one
    /// folder up; a link from the section's page reaches the other section.
    func testLinksAreRebasedForASection() {
        let links = ImplementationLinks(
            implements: [.init(title: "省", number: nil, issuer: "省局", path: "province/d/p/")],
            implementedBy: [.init(title: "市", number: nil, issuer: "市局", path: "city-a/d/c/")])
        let seen = links.seen(fromSection: "city-a")
        XCTAssertEqual(seen.implements.map(\.path), ["../province/d/p/"])
        XCTAssertEqual(seen.implementedBy.map(\.path), ["d/c/"])
        XCTAssertEqual(Linker(page: "d/c/").href(seen.implements[0].path), "../../../province/d/p/")
    }

    func testSectionSinkPrefixesAndNeverReuses() throws {
        let files = CollectedFiles()
        let section = SectionSink(files, folder: "city-a/")
        try section.add([OutputFile("index.html", .text("x"))], madeFrom: "key")
        XCTAssertEqual(files.sorted.map(\.path), ["city-a/index.html"])
        XCTAssertNil(try section.reuse(madeFrom: "key"))
    }
}

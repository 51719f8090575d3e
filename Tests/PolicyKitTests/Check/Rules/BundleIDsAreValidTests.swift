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

/// PF007 bundle-id (`BundleIDsAreValid`).
/// Line numbers refer to the base fixture (see `ContentFixture`).
final class BundleIDsAreValidTests: XCTestCase {
    private let doc = ContentFixture.doc

    func testMalformedBundleID() throws {
        var fixture = ContentFixture()
        fixture.move(ContentFixture.bundle, to: "normative/2024_Food_Labels")
        try fixture.check().assertFinds(
            "PF007", .error, file: "content/normative/2024_Food_Labels/index.md", line: 1,
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
        fixture.addDocument("policies/2024-food-labels", FrontMatter.policy, interpretation: "2024-05-08")
        try fixture.check().assertFinds(
            "PF007", .error, file: "content/policies/2024-food-labels/index.md", line: 1,
            message: "重复")
    }

    /// Ids differing only in case collide on case-insensitive file systems.
    func testDuplicateIDIgnoringCase() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-Food-Labels", FrontMatter.policy, interpretation: "2024-05-08")
        try fixture.check().assertFinds(
            "PF007", .error, file: "content/policies/2024-Food-Labels/index.md", line: 1,
            message: "与 content/normative/2024-food-labels/ 重复")
    }

    func testDistinctIDsAreNotDuplicates() throws {
        var fixture = ContentFixture()
        fixture.addDocument("policies/2024-food-labels-check", FrontMatter.policy, interpretation: "2024-05-08")
        try fixture.check().assertNoFindings()
    }

    /// A bundle folder without index.md is reported at the folder.
    func testBundleWithoutIndex() throws {
        var fixture = ContentFixture()
        fixture.remove(doc)
        try fixture.check().assertFinds(
            "PF007", .error, file: "content/\(ContentFixture.bundle)/", line: 1,
            message: "index.md")
    }
}

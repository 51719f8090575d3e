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

/// PF011 path-collision: a published bundle file never shares a place with a generated page,
/// and two file names that differ only in Unicode normalisation are reported, not merged.
final class PublishedPathsAreDistinctTests: XCTestCase {
    private let doc = ContentFixture.doc
    private let bundle = ContentFixture.bundle

    private func attaching(_ file: String, bytes: String = "%PDF-1.4") -> ContentFixture {
        var fixture = ContentFixture()
        fixture.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nattachments:\n  - { file: \"\(file)\", title: 附件 }")
        fixture["\(bundle)/\(file)"] = bytes
        return fixture
    }

    func testAnAttachmentNamedLikeTheDocumentPageIsReported() throws {
        let finding = try attaching("index.html", bytes: "<p>附件</p>").check()
            .assertFinds("PF011", .error, file: "\(bundle)/index.html", line: 1, message: "d/\(ContentFixture.docID)/index.html")
        XCTAssertTrue(finding?.message.contains("覆盖") == true, finding?.message ?? "")
    }

    func testAnAttachmentNamedLikeAnInterpretationIsReported() throws {
        // `解读` is the interpretation page's folder, d/<id>/解读/; a file there broke the build.
        try attaching("解读").check().assertFinds("PF011", .error, file: "\(bundle)/解读", line: 1, message: "解读/index.html")
    }

    func testOrdinaryAttachmentsAndSubfoldersPass() throws {
        try attaching("附件/index.pdf").check().assertClean("PF011")
        try attaching("解读附件.pdf").check().assertClean("PF011")
        try ContentFixture().check().assertClean("PF011")
    }

    func testInterpretationNamesDifferingOnlyInNormalisationAreReported() throws {
        // NFC "é" and NFD "e" + U+0301: one name to Swift's String (and a Set), two files on disk.
        let hostile = HostileFixture()
        let result = try hostile.check { content in
            for name in [[0xC3, 0xA9], [0x65, 0xCC, 0x81]] as [[UInt8]] {
                let path = content.path + "/\(ContentFixture.bundle)/问答" + String(decoding: name, as: UTF8.self) + ".md"
                XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(ContentFixture.textInterpretation(published: "2024-03-08").utf8)))
            }
        }
        let finding = result.findings("PF011").first
        XCTAssertNotNil(finding, result.diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(finding?.message.contains("Unicode 规范化") == true, finding?.message ?? "")
        XCTAssertTrue(finding?.location.file.hasPrefix("content/\(ContentFixture.bundle)/问答") == true)
    }
}

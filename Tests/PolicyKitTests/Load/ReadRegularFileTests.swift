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

/// `ContentLoader.readRegularFile`: what each kind of path gives, with one open(2).
final class ReadRegularFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func testRegularFileGivesItsBytes() throws {
        try Data("第一条\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        XCTAssertEqual(ContentLoader.readRegularFile(path("a.md"), limit: 100), .bytes(Array("第一条\n".utf8)))
        try Data().write(to: folder.appendingPathComponent("empty.md"))
        XCTAssertEqual(ContentLoader.readRegularFile(path("empty.md"), limit: 100), .bytes([]))
    }

    func testLargerThanTheLimitIsNotRead() throws {
        try Data(repeating: 0x41, count: 101).write(to: folder.appendingPathComponent("big.md"))
        XCTAssertEqual(ContentLoader.readRegularFile(path("big.md"), limit: 100), .tooLarge(101))
        XCTAssertEqual(ContentLoader.readRegularFile(path("big.md"), limit: 101), .bytes([UInt8](repeating: 0x41, count: 101)))
    }

    func testLinksArePipesAndFoldersAreNotRead() throws {
        try Data("x".utf8).write(to: folder.appendingPathComponent("target.md"))
        try FileManager.default.createSymbolicLink(atPath: path("link.md"), withDestinationPath: path("target.md"))
        XCTAssertEqual(ContentLoader.readRegularFile(path("link.md"), limit: 100), .link)
        XCTAssertEqual(mkfifo(path("pipe.md"), 0o644), 0)
        XCTAssertEqual(ContentLoader.readRegularFile(path("pipe.md"), limit: 100), .notRegular, "returns at once, without a writer")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.md"), withIntermediateDirectories: true)
        XCTAssertEqual(ContentLoader.readRegularFile(path("sub.md"), limit: 100), .unreadable)
        XCTAssertEqual(ContentLoader.readRegularFile(path("missing.md"), limit: 100), .unreadable)
    }
}

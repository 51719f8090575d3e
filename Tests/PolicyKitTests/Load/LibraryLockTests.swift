import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyWrite

/// library.lock: the text `policy build` writes reads back as the same lock, in a stable
/// order, and is not rewritten when nothing changed.
final class LibraryLockTests: XCTestCase {
    func testTextRoundTripsAndIsSorted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = LibraryFiles(manifest: folder.appendingPathComponent("library.yml"))
        XCTAssertEqual(try files.loadLock(), LibraryLock(), "no lock file is an empty lock")
        let lock = LibraryLock(sources: [
            "county-b": .init(commit: String(repeating: "b", count: 40), ref: nil, passed: "2026-11-29"),
            "city-a": .init(commit: String(repeating: "a", count: 40), ref: "release's", passed: "2026-11-28"),
        ])
        try LockFileWriter(url: files.lockFile).write(lock)
        XCTAssertEqual(try files.loadLock(), lock)
        let text = try String(contentsOf: files.lockFile, encoding: .utf8)
        XCTAssertLessThan(text.range(of: "city-a:")!.lowerBound, text.range(of: "county-b:")!.lowerBound)
        XCTAssertTrue(text.contains("    ref: 'release''s'\n"))
        // Unchanged facts: the file is left as it is (same modification date).
        let before = try FileManager.default.attributesOfItem(atPath: files.lockFile.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        try LockFileWriter(url: files.lockFile).write(lock)
        let after = try FileManager.default.attributesOfItem(atPath: files.lockFile.path)[.modificationDate] as? Date
        XCTAssertEqual(before, after)
    }

    func testUnreadableLockStops() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = LibraryFiles(manifest: folder.appendingPathComponent("library.yml"))
        try Data("sources:\n  city-a: { ref: main }\n".utf8).write(to: files.lockFile)
        XCTAssertThrowsError(try files.loadLock())
    }
}

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

/// History from git: one `git log` for the whole library, parsed into bundle → commits.
final class GitHistoryTests: XCTestCase {
    private let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func testParsesOneLogIntoBundles() {
        // Two commits, newest first, as `git log -z --format=… --name-only` prints them.
        var out = Data()
        out.append(Data("\0bbb\01704902400\0\nnormative/a/index.md\0policies/b/index.md\0site.yml\0".utf8))
        out.append(Data("\0aaa\01704124800\0\nnormative/a/index.md\0normative/a/解读.md\0cleanup/x.md\0".utf8))
        let history = GitHistory.parse(out, timeZone: shanghai)
        XCTAssertEqual(Set(history.bundles.keys), ["normative/a", "policies/b"])
        let a = history.bundle("normative/a")!
        XCTAssertEqual(a.changes.map(\.commit), ["bbb", "aaa"])
        XCTAssertEqual(a.added, CalendarDate("2024-01-02"))  // 2024-01-01T16:00Z is the 2nd in Shanghai
        XCTAssertEqual(a.updated, CalendarDate("2024-01-11"))
        XCTAssertEqual(history.bundle("policies/b")?.changes.count, 1)
    }

    func testMessagesWithSeparatorsAndEmptyMessagesKeepTheirCommits() throws {
        // A message may hold the record and unit separators, or be empty; neither (unread as
        // they are) may shift the fields or lose a commit.
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("content/normative/a/index.md", "a")
        try repo.commit("新增\u{1e}a\u{1f}x", date: "2024-03-01T09:00:00+08:00")
        try repo.write("content/normative/a/解读.md", "b")
        try repo.commit("", date: "2024-03-02T09:00:00+08:00")
        try repo.write("content/policies/p/index.md", "p")
        try repo.commit("新增 p", date: "2024-03-05T09:00:00+08:00")
        let history = GitHistory.load(content: repo.url.appendingPathComponent("content"), timeZone: shanghai)
        XCTAssertEqual(history.bundle("normative/a")?.changes.map(\.date), [CalendarDate("2024-03-02")!, CalendarDate("2024-03-01")!])
        XCTAssertEqual(history.bundle("normative/a")?.added, CalendarDate("2024-03-01"))
        XCTAssertEqual(history.bundle("policies/p")?.changes.map(\.date), [CalendarDate("2024-03-05")!])
    }

    /// Commit messages are not even asked for: the format has no `%s`, `%b` or `%B`, so a
    /// message holding personal data can never reach a page.
    func testCommitMessagesAreNotRead() {
        XCTAssertFalse(["%s", "%b", "%B", "%f"].contains { GitHistory.format.contains($0) }, GitHistory.format)
    }

    func testBundlePaths() {
        XCTAssertEqual(GitHistory.bundlePath(of: "normative/a/附件/表.pdf"), "normative/a")
        XCTAssertEqual(GitHistory.bundlePath(of: "regulations/r/index.md"), "regulations/r")
        XCTAssertNil(GitHistory.bundlePath(of: "site.yml"))
        XCTAssertNil(GitHistory.bundlePath(of: "cleanup/x.md"))
        XCTAssertNil(GitHistory.bundlePath(of: "normative/a"))
        XCTAssertNil(GitHistory.bundlePath(of: "drafts/a/index.md"))
    }

    func testReadsARealRepositoryWithFixedDates() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        try repo.write("content/normative/a/index.md", "a")
        try repo.commit("新增 a", date: "2024-03-01T09:00:00+08:00")
        try repo.write("content/normative/a/解读.md", "b")
        try repo.write("content/policies/p/index.md", "p")
        try repo.commit("补充解读；新增 p", date: "2024-03-05T23:30:00+08:00")
        try repo.write("README.md", "outside content")
        try repo.commit("readme", date: "2024-04-01T09:00:00+08:00")
        let history = GitHistory.load(content: repo.url.appendingPathComponent("content"), timeZone: shanghai)
        XCTAssertEqual(history.bundle("normative/a")?.changes.count, 2)
        XCTAssertEqual(history.bundle("normative/a")?.added, CalendarDate("2024-03-01"))
        XCTAssertEqual(history.bundle("normative/a")?.updated, CalendarDate("2024-03-05"))
        XCTAssertEqual(history.bundle("policies/p")?.added, CalendarDate("2024-03-05"))
        // The same instant is another day in UTC: dates are the site's.
        XCTAssertEqual(
            GitHistory.load(content: repo.url.appendingPathComponent("content"), timeZone: TimeZone(identifier: "UTC")!)
                .bundle("normative/a")?.updated, CalendarDate("2024-03-05"))
        XCTAssertEqual(
            GitHistory.load(content: repo.url.appendingPathComponent("content"), timeZone: TimeZone(identifier: "America/New_York")!)
                .bundle("policies/p")?.added, CalendarDate("2024-03-05"))
    }

    func testNoRepositoryMeansNoHistory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policy-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(GitHistory.load(content: folder, timeZone: shanghai), .none)
    }

    func testTodayIsTheDayOfNowInTheSitesZone() {
        // 2024-03-01T16:30:00Z (a SOURCE_DATE_EPOCH the command line passes on as `now`):
        // still the 1st in UTC, already the 2nd in Shanghai.
        let now = Date(timeIntervalSince1970: 1_709_310_600)
        XCTAssertEqual(CalendarDate.today(in: shanghai, now: now), CalendarDate("2024-03-02"))
        XCTAssertEqual(CalendarDate.today(in: TimeZone(identifier: "UTC")!, now: now), CalendarDate("2024-03-01"))
    }
}

/// A git repository in a temporary folder, with commits at fixed dates.
struct TemporaryRepository {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-git-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q")
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func commit(_ message: String, date: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty-message", "-m", message, environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
    }

    func git(_ arguments: String..., environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = url
        var env = ProcessInfo.processInfo.environment
        env.merge([
            "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "test@example.invalid",
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": url.path,
        ]) { _, new in new }
        env.merge(environment) { _, new in new }
        process.environment = env
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

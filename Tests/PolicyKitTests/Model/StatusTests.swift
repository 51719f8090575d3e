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

/// 时效性 by the spec's table, first match wins: 已废止 > 已失效 > 已修改 > 尚未生效 > 现行有效.
/// Statuses are computed on libraries loaded from fixtures, as the build does.
///
/// The base document `2024-food-labels`: effective 2024-04-01, expires 2029-03-31.
final class StatusTests: XCTestCase {
    private let base = ContentFixture.docID
    private let doc = ContentFixture.doc

    private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    private func library(_ change: (inout ContentFixture) -> Void = { _ in }) throws -> Library {
        var fixture = ContentFixture()
        change(&fixture)
        return try fixture.check().library
    }

    private func status(
        _ library: Library, _ id: String, at date: String,
        file: StaticString = #filePath, line: UInt = #line
    ) -> StatusReport {
        guard let document = library.document(id) else {
            XCTFail("no document \(id)", file: file, line: line)
            return StatusReport(status: .inForce, since: nil, cause: .none)
        }
        return library.status(of: document, at: day(date))
    }

    private func explanation(_ library: Library, _ id: String, at date: String) -> String {
        let document = library.document(id)!
        return library.explanation(of: library.status(of: document, at: day(date)), for: document)
    }

    /// A newer document `2024-new-labels` (effective `effective`) that supersedes the base one.
    private func addSuccessor(_ fixture: inout ContentFixture, effective: String, supersedes: Bool = true) {
        fixture.addDocument(
            "normative/2024-new-labels",
            """
            title: 示例省食品标签管理办法（2024年修订）
            number: 示市监规〔2024〕8号
            office: 食品安全协调处
            signed: 2024-06-03
            published: 2024-06-07
            effective: \(effective)
            expires: 2029-06-30\(supersedes ? "\nsupersedes: 2024-food-labels" : "")
            """, interpretation: "2024-06-07")
    }

    private func addCleanup(
        _ fixture: inout ContentFixture, result: String, published: String = "2024-11-29",
        effective: String = "2024-12-01"
    ) {
        fixture["cleanup/2024.md"] = """
            ---
            title: 2024年度行政规范性文件清理结果
            published: \(published)
            effective: \(effective)
            results:
              - { document: 2024-food-labels, result: \(result) }
            ---
            """
    }

    // MARK: - Effective and expiry boundaries

    func testNotYetInForceTheDayBeforeEffective() throws {
        let report = status(try library(), base, at: "2024-03-31")
        XCTAssertEqual(report.status, .notYetInForce)
        XCTAssertNil(report.since)
        XCTAssertEqual(explanation(try library(), base, at: "2024-03-31"), "尚未生效 · 2024-04-01 起施行")
    }

    func testInForceOnTheEffectiveDay() throws {
        let report = status(try library(), base, at: "2024-04-01")
        XCTAssertEqual(report.status, .inForce)
        XCTAssertEqual(report.since, day("2024-04-01"))
        XCTAssertEqual(explanation(try library(), base, at: "2024-04-01"), "现行有效 · 有效期至 2029-03-31")
    }

    /// Without `effective`, a document is in force from its publication day.
    func testEffectiveDefaultsToPublished() throws {
        let lib = try library { $0.replace(in: doc, "effective: 2024-04-01\n", with: "") }
        XCTAssertEqual(status(lib, base, at: "2024-03-07").status, .notYetInForce)
        XCTAssertEqual(status(lib, base, at: "2024-03-08").status, .inForce)
    }

    /// `expires` is inclusive: still in force on that day, expired the next.
    func testExpiryBoundary() throws {
        let lib = try library()
        XCTAssertEqual(status(lib, base, at: "2029-03-31").status, .inForce)
        let after = status(lib, base, at: "2029-04-01")
        XCTAssertEqual(after.status, .expired)
        XCTAssertEqual(after.since, day("2029-04-01"))
        XCTAssertEqual(after.cause, .validityPeriod)
        XCTAssertEqual(explanation(lib, base, at: "2029-04-01"), "已失效 · 2029-04-01 · 有效期届满")
    }

    /// A document with no expiry stays in force.
    func testNoExpiryStaysInForce() throws {
        let lib = try library { $0.replace(in: doc, "expires: 2029-03-31\n", with: "") }
        XCTAssertEqual(status(lib, base, at: "2099-01-01").status, .inForce)
        XCTAssertEqual(explanation(lib, base, at: "2099-01-01"), "现行有效")
    }

    // MARK: - Repeal

    func testRepealedOnTheRepealDate() throws {
        let lib = try library {
            addSuccessor(&$0, effective: "2024-07-01", supersedes: false)
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-07-01, by: 2024-new-labels }")
        }
        XCTAssertEqual(status(lib, base, at: "2024-06-30").status, .inForce)
        let report = status(lib, base, at: "2024-07-01")
        XCTAssertEqual(report.status, .repealed)
        XCTAssertEqual(report.since, day("2024-07-01"))
        XCTAssertEqual(report.cause, .document(id: "2024-new-labels"))
        XCTAssertEqual(
            explanation(lib, base, at: "2024-07-01"),
            "已废止 · 2024-07-01 · 被《示例省食品标签管理办法（2024年修订）》废止")
    }

    /// Repealed with no `by`: just the date.
    func testRepealedWithoutRepealingDocument() throws {
        let lib = try library { $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-07-01 }") }
        XCTAssertEqual(explanation(lib, base, at: "2024-07-01"), "已废止 · 2024-07-01")
    }

    // MARK: - Superseded

    /// While the new version is not yet in effect, the old one stays in force and the new
    /// one is 尚未生效; from the new one's effective day, the old one is 已修改.
    func testSupersededOnlyOnceSuccessorIsInEffect() throws {
        let lib = try library { addSuccessor(&$0, effective: "2024-09-01") }
        XCTAssertEqual(status(lib, base, at: "2024-08-31").status, .inForce)
        XCTAssertEqual(status(lib, "2024-new-labels", at: "2024-08-31").status, .notYetInForce)
        let report = status(lib, base, at: "2024-09-01")
        XCTAssertEqual(report.status, .superseded)
        XCTAssertEqual(report.since, day("2024-09-01"))
        XCTAssertEqual(report.cause, .document(id: "2024-new-labels"))
        XCTAssertEqual(status(lib, "2024-new-labels", at: "2024-09-01").status, .inForce)
        XCTAssertEqual(
            explanation(lib, base, at: "2024-09-01"),
            "已修改 · 2024-09-01 · 被《示例省食品标签管理办法（2024年修订）》修订")
    }

    /// A chain of three: the middle version is superseded by the newest, the oldest by the middle.
    func testVersionChain() throws {
        let lib = try library {
            addSuccessor(&$0, effective: "2024-09-01")
            $0.addDocument(
                "normative/2024-newest-labels",
                """
                title: 示例省食品标签管理办法（2024年第二次修订）
                number: 示市监规〔2024〕12号
                office: 食品安全协调处
                signed: 2024-10-08
                published: 2024-10-10
                effective: 2024-11-01
                expires: 2029-10-31
                supersedes: 2024-new-labels
                """, interpretation: "2024-10-10")
        }
        XCTAssertEqual(status(lib, base, at: "2024-11-01").status, .superseded)
        XCTAssertEqual(status(lib, "2024-new-labels", at: "2024-10-31").status, .inForce)
        XCTAssertEqual(status(lib, "2024-new-labels", at: "2024-11-01").status, .superseded)
        XCTAssertEqual(status(lib, "2024-newest-labels", at: "2024-11-01").status, .inForce)
    }

    // MARK: - Cleanup results

    /// 废止 takes effect on the batch's `effective` day, not its publication.
    func testCleanupRepealFromBatchEffectiveDate() throws {
        let lib = try library { addCleanup(&$0, result: "废止") }
        XCTAssertEqual(status(lib, base, at: "2024-11-30").status, .inForce)
        let report = status(lib, base, at: "2024-12-01")
        XCTAssertEqual(report.status, .repealed)
        XCTAssertEqual(report.since, day("2024-12-01"))
        XCTAssertEqual(report.cause, .cleanup(batchID: "2024"))
        XCTAssertEqual(explanation(lib, base, at: "2024-12-01"), "已废止 · 2024-12-01 · 依《2024年度行政规范性文件清理结果》废止")
    }

    func testCleanupDeclaredInvalid() throws {
        let lib = try library { addCleanup(&$0, result: "宣布失效") }
        XCTAssertEqual(status(lib, base, at: "2024-11-30").status, .inForce)
        let report = status(lib, base, at: "2024-12-01")
        XCTAssertEqual(report.status, .expired)
        XCTAssertEqual(report.cause, .cleanup(batchID: "2024"))
        XCTAssertEqual(explanation(lib, base, at: "2024-12-01"), "已失效 · 2024-12-01 · 依《2024年度行政规范性文件清理结果》宣布失效")
    }

    /// 继续有效 and 修改 leave the status alone.
    func testCleanupThatKeepsTheDocument() throws {
        for result in ["继续有效", "修改"] {
            let lib = try library { addCleanup(&$0, result: result) }
            XCTAssertEqual(status(lib, base, at: "2025-01-01").status, .inForce, result)
        }
    }

    // MARK: - Precedence

    /// Repealed beats expired: both apply after 2024-12-31.
    func testRepealedBeatsExpired() throws {
        let lib = try library {
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-12-31\nrepealed: { date: 2025-01-01 }")
        }
        XCTAssertEqual(status(lib, base, at: "2025-01-01").status, .repealed)
        XCTAssertEqual(status(lib, base, at: "2024-12-31").status, .inForce)
    }

    /// A cleanup 废止 beats expiry too.
    func testCleanupRepealBeatsExpired() throws {
        let lib = try library {
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-11-30")
            addCleanup(&$0, result: "废止")
        }
        XCTAssertEqual(status(lib, base, at: "2024-12-01").status, .repealed)
    }

    /// Expired beats superseded.
    func testExpiredBeatsSuperseded() throws {
        let lib = try library {
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2024-12-31")
            addSuccessor(&$0, effective: "2024-09-01")
        }
        XCTAssertEqual(status(lib, base, at: "2024-12-31").status, .superseded)
        XCTAssertEqual(status(lib, base, at: "2025-01-01").status, .expired)
    }

    /// Repealed beats superseded.
    func testRepealedBeatsSuperseded() throws {
        let lib = try library {
            addSuccessor(&$0, effective: "2024-09-01")
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-10-01, by: 2024-new-labels }")
        }
        XCTAssertEqual(status(lib, base, at: "2024-09-30").status, .superseded)
        XCTAssertEqual(status(lib, base, at: "2024-10-01").status, .repealed)
    }

    /// Superseded beats not-yet-in-force: a document replaced before it took effect never will.
    func testSupersededBeatsNotYetInForce() throws {
        let lib = try library {
            $0.replace(in: doc, "effective: 2024-04-01", with: "effective: 2024-12-01")
            $0.replace(in: doc, "expires: 2029-03-31", with: "expires: 2029-11-30")
            addSuccessor(&$0, effective: "2024-09-01")
        }
        XCTAssertEqual(status(lib, base, at: "2024-08-31").status, .notYetInForce)
        XCTAssertEqual(status(lib, base, at: "2024-09-01").status, .superseded)
    }

    // MARK: - Status values

    func testChineseNamesAndOrder() {
        XCTAssertEqual(ValidityStatus.allCases.map(\.chinese), ["现行有效", "尚未生效", "已修改", "已失效", "已废止"])
        XCTAssertEqual(ValidityStatus.allCases.map(\.rank), [0, 1, 2, 3, 4])
        XCTAssertEqual(ValidityStatus.allCases.filter(\.isCurrent), [.inForce, .notYetInForce])
    }
}

import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyModel
@testable import PolicyKit

/// The shared status vectors (Tests/Vectors/status.json), on the Swift side: for each case a
/// library is built from content whose dates are the case's facts; the facts the model
/// writes for the page must be the case's facts, and on each day the status, its start and
/// the explanation must be the expected ones. The browser runs the same file through
/// status.js (e2e/browser/test_status_live.py), so the two cannot disagree.
final class StatusVectorTests: XCTestCase {
    struct Vectors: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable {
        let name: String
        let published: String
        let facts: Facts
        let expect: [Expectation]
    }

    struct Facts: Decodable {
        struct Repeal: Decodable {
            let date: String
            let by: String?
        }
        struct Ending: Decodable {
            let effective: String
            let outcome: String
            let title: String
        }
        struct Successor: Decodable {
            let published: String
            let effective: String
            let title: String
        }
        let effective: String
        let expires: String?
        let repealed: Repeal?
        let endings: [Ending]?
        let successors: [Successor]?
    }

    struct Expectation: Decodable {
        let date: String
        let status: String
        let since: String?
        let explanation: String
    }

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Vectors/status.json").standardized

    private func vectors() throws -> Vectors {
        try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: Self.file))
    }

    func testEveryVectorHoldsInSwift() throws {
        let cases = try vectors().cases
        XCTAssertGreaterThanOrEqual(cases.count, 10)
        for vector in cases {
            let library = try library(for: vector)
            let document = try XCTUnwrap(library.document(ContentFixture.docID), vector.name)

            // The page's facts are the case's facts, so status.js reads what this library knows.
            let written = try JSONSerialization.jsonObject(with: JSONEncoder().encode(library.statusFacts(of: document)))
            let given = try rawFacts(of: vector.name)
            XCTAssertEqual(written as? NSDictionary, given as? NSDictionary, "facts of \(vector.name)")

            for expected in vector.expect {
                let day = try XCTUnwrap(CalendarDate(expected.date))
                // As a build on that day sees the library: only what is published by then.
                let onDay = library.published(asOf: day)
                let shown = try XCTUnwrap(onDay.document(ContentFixture.docID), "\(vector.name) on \(day)")
                let report = onDay.status(of: shown, at: day)
                let context = "\(vector.name) on \(expected.date)"
                XCTAssertEqual(report.status.rawValue, expected.status, context)
                XCTAssertEqual(report.since?.description, expected.since, context)
                XCTAssertEqual(onDay.explanation(of: report, for: shown), expected.explanation, context)
            }
        }
    }

    /// The vectors cover the edge days the rules turn on.
    func testVectorsCoverTheEdgeDays() throws {
        let cases = try vectors().cases
        let expectations = cases.flatMap { c in c.expect.map { (c, $0) } }
        func some(_ what: String, _ match: (Case, Expectation) -> Bool) {
            XCTAssertTrue(expectations.contains(where: match), "no vector for \(what)")
        }
        some("the effective day") { c, e in e.date == c.facts.effective && e.status == "in-force" }
        some("the day before the effective day") { c, e in
            e.status == "not-yet-in-force" && CalendarDate(e.date)!.adding(days: 1).description == c.facts.effective
        }
        some("the last day of validity") { c, e in e.date == c.facts.expires && e.status == "in-force" }
        some("the day after the last day of validity") { c, e in
            c.facts.expires.map { CalendarDate($0)!.adding(days: 1).description } == e.date && e.status == "expired"
        }
        some("the repeal day") { c, e in e.date == c.facts.repealed?.date && e.status == "repealed" }
        some("the successor's effective day") { c, e in c.facts.successors?.contains { $0.effective == e.date } == true && e.status == "superseded" }
        some("a cleanup's effective day") { c, e in c.facts.endings?.contains { $0.effective == e.date } == true }
        for status in ValidityStatus.allCases { some(status.rawValue) { _, e in e.status == status.rawValue } }
    }

    private func rawFacts(of name: String) throws -> Any {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.file)) as! [String: Any]
        let cases = root["cases"] as! [[String: Any]]
        return cases.first { $0["name"] as? String == name }!["facts"]!
    }

    /// The base fixture's document with the case's dates; successors, the repealing document
    /// and cleanup batches as content of their own.
    private func library(for vector: Case) throws -> Library {
        var fixture = ContentFixture()
        let facts = vector.facts
        let repealer = "vector-repealer"
        var repeal: String? = nil
        if let r = facts.repealed { repeal = r.by == nil ? "{ date: \(r.date) }" : "{ date: \(r.date), by: \(repealer) }" }
        fixture[ContentFixture.doc] = FrontMatter.normative.with([
            "published": vector.published, "effective": facts.effective, "expires": facts.expires, "repealed": repeal,
        ]).document(body: ContentFixture.documentBody)
        fixture[ContentFixture.interp] = ContentFixture.textInterpretation(published: vector.published)
        if let by = facts.repealed?.by {
            fixture.addDocument(
                "normative/\(repealer)",
                FrontMatter.normative.with([
                    "title": Self.unquoted(by), "number": "示市监规〔2024〕30号", "signed": vector.published,
                    "published": vector.published, "effective": vector.published, "expires": nil,
                ]), interpretation: nil)
        }
        for (i, successor) in (facts.successors ?? []).enumerated() {
            fixture.addDocument(
                "normative/vector-successor-\(i)",
                FrontMatter.normative.with([
                    "title": Self.unquoted(successor.title), "number": "示市监规〔2024〕\(31 + i)号",
                    "signed": successor.published, "published": successor.published, "effective": successor.effective,
                    "expires": nil, "supersedes": ContentFixture.docID,
                ]), interpretation: nil)
        }
        for (i, ending) in (facts.endings ?? []).enumerated() {
            fixture["cleanup/vector-\(i).md"] = """
                ---
                title: \(ending.title)
                published: \(ending.effective)
                effective: \(ending.effective)
                results:
                  - { document: \(ContentFixture.docID), result: \(ending.outcome == "repealed" ? "废止" : "宣布失效") }
                ---
                """
        }
        return try fixture.check().library
    }

    private static func unquoted(_ title: String) -> String {
        String(title.dropFirst(title.hasPrefix("《") ? 1 : 0).dropLast(title.hasSuffix("》") ? 1 : 0))
    }
}

import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyWrite
@testable import PolicySite

/// A page's key (`PageKey`) is taken of exactly what its template reads: the same values give
/// the same key however they were built, and any difference Mustache could see gives another.
final class PageKeyTests: XCTestCase {
    private struct Model: Encodable {
        var title = "示例省食品标签管理办法"
        var lines = ["第一行", "第二行"]
        var count = 1
        var flag = true
        var note: String? = nil
    }

    private func key(_ model: some Encodable, tool: String = "policy 1", templates: String = "t1", path: String = "d/a/index.html") throws
        -> String
    {
        PageKey(tool: tool, templates: templates, template: "document", path: path, model: try TemplateEncoder.encode(model)).hex
    }

    func testTheSameValuesGiveTheSameKeyAndAnyChangeAnother() throws {
        let base = try key(Model())
        XCTAssertEqual(try key(Model()), base, "a dictionary's order does not matter")
        var moved = Model()
        moved.lines = ["第一行第", "二行"]
        XCTAssertNotEqual(try key(moved), base, "strings are framed: moving a character between two is seen")
        var longer = Model()
        longer.lines.append("")
        XCTAssertNotEqual(try key(longer), base, "an empty string more is seen")
        var flag = Model()
        flag.flag = false
        XCTAssertNotEqual(try key(flag), base)
        var note = Model()
        note.note = ""
        XCTAssertNotEqual(try key(note), base, "an empty value is not an absent one (Mustache looks an absent one up)")
        XCTAssertNotEqual(try key(Model(), tool: "policy 2"), base, "another binary")
        XCTAssertNotEqual(try key(Model(), templates: "t2"), base, "other templates")
        XCTAssertNotEqual(try key(Model(), path: "d/b/index.html"), base, "another page")
    }

    func testAnIntegerAndItsTextDiffer() throws {
        struct Number: Encodable { let value: Int }
        struct Text: Encodable { let value: String }
        XCTAssertNotEqual(try key(Number(value: 1)), try key(Text(value: "1")))
    }

    /// SHA-256 of each piece framed by its length (64-bit little-endian), so that a digest of
    /// pieces is one of the sequence, not of the concatenation.
    func testContentDigestIsFramedSHA256() {
        var digest = ContentDigest()
        digest.add("abc")
        // python3: hashlib.sha256(struct.pack('<Q', 3) + b'abc').hexdigest()
        XCTAssertEqual(digest.hex, "ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391")
        XCTAssertEqual(digest.hex.count, ContentDigest.hexLength)
        var split = ContentDigest()
        split.add("ab")
        split.add("c")
        var other = ContentDigest()
        other.add("a")
        other.add("bc")
        XCTAssertNotEqual(split.hex, other.hex)
    }
}

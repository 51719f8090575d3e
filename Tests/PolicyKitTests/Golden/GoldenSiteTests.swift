import Foundation
import SnapshotTesting
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

/// The sample library's site, byte for byte, against golden files in `__Snapshots__/`: the
/// list of every output file with its size and digest, and the text of one page of each
/// kind. A change to the output shows up here as a readable line diff of the page it touched.
///
/// After an intended change, re-record with `make golden` (which runs this suite with
/// `SNAPSHOT_TESTING_RECORD=all`), read the diff of `__Snapshots__/` and commit it.
///
/// Built as `policy build content --as-of 2026-11-29` builds it, but in memory and without git
/// history (a clone's commit dates would differ from a contributor's).
final class GoldenSiteTests: XCTestCase {
    static let asOf = CalendarDate("2026-11-29")!

    /// The site as `policy build` makes it: only what is public and published by the as-of date.
    static let site: [String: OutputFile] = {
        let checked = try! Pipeline.check(content: SampleContent.root, displayRoot: "content", asOf: asOf)
        let files = try! SiteRenderer(
            library: checked.library.published(asOf: asOf), raw: checked.raw, asOf: asOf,
            theme: try! Theme(overrides: nil)
        ).render()
        return Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }()

    /// One page of each kind, and the machine-read files.
    static let pages = [
        "index.html", "regulations/index.html", "d/2025-food-workshops-regulation/index.html",
        "d/2025-food-workshops-regulation/视频解读/index.html", "d/2022-medical-ad-review/index.html",
        "d/2025-food-workshops-regulation/compare/2022-food-workshops-regulation/index.html",
        "cleanup/2025-normative-cleanup/index.html", "qa/index.html", "report/index.html", "search/index.html",
        "feed.xml", "sitemap.xml", "documents.json", "qa.json",
    ]

    func testEveryFileOfTheSiteIsAsRecorded() {
        let listing = Self.site.keys.sorted().map { path in
            let bytes = Self.bytes(of: Self.site[path]!)
            var digest = ContentDigest()
            digest.add(bytes)
            return "\(path)\t\(bytes.count)\t\(digest.hex)"
        }
        assertSnapshot(of: listing.joined(separator: "\n") + "\n", as: .lines, named: "files")
    }

    func testPagesAreAsRecorded() throws {
        for path in Self.pages {
            let file = try XCTUnwrap(Self.site[path], "the sample site has no \(path)")
            let name = path.replacingOccurrences(of: "/", with: "_")
            assertSnapshot(of: String(decoding: Self.bytes(of: file), as: UTF8.self), as: .lines, named: name)
        }
    }

    /// The bytes a file will have on disk (a copied bundle file is read from the content).
    static func bytes(of file: OutputFile) -> [UInt8] {
        switch file.contents {
        case .text(let text): [UInt8](text.utf8)
        case .data(let data): [UInt8](data)
        case .bytes(let bytes): bytes
        case .copy(let source): [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: source))) ?? Data())
        }
    }
}

import Foundation
import XCTest

@testable import PolicyServe

/// `policy serve` answers byte ranges as nginx does, so that the search page reads the index's
/// packed files by range in the preview too (several ranges of a file in one request).
final class ByteRangesTests: XCTestCase {
    func testHeadersAreReadAndClippedToTheBody() {
        XCTAssertEqual(ByteRanges(header: "bytes=3-40", size: 100)?.ranges, [3...40])
        XCTAssertEqual(ByteRanges(header: " bytes = 0-9, 50-, -5", size: 100)?.ranges, [0...9, 50...99, 95...99])
        XCTAssertEqual(ByteRanges(header: "bytes=90-200", size: 100)?.ranges, [90...99], "an end past the body is clipped")
        XCTAssertEqual(ByteRanges(header: "bytes=-500", size: 100)?.ranges, [0...99])
        XCTAssertEqual(ByteRanges(header: "bytes=100-120", size: 100)?.ranges, [], "nothing satisfiable: 416")
        for header in ["items=0-1", "bytes=5-3", "bytes=a-b", "bytes=1-2-3", "bytes", "bytes=0-1,x"] {
            XCTAssertNil(ByteRanges(header: header, size: 100), "\(header): not read, the whole file is served")
        }
        // Thousands of ranges would make the answer many times the file: the whole file instead.
        let many = "bytes=" + Array(repeating: "0-", count: ByteRanges.maxRanges + 1).joined(separator: ",")
        XCTAssertNil(ByteRanges(header: many, size: 100))
        XCTAssertEqual(
            ByteRanges(header: "bytes=" + Array(repeating: "0-1", count: ByteRanges.maxRanges).joined(separator: ","), size: 100)?.ranges.count,
            ByteRanges.maxRanges)
    }

    func testOneRangeIs206WithThoseBytes() throws {
        let body = Data((0..<200).map { UInt8($0) })
        let answer = try XCTUnwrap(ByteRanges(header: "bytes=3-40", size: body.count))
            .response(body: body[...], type: "application/octet-stream", headers: [("Cache-Control", "no-store")])
        XCTAssertEqual(answer.status.code, 206)
        XCTAssertEqual(header(answer, "Content-Range"), "bytes 3-40/200")
        XCTAssertEqual(header(answer, "Content-Type"), "application/octet-stream")
        XCTAssertEqual(header(answer, "Cache-Control"), "no-store")
        XCTAssertEqual(Array(answer.body), Array(3...40).map { UInt8($0) })
    }

    /// The framing ranges.js parses: a part per range, in the order asked, each with its
    /// Content-Range and exactly its bytes — even when the data holds the boundary's dashes.
    func testSeveralRangesAreOneMultipartAnswer() throws {
        let body = Data((0..<300).map { UInt8($0 % 256) })
        let answer = try XCTUnwrap(ByteRanges(header: "bytes=0-9,100-149,290-", size: body.count))
            .response(body: body, type: "application/octet-stream", headers: [])
        XCTAssertEqual(answer.status.code, 206)
        let type = try XCTUnwrap(header(answer, "Content-Type"))
        XCTAssertTrue(type.hasPrefix("multipart/byteranges; boundary="), type)
        let boundary = String(type.dropFirst("multipart/byteranges; boundary=".count))
        var rest = answer.body[...]
        for (start, end) in [(0, 9), (100, 149), (290, 299)] {
            let head = Data("\r\n--\(boundary)\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes \(start)-\(end)/300\r\n\r\n".utf8)
            XCTAssertTrue(rest.starts(with: head), "part \(start)-\(end)")
            rest = rest.dropFirst(head.count)
            XCTAssertEqual(Array(rest.prefix(end - start + 1)), Array(body[start...end]))
            rest = rest.dropFirst(end - start + 1)
        }
        XCTAssertEqual(String(decoding: rest, as: UTF8.self), "\r\n--\(boundary)--\r\n")
    }

    func testNoSatisfiableRangeIs416WithTheSize() throws {
        let answer = try XCTUnwrap(ByteRanges(header: "bytes=500-", size: 10)).response(body: Data(count: 10), type: "text/css", headers: [])
        XCTAssertEqual(answer.status.code, 416)
        XCTAssertEqual(header(answer, "Content-Range"), "bytes */10")
    }

    private func header(_ answer: HTTPResponse, _ name: String) -> String? {
        answer.headers.first { $0.name == name }?.value
    }
}

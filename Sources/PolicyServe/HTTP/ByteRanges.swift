import Foundation

/// `Range: bytes=…` (RFC 9110 §14) for the files the preview serves from memory: the search
/// page reads the index's packed files by range, all the ranges of one file a round needs in
/// one request (`assets/ranges.js`), as it does from nginx. One range is answered 206 with
/// it; several, 206 `multipart/byteranges` with a part each; none satisfiable, 416.
struct ByteRanges: Equatable {
    /// Inclusive byte offsets, clipped to the body, in the order asked for.
    let ranges: [ClosedRange<Int>]
    /// More ranges than this in one header are not honoured (nginx's `max_ranges` does the same).
    static let maxRanges = 256

    /// The ranges a header asks of a body of `size` bytes; nil when the header is not a
    /// byte-range set this server reads (the whole body is served, as RFC 9110 allows), an
    /// empty set when none of them is satisfiable.
    init?(header: String, size: Int) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let eq = trimmed.firstIndex(of: "="), trimmed[..<eq].trimmingCharacters(in: .whitespaces).lowercased() == "bytes"
        else { return nil }
        var ranges: [ClosedRange<Int>] = []
        let specs = trimmed[trimmed.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false)
        // A round of the search page asks a few dozen ranges of a file; thousands would only
        // make the answer many times the file (`bytes=0-,0-,…`): serve the whole body then.
        guard specs.count <= Self.maxRanges else { return nil }
        for spec in specs {
            let parts = spec.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            if parts[0].isEmpty {
                // `-n`: the last n bytes
                guard let n = Int(parts[1]), n >= 0 else { return nil }
                if n > 0, size > 0 { ranges.append(max(0, size - n)...(size - 1)) }
                continue
            }
            guard let start = Int(parts[0]), start >= 0 else { return nil }
            let end: Int
            if parts[1].isEmpty {
                end = size - 1
            } else {
                guard let last = Int(parts[1]), last >= start else { return nil }
                end = min(last, size - 1)
            }
            if start < size { ranges.append(start...end) }
        }
        self.ranges = ranges
    }

    /// The answer for `body`: 206 with the one range or a part per range, 416 when none is
    /// satisfiable. `headers` (its type, caching) go on the answer; the parts carry the type.
    func response(body: Data, type: String, headers: [(name: String, value: String)]) -> HTTPResponse {
        let size = body.count
        guard let first = ranges.first else {
            return HTTPResponse(
                .rangeNotSatisfiable,
                headers: [("Content-Type", "text/plain; charset=utf-8"), ("Content-Range", "bytes */\(size)")]
                    + headers.filter { $0.name != "Content-Type" },
                body: Data((HTTPStatus.rangeNotSatisfiable.explanation + "\n").utf8))
        }
        let base = body.startIndex
        let others = headers.filter { $0.name != "Content-Type" } + [("Accept-Ranges", "bytes")]
        if ranges.count == 1 {
            return HTTPResponse(
                .partialContent,
                headers: [("Content-Type", type), ("Content-Range", "bytes \(first.lowerBound)-\(first.upperBound)/\(size)")] + others,
                body: body[(base + first.lowerBound)...(base + first.upperBound)])
        }
        let boundary = "policy-ranges-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var out = Data()
        for range in ranges {
            out.append(Data("\r\n--\(boundary)\r\nContent-Type: \(type)\r\nContent-Range: bytes \(range.lowerBound)-\(range.upperBound)/\(size)\r\n\r\n".utf8))
            out.append(body[(base + range.lowerBound)...(base + range.upperBound)])
        }
        out.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return HTTPResponse(.partialContent, headers: [("Content-Type", "multipart/byteranges; boundary=\(boundary)")] + others, body: out)
    }
}

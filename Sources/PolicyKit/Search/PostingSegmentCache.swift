import Foundation

/// The last build's postings segments, kept next to the site (`.site.search`) so that a
/// rebuild after an edit builds only the segments whose records changed.
///
/// Keyed by content: a segment's key is a digest of its records' text and body offsets, and
/// the segment numbers its records from 0, so a kept segment is right wherever it now sits.
/// A cache that is missing, stale or unreadable only costs time: every segment it lacks is
/// built anew. Written with one atomic rename, so a killed build leaves the old file whole.
///
/// The file is the segments one after the other, each as fixed-width little-endian arrays
/// (see `write` and `read`): copied in and out in bulk, no parsing per key.
struct PostingSegmentCache: Sendable {
    let url: URL

    private static let magic = Array("policy postings segments 1\n".utf8)

    /// The segments of the file, by key; empty when there is no usable file.
    func load() -> [String: PostingSegment] {
        // Mapped, not read: the arrays are copied out of it once, straight from the page cache.
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return [:] }
        return data.withUnsafeBytes { bytes in
            var reader = RawReader(data: bytes)
            guard let magic = reader.take(Self.magic.count), magic.elementsEqual(Self.magic),
                  let count = reader.int() else { return [:] }
            var segments: [String: PostingSegment] = [:]
            for _ in 0..<count {
                guard let key = reader.string(), let segment = Self.read(&reader) else { return [:] }
                segments[key] = segment
            }
            return segments
        }
    }

    /// Replaces the file with `segments`; a failure to write is not an error (see above).
    /// Written a segment at a time into a temporary file, then renamed over the old one.
    func save(_ segments: [(key: String, segment: PostingSegment)]) {
        let temporary = url.path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else { return }
        var out = Self.magic
        RawWriter.int(segments.count, into: &out)
        var written = true
        for (key, segment) in segments where written {
            RawWriter.string(key, into: &out)
            Self.write(segment, into: &out)
            written = (try? handle.write(contentsOf: out)) != nil
            out.removeAll(keepingCapacity: true)
        }
        try? handle.close()
        if !written || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    private static func write(_ segment: PostingSegment, into out: inout [UInt8]) {
        RawWriter.int(segment.recordCount, into: &out)
        RawWriter.int(segment.tokens.count, into: &out)
        for token in segment.tokens { RawWriter.string(token, into: &out) }
        RawWriter.array(segment.codes, into: &out)
        RawWriter.array(segment.dataStart, into: &out)
        RawWriter.array(segment.firstRecord, into: &out)
        RawWriter.array(segment.lastRecord, into: &out)
        RawWriter.array(segment.data, into: &out)
    }

    private static func read(_ reader: inout RawReader) -> PostingSegment? {
        guard let recordCount = reader.int(), let tokenCount = reader.int(), tokenCount >= 0 else { return nil }
        var tokens: [String] = []
        for _ in 0..<tokenCount {
            guard let token = reader.string() else { return nil }
            tokens.append(token)
        }
        guard let codes: [UInt64] = reader.array(), let dataStart: [Int] = reader.array(),
              let firstRecord: [Int32] = reader.array(), let lastRecord: [Int32] = reader.array(),
              let data: [UInt8] = reader.array(),
              dataStart.count == codes.count + 1, firstRecord.count == codes.count, lastRecord.count == codes.count,
              dataStart.last == data.count else { return nil }
        return PostingSegment(recordCount: recordCount, codes: codes, dataStart: dataStart, firstRecord: firstRecord,
                              lastRecord: lastRecord, data: data, tokens: tokens)
    }
}

/// Fixed-width numbers and whole arrays of them, as the machine stores them (little-endian
/// here): for a cache file read back by the same binary, not for the published index.
private enum RawWriter {
    static func int(_ value: Int, into out: inout [UInt8]) {
        withUnsafeBytes(of: Int64(value).littleEndian) { out.append(contentsOf: $0) }
    }

    static func string(_ text: String, into out: inout [UInt8]) {
        int(text.utf8.count, into: &out)
        out.append(contentsOf: text.utf8)
    }

    static func array<T: FixedWidthInteger>(_ values: [T], into out: inout [UInt8]) {
        int(values.count, into: &out)
        values.withUnsafeBytes { out.append(contentsOf: $0) }
    }
}

private struct RawReader {
    let data: UnsafeRawBufferPointer
    var offset = 0

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= data.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: data[offset..<offset + count])
    }

    mutating func int() -> Int? {
        guard let bytes = take(8) else { return nil }
        return Int(Int64(littleEndian: bytes.loadUnaligned(as: Int64.self)))
    }

    mutating func string() -> String? {
        guard let count = int(), let bytes = take(count) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func array<T: FixedWidthInteger>() -> [T]? {
        guard let count = int(), count >= 0, count <= (data.count - offset) / MemoryLayout<T>.stride,
              let bytes = take(count * MemoryLayout<T>.stride) else { return nil }
        return [T](unsafeUninitializedCapacity: count) { buffer, written in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            written = count
        }
    }
}

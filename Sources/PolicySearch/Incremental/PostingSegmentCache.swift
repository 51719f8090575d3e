import Foundation
import PolicyCore
import PolicyWrite

/// The last build's postings segments, kept next to the site (`.site.search/`) so that a
/// rebuild after an edit builds only the segments whose records changed.
///
/// Keyed by content: a segment's key is a digest of its records' text and body offsets, and
/// the segment numbers its records from 0, so a kept segment is right wherever it now sits.
/// One file per segment, named by its key, in a `KeyedFileStore` (the write layer's, which
/// does the file work): a rebuild reads the segments it needs and writes only the ones it
/// built. A segment that is missing, stale or unreadable only costs time: it is built anew.
///
/// A segment is stored as fixed-width little-endian arrays (see `write` and `read`): copied
/// in and out in bulk, no parsing per key.
package struct PostingSegmentCache: Sendable {
    let files: KeyedFileStore?
    /// Or the segments kept in memory, for `policy serve`, which writes no files.
    let memory: InMemory?

    package init(url: URL) {
        files = KeyedFileStore(url: url, magic: "policy postings segment 4\n")
        memory = nil
    }

    /// A cache held in memory by the caller (`policy serve`), across its rebuilds.
    package init(memory: InMemory) {
        files = nil
        self.memory = memory
    }

    /// The segments of the last build, by key; each build keeps only its own.
    package final class InMemory: @unchecked Sendable {
        private let lock = NSLock()
        private var segments: [String: PostingSegment] = [:]

        package init() {}

        func load(keys: [String]) -> [String: PostingSegment] {
            let wanted = Set(keys)
            return lock.withLock { segments.filter { wanted.contains($0.key) } }
        }

        func store(built: [(key: String, segment: PostingSegment)], keys: Set<String>) {
            lock.withLock {
                segments = segments.filter { keys.contains($0.key) }
                for (key, segment) in built { segments[key] = segment }
            }
        }
    }

    /// The segments among `keys` that the folder holds, by key.
    func load(keys: [String]) -> [String: PostingSegment] {
        if let memory { return memory.load(keys: keys) }
        guard let files else { return [:] }
        return files.load(keys: keys) { payload in
            var reader = RawReader(data: payload)
            guard let segment = Self.read(&reader), reader.offset == payload.count else { return nil }
            return segment
        }
    }

    /// Writes the segments just `built` and deletes the files of segments not in `keys` (the
    /// library's segments now).
    func store(built: [(key: String, segment: PostingSegment)], keys: Set<String>) {
        if let memory { return memory.store(built: built, keys: keys) }
        files?.store(
            built.map { key, segment in
                var payload: [UInt8] = []
                Self.write(segment, into: &payload)
                return (key, payload)
            }, keep: keys)
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
            dataStart.last == data.count
        else { return nil }
        return PostingSegment(
            recordCount: recordCount, codes: codes, dataStart: dataStart, firstRecord: firstRecord,
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
    private(set) var offset = 0

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
            let bytes = take(count * MemoryLayout<T>.stride)
        else { return nil }
        return [T](unsafeUninitializedCapacity: count) { buffer, written in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            written = count
        }
    }
}

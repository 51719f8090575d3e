import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// What the last build wrote: for each generated file of the live site, a digest of its bytes
/// and the identity of the file on disk (inode, size, modification time). Kept next to the
/// site as `.site.files`, it lets the next build hard-link a file whose bytes did not change
/// instead of writing it again — the new site is byte-identical to a clean build, and an
/// unchanged file costs a link instead of a new inode and its data.
///
/// A file is reused only when the disk still shows the identity recorded here, so a file
/// edited or replaced by hand inside `site/` is written afresh.
struct OutputLedger: Sendable {
    struct Entry: Sendable, Equatable {
        var digest: String
        var size: Int
        var inode: UInt64
        var modified: Int64  // nanoseconds since 1970
        /// The digest of what the file was made from (`PageKey`), when the renderer gave
        /// one: a later build with the same inputs keeps the file without rendering it.
        var inputs = ""
    }

    private(set) var entries: [String: Entry] = [:]
    /// Paths by what they were made from, for a ledger read from disk.
    private var pathsByInputs: [String: [String]] = [:]
    /// A path for each digest, for a ledger read from disk: a file whose bytes the last build
    /// wrote under another name (the search index's folder is renamed whenever the index
    /// changes, its unchanged files are not) is linked from there.
    private var pathsByDigest: [String: [String]] = [:]

    init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The ledger at `path`; empty when there is none or it does not parse.
    ///
    /// Read as bytes, field by field: a large site's ledger has a line for each of tens of
    /// thousands of files, and splitting it as Swift strings cost more than the rest of a
    /// one-edit rebuild's bookkeeping.
    init(contentsOf path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let bytes = bytes.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if let (file, entry) = OutputLedger.parseLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])) {
                    add(file, entry)
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// One `path TAB digest TAB size TAB inode TAB modified TAB inputs` line; nil when malformed.
    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>) -> (String, Entry)? {
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(6)
        var start = 0
        for i in 0...line.count where i == line.count || line[i] == 0x09 {
            fields.append(UnsafeBufferPointer(rebasing: line[start..<i]))
            start = i + 1
        }
        guard fields.count == 6, let size = number(fields[2]).flatMap(Int.init(exactly:)),
            let inode = number(fields[3]), let modified = signedNumber(fields[4])
        else { return nil }
        let text = { (field: UnsafeBufferPointer<UInt8>) in String(decoding: field, as: UTF8.self) }
        return (
            text(fields[0]),
            Entry(
                digest: text(fields[1]), size: size, inode: inode, modified: modified,
                inputs: text(fields[5]))
        )
    }

    /// A field of decimal digits; nil when it is anything else or too large (a damaged
    /// ledger only costs time, never a crash).
    private static func number(_ field: some Collection<UInt8>) -> UInt64? {
        guard !field.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in field {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(UInt64(byte - 0x30))
            guard !overflow && !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The same with a leading minus allowed (times before 1970).
    private static func signedNumber(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        let negative = field.first == UInt8(ascii: "-")
        guard let magnitude = number(field.dropFirst(negative ? 1 : 0)), let value = Int64(exactly: magnitude) else { return nil }
        return negative ? -value : value
    }

    private mutating func add(_ file: String, _ entry: Entry) {
        entries[file] = entry
        if !entry.inputs.isEmpty { pathsByInputs[entry.inputs, default: []].append(file) }
        pathsByDigest[entry.digest, default: []].append(file)
    }

    /// Writes the ledger to `path` through a temporary file and a rename, so a reader never
    /// sees half of it.
    ///
    /// Written as bytes, like it is read: string interpolation for every field of every line
    /// cost a good part of a one-edit rebuild's last step.
    func save(to path: String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 160)
        func field(_ text: String, then separator: UInt8) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(separator)
        }
        for file in entries.keys.sorted() {
            let e = entries[file]!
            field(file, then: 0x09)
            field(e.digest, then: 0x09)
            field(String(e.size), then: 0x09)
            field(String(e.inode), then: 0x09)
            field(String(e.modified), then: 0x09)
            field(e.inputs, then: 0x0A)
        }
        let temporary = path + ".tmp"
        try bytes.withUnsafeBytes { try SiteWriter.writeBytes($0, to: temporary) }
        guard rename(temporary, path) == 0 else { throw PolicyError.outputFailed("无法写入 \(path)") }
    }

    /// The file at `path` as the disk shows it now, or nil when there is none.
    static func identity(of path: String, digest: String) -> Entry? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Entry(
            digest: digest, size: Int(info.st_size), inode: UInt64(info.st_ino),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// A live file holding `digest` (`size` bytes), still as the last build left it: the one
    /// at `file` when it is, else any other with those bytes. Its path (relative to `root`)
    /// and entry.
    func reusable(_ file: String, digest: String, size: Int, under root: String) -> (path: String, entry: Entry)? {
        if let entry = entries[file], entry.digest == digest, entry.size == size, isIntact(file, entry, under: root) {
            return (file, entry)
        }
        for other in pathsByDigest[digest] ?? [] where other != file {
            if let entry = entries[other], entry.size == size, isIntact(other, entry, under: root) { return (other, entry) }
        }
        return nil
    }

    /// Whether the live file is still exactly as the entry records it.
    func isIntact(_ file: String, _ entry: Entry, under root: String) -> Bool {
        var onDisk = OutputLedger.identity(of: root + "/" + file, digest: entry.digest)
        onDisk?.inputs = entry.inputs
        return onDisk == entry
    }

    /// The files made from `inputs`, by path; empty when none were.
    func files(madeFrom inputs: String) -> [(path: String, entry: Entry)] {
        (pathsByInputs[inputs] ?? []).compactMap { path in entries[path].map { (path, $0) } }
    }

    mutating func record(_ file: String, _ entry: Entry) {
        entries[file] = entry
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        /// The digest of what the file was made from (`PageInputs`), when the renderer gave
        /// one: a later build with the same inputs keeps the file without rendering it.
        var inputs = ""
    }

    private(set) var entries: [String: Entry] = [:]
    /// Paths by what they were made from, for a ledger read from disk.
    private var pathsByInputs: [String: [String]] = [:]

    init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The ledger at `path`; empty when there is none or it does not parse.
    init(contentsOf path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let size = Int(fields[2]), let inode = UInt64(fields[3]),
                  let modified = Int64(fields[4]) else { continue }
            entries[String(fields[0])] = Entry(digest: String(fields[1]), size: size, inode: inode, modified: modified,
                                               inputs: String(fields[5]))
            if !fields[5].isEmpty { pathsByInputs[String(fields[5]), default: []].append(String(fields[0])) }
        }
    }

    /// Writes the ledger to `path` through a temporary file and a rename, so a reader never
    /// sees half of it.
    func save(to path: String) throws {
        var text = ""
        for (file, e) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(file)\t\(e.digest)\t\(e.size)\t\(e.inode)\t\(e.modified)\t\(e.inputs)\n"
        }
        let temporary = path + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw PolicyError.outputFailed("无法写入 \(path)") }
    }

    /// The file at `path` as the disk shows it now, or nil when there is none.
    static func identity(of path: String, digest: String) -> Entry? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Entry(digest: digest, size: Int(info.st_size), inode: UInt64(info.st_ino),
                     modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// The recorded entry for `file` when the live file still matches it and holds `digest`.
    func reusable(_ file: String, digest: String, under root: String) -> Entry? {
        guard let entry = entries[file], entry.digest == digest, isIntact(file, entry, under: root) else { return nil }
        return entry
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

import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The digest of each input file as the build cache last read it, with what the disk said of
/// the file then (size, inode, modification and change times). Kept next to the site as
/// `.site.stamps`, it spares the next build reading a file the disk shows unchanged — the
/// same shortcut git's index takes. The cache key is still made from the files' bytes:
/// touching a file makes it read again, and its unchanged digest still hits.
///
/// A file changed twice within the file system's clock tick could show the same times after
/// the second change; like git, a stamp taken less than `racyMargin` after the file last
/// changed (its ctime, which no program can set back) is not trusted: the file is read again
/// next time.
struct FileStamps {
    struct Stamp: Equatable {
        var size: Int64
        var inode: UInt64
        var modified: Int64  // nanoseconds since 1970
        var changed: Int64  // ctime: set by the kernel on every write, rename or chmod
    }

    static let racyMargin: Int64 = 2_000_000_000

    /// When the stamps were taken (nanoseconds since 1970).
    private(set) var taken: Int64
    private var entries: [String: (stamp: Stamp, digest: String)] = [:]
    /// Files whose digest had to be computed from their bytes (for the tests).
    private(set) var filesRead = 0

    init(taken: Int64 = FileStamps.now()) {
        self.taken = taken
    }

    /// The stamps at `path`; none when there is no file or it does not parse.
    init(contentsOf path: String) {
        taken = 0
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        // A damaged file only costs reading the files again: a time that is not a plausible
        // stamp time, or a line that does not parse, is ignored.
        guard let first = lines.first, let taken = Int64(first), taken > Self.racyMargin else { return }
        self.taken = taken
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 6, let size = Int64(f[1]), let inode = UInt64(f[2]), let modified = Int64(f[3]),
                let changed = Int64(f[4]), f[5].utf8.count == ContentDigest.hexLength, f[5].allSatisfy(\.isHexDigit)
            else { continue }
            entries[String(f[0])] = (Stamp(size: size, inode: inode, modified: modified, changed: changed), String(f[5]))
        }
    }

    /// Writes the stamps through a temporary file and a rename.
    func save(to path: String) {
        var text = "\(taken)\n"
        for (file, e) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(file)\t\(e.stamp.size)\t\(e.stamp.inode)\t\(e.stamp.modified)\t\(e.stamp.changed)\t\(e.digest)\n"
        }
        // Named for this process: two builds may hash the same content at once.
        let temporary = path + ".tmp-\(getpid())"
        guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: temporary))) != nil else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The digest of the file at `path` (recorded under `name`): from `previous` when the disk
    /// shows the file as it was stamped there, long enough after its last change; else read.
    /// Nil when it is not a regular file that can be read.
    mutating func digest(of path: String, as name: String, previous: FileStamps) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let stamp = Stamp(
            size: Int64(info.st_size), inode: UInt64(info.st_ino),
            modified: Self.nanoseconds(info.st_mtim), changed: Self.nanoseconds(info.st_ctim))
        if let known = previous.entries[name], known.stamp == stamp, stamp.changed < previous.taken - Self.racyMargin {
            entries[name] = known
            return known.digest
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        filesRead += 1
        var digest = ContentDigest()
        digest.add(data)
        entries[name] = (stamp, digest.hex)
        return digest.hex
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// Wrapping arithmetic: a file dated after 2262 (allowed by ext4) must not stop a build;
    /// its stamp is then merely wrong, and wrong stamps are only compared for equality.
    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}

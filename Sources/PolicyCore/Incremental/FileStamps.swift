import Foundation
#if canImport(Glibc)
    import Glibc
#endif

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
///
/// A value only: `BuildInputs` (PolicyLoad) reads the file and the disk, `BuildCacheFiles`
/// (PolicyWrite) writes the file.
package struct FileStamps: Sendable {
    package struct Stamp: Equatable, Sendable {
        package var size: Int64
        package var inode: UInt64
        package var modified: Int64  // nanoseconds since 1970
        package var changed: Int64  // ctime: set by the kernel on every write, rename or chmod

        package init(size: Int64, inode: UInt64, modified: Int64, changed: Int64) {
            self.size = size
            self.inode = inode
            self.modified = modified
            self.changed = changed
        }
    }

    package static let racyMargin: Int64 = 2_000_000_000

    /// When the stamps were taken (nanoseconds since 1970).
    package private(set) var taken: Int64
    private var entries: [String: (stamp: Stamp, digest: String)] = [:]
    /// Files whose digest had to be computed from their bytes.
    package private(set) var filesRead = 0

    package init(taken: Int64 = FileStamps.now()) {
        self.taken = taken
    }

    /// The stamps a `.site.stamps` file holds; none when it does not parse. A damaged file
    /// only costs reading the files again: a time that is not a plausible stamp time, or a
    /// line that does not parse, is ignored.
    package init(parsing data: Data) {
        taken = 0
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
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

    /// The text of a `.site.stamps` file: the time taken, then a line per file.
    package var serialized: Data {
        var text = "\(taken)\n"
        for (file, e) in entries.sorted(by: { $0.key < $1.key }) {
            text += "\(file)\t\(e.stamp.size)\t\(e.stamp.inode)\t\(e.stamp.modified)\t\(e.stamp.changed)\t\(e.digest)\n"
        }
        return Data(text.utf8)
    }

    /// The digest recorded for the file `name` when the disk still shows it as `stamp`, long
    /// enough after its last change to be trusted.
    package func trustedDigest(of name: String, stamp: Stamp) -> String? {
        guard let known = entries[name], known.stamp == stamp, stamp.changed < taken - Self.racyMargin else { return nil }
        return known.digest
    }

    /// Records the file `name`'s digest; `read` when it was computed from the bytes now.
    package mutating func record(_ name: String, stamp: Stamp, digest: String, read: Bool) {
        entries[name] = (stamp, digest)
        if read { filesRead += 1 }
    }

    package static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// Wrapping arithmetic: a file dated after 2262 (allowed by ext4) must not stop a build;
    /// its stamp is then merely wrong, and wrong stamps are only compared for equality.
    package static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}

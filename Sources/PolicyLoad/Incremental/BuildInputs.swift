import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The reading half of the build cache (`BuildCache` in PolicyKit puts the key together):
/// every file of the content and theme folders by path and digest, the commit checked out,
/// the running binary, and the stamps and record the last build left beside its output.
package enum BuildInputs {
    /// A regular file's path (relative to the folder walked) and digest, or a link's path and
    /// the path it points to.
    package struct Tree {
        package var files: [(path: String, digest: String)] = []
        package var links: [(path: String, destination: String)] = []
    }

    /// Every regular file below `folder` (hidden ones too: `.gitattributes` can matter), path
    /// and digest, sorted, skipping the top-level `.git` (folder or gitfile); a link by the
    /// path it points to, not followed (the check refuses links in content; the theme
    /// ignores them). Digests come from `previous` where the disk shows a file unchanged;
    /// every digest used is recorded in `stamps` under `label`/path.
    package static func tree(_ folder: URL, label: String, stamps: inout FileStamps, previous: FileStamps) -> Tree {
        // Resolved, so that a content folder reached through a symlink is walked, not skipped.
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        var files: [String] = []
        var links: [String] = []
        FolderWalk.walk(base) { path, _, kind in
            guard path != ".git" else { return false }
            switch kind {
            case .folder: return true
            case .file: files.append(path)
            case .link: links.append(path)
            case .other: break
            }
            return false
        }
        var tree = Tree()
        for path in files.sorted() {
            guard let digest = digest(of: base + "/" + path, as: label + "/" + path, stamps: &stamps, previous: previous) else { continue }
            tree.files.append((path, digest))
        }
        for path in links.sorted() {
            tree.links.append((path, (try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/" + path)) ?? ""))
        }
        return tree
    }

    /// The digest of the file at `path` (recorded under `name`): from `previous` when the disk
    /// shows the file as it was stamped there, long enough after its last change; else read.
    /// Nil when it is not a regular file that can be read.
    package static func digest(of path: String, as name: String, stamps: inout FileStamps, previous: FileStamps) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let stamp = FileStamps.Stamp(
            size: Int64(info.st_size), inode: UInt64(info.st_ino),
            modified: FileStamps.nanoseconds(info.st_mtim), changed: FileStamps.nanoseconds(info.st_ctim))
        if let known = previous.trustedDigest(of: name, stamp: stamp) {
            stamps.record(name, stamp: stamp, digest: known, read: false)
            return known
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var digest = ContentDigest()
        digest.add(data)
        stamps.record(name, stamp: stamp, digest: digest.hex, read: true)
        return digest.hex
    }

    /// The stamps at `path`; none when there is no file or it does not parse.
    package static func stamps(at path: String) -> FileStamps {
        guard let data = FileManager.default.contents(atPath: path) else { return FileStamps(taken: 0) }
        return FileStamps(parsing: data)
    }

    /// The record at `path`, when there is one that parses.
    package static func record(at path: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BuildRecord.self, from: data)
    }

    /// The running executable's path, size and modification time: a rebuilt tool renders anew.
    package static let toolIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(date)"
    }()

    /// The commit checked out (document pages show each bundle's git history); empty outside
    /// a repository or without git.
    package static func gitHead(of content: URL) -> String {
        guard let output = Git.run(["rev-parse", "HEAD"], in: content), output.status == 0 else { return "" }
        return String(decoding: output.stdout, as: UTF8.self)
    }
}

import CSystemShims
import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// Writes a complete site so that the output folder is only ever the old site or the new
/// one: files go into a sibling staging folder, which is then exchanged with the old folder
/// in one atomic rename (renameat2 RENAME_EXCHANGE). A failed or killed build leaves the
/// previous site as it was; a lock file keeps two builds from writing the same output.
public struct SiteWriter {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Writes a whole site of `files`.
    public func write(_ files: [OutputFile]) throws {
        _ = try write { try $0.add(files) }
    }

    /// Writes a whole site: `produce` adds files to the staging folder as they are rendered,
    /// from any number of threads; when it returns, the staging folder replaces the output
    /// folder. Returns the number of files written.
    public func write(_ produce: (StagedSite) throws -> Void) throws -> Int {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PolicyError.outputFailed("无法创建输出目录所在的目录 \(parent.path)：\(PolicyError.reason(error))")
        }
        let lock = try OutputLock(path: sibling("lock").path)
        defer { lock.release() }
        let staging = sibling("new-\(ProcessInfo.processInfo.processIdentifier)")
        removeLeftovers()
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let site = StagedSite(
                root: staging.path, live: output.path,
                previous: OutputLedger(contentsOf: sibling("files").path))
            try produce(site)
            // The proof that this folder is a site we built, for the next build's `OutputFolder` check.
            var marker = OutputFolder.markerText
            try marker.withUTF8 { try SiteWriter.writeBytes(UnsafeRawBufferPointer($0), to: staging.path + "/" + OutputFolder.markerName) }
            try StageClock.measure("write: swap and delete old site") { try swapIn(staging) }
            // After the swap: until then the ledger on disk describes the live (old) site.
            StageClock.measure("write: ledger") { try? site.ledger.save(to: sibling("files").path) }
            return site.count
        } catch {
            try? fm.removeItem(at: staging)
            // A page that failed to render (a broken theme) says so itself.
            if error is PolicyError { throw error }
            throw PolicyError.outputFailed(PolicyError.reason(error))
        }
    }

    /// `.site.<suffix>` next to `site/`: same file system, so renames are atomic.
    package func sibling(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    /// Staging folders of builds that were killed before they could clean up.
    private func removeLeftovers() {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).new-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Plain open/write/close. Foundation's `Data.write(to:)` fsyncs every file, which is
    /// slow (minutes on a large site) and buys nothing here: the site becomes visible
    /// only through the rename of the whole folder.
    package static func writeBytes(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PolicyError.outputFailed("无法创建 \(path)：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            guard written > 0 else {
                throw PolicyError.outputFailed("无法写入 \(path)：\(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Exchanges the staging folder with the current site in one step, then deletes the old
    /// site (now under the staging name). Without a current site, a plain rename suffices.
    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if policy_exchange_paths(staging.path, output.path) != 0 {
            // File systems without RENAME_EXCHANGE: two renames, the old site kept until the new one is in place.
            let old = sibling("old-\(ProcessInfo.processInfo.processIdentifier)")
            try fm.moveItem(at: output, to: old)
            try fm.moveItem(at: staging, to: output)
            SiteWriter.removeTree(old.path)
            return
        }
        SiteWriter.removeTree(staging.path)
    }

    /// Deletes a folder and everything in it, the files on all cores: deleting the old site
    /// is one unlink per file, tens of thousands of them, a large part of a rebuild after
    /// one edit on one core. Whatever is left (an entry that could not be deleted) gets
    /// FileManager's own attempt.
    static func removeTree(_ root: String) {
        // A site reached through a link leaves the link under the old name after the swap:
        // delete the link, never what it points to.
        guard FolderWalk.kind(of: root) == .folder else {
            unlink(root)
            return
        }
        var entries: [String] = []  // everything but folders
        var folders: [String] = []
        FolderWalk.walk(root) { path, _, kind in
            if kind == .folder {
                folders.append(path)
                return true
            }
            entries.append(path)
            return false
        }
        let files = entries
        _ = stripes(of: files.count).parallelMap { range in
            for i in range { unlink(root + "/" + files[i]) }
        }
        // A folder is walked after its parent: backwards, children go first.
        for folder in folders.reversed() { rmdir(root + "/" + folder) }
        if rmdir(root) != 0 { try? FileManager.default.removeItem(atPath: root) }
    }
}

/// An exclusive advisory lock (flock) on `.site.lock`, held for the length of a write. A
/// second build into the same folder fails at once with a clear message instead of waiting.
struct OutputLock {
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PolicyError.outputFailed("无法创建锁文件 \(path)") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw PolicyError.outputFailed("另一个 policy build 正在写入同一输出目录（锁文件 \(path)）。请等它结束后再试。")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

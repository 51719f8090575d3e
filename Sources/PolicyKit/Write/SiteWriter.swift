import CSystemShims
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a complete site so that the output folder is only ever the old site or the new
/// one: files go into a sibling staging folder, which is then exchanged with the old folder
/// in one atomic rename (renameat2 RENAME_EXCHANGE). A failed or killed build leaves the
/// previous site as it was; a lock file keeps two builds from writing the same output.
public struct SiteWriter {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock(path: sibling("lock").path)
        defer { lock.release() }
        let staging = sibling("new-\(ProcessInfo.processInfo.processIdentifier)")
        removeLeftovers()
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            // Folders first, once each, so that the parallel file writes need no checks.
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
            for folder in folders.sorted() {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try files.parallelMap { file in Result { try SiteWriter.write(file, into: staging) } }.forEach { try $0.get() }
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw PolicyError.outputFailed("\(error)")
        }
    }

    /// `.site.<suffix>` next to `site/`: same file system, so renames are atomic.
    private func sibling(_ suffix: String) -> URL {
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

    private static func write(_ file: OutputFile, into folder: URL) throws {
        let target = folder.appendingPathComponent(file.path).path
        switch file.contents {
        case .text(let text): try writeBytes(Data(text.utf8), to: target)
        case .data(let data): try writeBytes(data, to: target)
        case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target)
        }
    }

    /// Plain open/write/close. Foundation's `Data.write(to:)` fsyncs every file, which cost
    /// ~6 ms a file (minutes on a large site) and buys nothing here: the site becomes visible
    /// only through the rename of the whole folder.
    private static func writeBytes(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PolicyError.outputFailed("无法创建 \(path)：\(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else {
                    throw PolicyError.outputFailed("无法写入 \(path)：\(String(cString: strerror(errno)))")
                }
                offset += written
            }
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
            try? fm.removeItem(at: old)
            return
        }
        try? fm.removeItem(at: staging)
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

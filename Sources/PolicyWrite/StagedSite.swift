import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The staging folder of a build in progress (see `SiteWriter`): files are written into it as
/// they are added, folders created on first use. A file whose bytes equal a live site's file
/// — at the same path or, failing that, any other — still as the last build left it, per the
/// `OutputLedger`, is hard-linked instead of written.
public final class StagedSite: SiteSink, @unchecked Sendable {
    private let root: String
    private let live: String
    private let previous: OutputLedger
    /// Guards everything below: paths taken, folders made, what was written.
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var folders: Set<String> = [""]
    private var written = OutputLedger()

    init(root: String, live: String, previous: OutputLedger) {
        self.root = root
        self.live = live
        self.previous = previous
    }

    /// The generated files written so far, with their digests and identities.
    var ledger: OutputLedger {
        lock.withLock { written }
    }

    var count: Int {
        lock.withLock { paths.count }
    }

    public func add(_ files: [OutputFile], madeFrom inputs: String?) throws {
        for file in files {
            guard try claim(file.path) else { continue }
            if var entry = try write(file) {
                entry.inputs = inputs ?? ""
                lock.withLock { written.record(file.path, entry) }
            }
        }
    }

    /// Hard-links every live file the last build made from `inputs`, when all of them are
    /// still as it left them; nil (and nothing claimed) otherwise.
    public func reuse(madeFrom inputs: String) throws -> [String]? {
        let files = previous.files(madeFrom: inputs)
        guard !files.isEmpty, files.allSatisfy({ previous.isIntact($0.path, $0.entry, under: live) }) else { return nil }
        for (path, entry) in files {
            guard try claim(path) else { continue }
            guard link(live + "/" + path, root + "/" + path) == 0 else {
                throw PolicyError.outputFailed("无法链接 \(path)：\(String(cString: strerror(errno)))")
            }
            lock.withLock { written.record(path, entry) }
        }
        return files.map(\.path)
    }

    /// Takes `path` for this file and makes its folders; false when another file has it.
    private func claim(_ path: String) throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard paths.insert(path).inserted else { return false }
        // Missing ancestors, nearest first, then made from the top down. Plain mkdir under
        // the lock: FileManager's checks cost more than the call.
        var missing: [String] = []
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            guard !folders.contains(String(folder)) else { break }
            missing.append(String(folder))
        }
        for folder in missing.reversed() {
            guard mkdir(root + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                throw PolicyError.outputFailed("无法创建目录 \(folder)：\(String(cString: strerror(errno)))")
            }
            folders.insert(folder)
        }
        return true
    }

    /// Writes one file — or hard-links the live site's identical one. Returns the ledger
    /// entry for generated files (copies from the content folder are not recorded).
    private func write(_ file: OutputFile) throws -> OutputLedger.Entry? {
        let target = root + "/" + file.path
        switch file.contents {
        case .text(var text): return try text.withUTF8 { try write(UnsafeRawBufferPointer($0), as: file.path) }
        case .data(let data): return try data.withUnsafeBytes { try write($0, as: file.path) }
        case .bytes(let bytes): return try bytes.withUnsafeBytes { try write($0, as: file.path) }
        case .copy(let source):
            do {
                try FileManager.default.copyItem(atPath: source, toPath: target)
            } catch {
                // Say which side failed: a source without read permission is not a write failure.
                if access(source, R_OK) != 0 {
                    throw PolicyError.outputFailed("无法读取要发布的文件 \(source)：\(String(cString: strerror(errno)))")
                }
                throw PolicyError.outputFailed("无法把 \(source) 复制为站点文件 \(file.path)：\(PolicyError.reason(error))")
            }
            return nil
        }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, as path: String) throws -> OutputLedger.Entry? {
        let target = root + "/" + path
        var digest = ContentDigest()
        digest.add(bytes)
        let hex = digest.hex
        if let (source, entry) = previous.reusable(path, digest: hex, size: bytes.count, under: live), link(live + "/" + source, target) == 0 {
            return entry
        }
        try SiteWriter.writeBytes(bytes, to: target)
        return OutputLedger.identity(of: target, digest: hex)
    }
}

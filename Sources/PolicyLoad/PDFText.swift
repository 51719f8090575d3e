import Foundation

/// The text of a PDF, page by page, from `pdftotext` (Debian's poppler-utils). The PDF is
/// never parsed in-process: a hostile PDF meets a separate program, bounded in time and in
/// how much text it may return.
package enum PDFText {
    /// Longer than this and `pdftotext` is stopped: a real document is read in a second or two.
    static let timeout: TimeInterval = 60

    /// Where package managers install `pdftotext`: Debian's poppler-utils, a local build,
    /// Homebrew.
    static let places = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    /// `pdftotext`; nil when it is not installed. The command line sets it once, before any
    /// loading, to the one on `PATH` (only the command line reads the environment); without
    /// it (tests, other callers) the first of `places` that exists.
    package nonisolated(unsafe) static var tool: String? = places.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The pages of the PDF at `path` (`pdftotext` ends each with a form feed), or why not.
    /// A scan has pages without text: there is nothing to review there (no OCR is done).
    /// Kept for the life of the process while the file is unchanged, so that `policy serve`,
    /// which loads the library again on every edit, does not run pdftotext again for each PDF.
    static func pages(of path: String, limit: Int) -> Result<[String], BundleText.Unread> {
        guard let tool else { return .failure(.noPDFTool) }
        let stamp = Stamp(path)
        if let stamp, let known = cache.value(path, stamp) { return known }
        let result = extract(path, tool: tool, limit: limit)
        if let stamp { cache.store(path, stamp, result) }
        return result
    }

    /// What the disk says of a file; the same stamp means the same bytes (as for `FileStamps`).
    private struct Stamp: Equatable {
        let size: Int64, inode: UInt64, modified: Int64, changed: Int64

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            size = Int64(info.st_size)
            inode = UInt64(info.st_ino)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: (Stamp, Result<[String], BundleText.Unread>)] = [:]

        func value(_ path: String, _ stamp: Stamp) -> Result<[String], BundleText.Unread>? {
            lock.withLock { entries[path].flatMap { $0.0 == stamp ? $0.1 : nil } }
        }

        func store(_ path: String, _ stamp: Stamp, _ result: Result<[String], BundleText.Unread>) {
            lock.withLock { entries[path] = (stamp, result) }
        }
    }

    private static let cache = Cache()

    private static func extract(_ path: String, tool: String, limit: Int) -> Result<[String], BundleText.Unread> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // -q: no warnings on stderr; -enc UTF-8 -eol unix: one encoding and line end on any system.
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.pdfFailed("无法运行 pdftotext")) }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        var data = Data()
        var tooLarge = false
        let reader = out.fileHandleForReading
        while let chunk = try? reader.read(upToCount: 1 << 16), !chunk.isEmpty {
            data.append(chunk)
            if data.count > limit {
                tooLarge = true
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        deadline.cancel()
        if tooLarge { return .failure(.tooLarge(data.count)) }
        guard process.terminationReason == .exit else { return .failure(.pdfFailed("pdftotext 超时未完成")) }
        guard process.terminationStatus == 0 else {
            return .failure(.pdfFailed("pdftotext 无法读取（文件损坏或加密？）"))
        }
        var pages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.count > 1, pages.last?.trimmed.isEmpty == true { pages.removeLast() }
        return .success(pages)
    }
}

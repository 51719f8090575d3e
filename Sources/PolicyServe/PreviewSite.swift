import Foundation
import PolicyKit
import PolicyCore

/// The site `policy serve` shows: built with the same pipeline as `policy build`, into a
/// private temporary folder (never `site/`), and rebuilt when the content changes. Each
/// build, good or bad, raises `generation`, which is how open pages learn to reload.
public final class PreviewSite: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var displayRoot: String
        /// Called before each build: the theme folder may appear or go away while serving.
        public var theme: @Sendable () -> URL?
        /// Fixed as-of date; today (by the wall clock) at each build when nil.
        public var asOf: CalendarDate?

        public init(content: URL, displayRoot: String, theme: @escaping @Sendable () -> URL?, asOf: CalendarDate?) {
            self.content = content
            self.displayRoot = displayRoot
            self.theme = theme
            self.asOf = asOf
        }
    }

    /// What the last build left to show.
    public enum Status: Sendable {
        /// Not built yet.
        case pending
        /// The site in `output` is current; warnings, if any, do not stop it.
        case built(documents: Int, warnings: [Diagnostic])
        /// The content has errors: the browser shows them instead of the site.
        case contentErrors([Diagnostic])
        /// The build itself failed (content folder gone, broken theme template…).
        case failed(String)
    }

    public let options: Options
    /// The temporary folder owned by this preview; `output` is inside it.
    public let scratch: URL
    /// Where the site is written and served from.
    public let output: URL

    private let lock = NSLock()
    private var currentGeneration = 0
    private var currentStatus = Status.pending
    private var closing = false

    /// Creates the temporary folder (mode 0700, unique name holding this process's id), after
    /// removing those of previews that died without removing theirs (killed, or crashed).
    public init(options: Options) throws {
        self.options = options
        PreviewSite.removeScratchOfDeadPreviews(in: NSTemporaryDirectory())
        var template = Array((NSTemporaryDirectory() + "/\(PreviewSite.scratchPrefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw PreviewError("无法创建临时目录：\(String(cString: strerror(errno)))")
        }
        scratch = URL(fileURLWithPath: String(cString: made), isDirectory: true).standardizedFileURL
        output = scratch.appendingPathComponent("site", isDirectory: true)
    }

    public var generation: Int { lock.withLock { currentGeneration } }
    public var status: Status { lock.withLock { currentStatus } }
    /// Both at once, as one consistent reading.
    public var snapshot: (generation: Int, status: Status) { lock.withLock { (currentGeneration, currentStatus) } }

    /// Builds the site now (blocking) and returns the new status. Not reentrant: the watcher
    /// calls it from one serial queue.
    @discardableResult
    public func rebuild() -> Status {
        let status: Status
        do {
            let built = try Pipeline.build(
                content: options.content, displayRoot: options.displayRoot,
                options: .init(output: output, asOf: options.asOf, themeDirectory: options.theme()))
            let diagnostics = built.checked.diagnostics
            status =
                built.checked.hasErrors
                ? .contentErrors(diagnostics)
                : .built(documents: built.publishedDocumentCount, warnings: diagnostics)
        } catch {
            status = .failed("\(error)")
        }
        lock.withLock {
            currentStatus = status
            currentGeneration += 1
        }
        return status
    }

    /// Set when the server is stopping: pending long-polls answer at once.
    public var isClosing: Bool {
        get { lock.withLock { closing } }
        set { lock.withLock { closing = newValue } }
    }

    static let scratchPrefix = "policy-serve-"

    /// Deletes `policy-serve-<pid>-*` folders of ours whose process no longer exists: a
    /// preview ended by SIGKILL or a crash cannot clean up after itself, the next one does.
    static func removeScratchOfDeadPreviews(in folder: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(scratchPrefix) {
            let rest = name.dropFirst(scratchPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == getuid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Deletes the temporary folder and everything built in it.
    public func removeScratch() {
        try? FileManager.default.removeItem(at: scratch)
    }
}

public struct PreviewError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

import Foundation
import PolicyCore

#if canImport(Glibc)
    import Glibc
#endif

/// Tells which files changed under a few folders (the content folder, the theme folder), so
/// that `policy serve` reads again only those. It lives here because watching is reading the
/// file system, which is this layer's job.
///
/// On Linux it asks the kernel (inotify: one watch per folder, added as folders appear), so a
/// save is seen within milliseconds and nothing is listed while nothing changes. When the
/// kernel refuses (the per-user watch limit), or on another system, it polls: every half
/// second it lists each file's size and modification time and reports the differences.
/// (There is no FSEvents path for macOS: the tool is Linux-only today — its HTTP server and
/// site writer use Glibc — so such code could be neither built nor tested here.) Hidden files
/// and folders (editor swap files, `.git`) are skipped, as the content loader skips them.
///
/// Events are gathered until the folders have been quiet for `settle` (an editor's save is
/// several events: truncate, write, close, often a rename), then reported in one call.
public final class FolderWatcher: @unchecked Sendable {
    /// What changed under one watched folder since the last report.
    public struct Change: Sendable, Equatable {
        /// The watched folder, as given.
        public let folder: URL
        /// Paths relative to it of files and folders that were written, created, removed
        /// or renamed (a new folder stands for everything in it).
        public var paths: Set<String>
        /// The folder itself appeared or went away, or events were lost: read it all again.
        public var everything: Bool
    }

    public let folders: [URL]
    /// `inotify` or `polling`, for the startup message and the tests.
    public private(set) var mechanism = "polling"
    private let settle: Duration
    private let onChange: @Sendable ([Change]) -> Void
    private let lock = NSLock()
    private var stopping = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// `onChange` runs on the watcher's own thread, so a slow update simply delays the next
    /// report; changes made meanwhile are in it.
    public init(
        folders: [URL], settle: Duration = .milliseconds(30), onChange: @escaping @Sendable ([Change]) -> Void
    ) {
        self.folders = folders.map(\.standardizedFileURL)
        self.settle = settle
        self.onChange = onChange
    }

    public func start() {
        #if os(Linux)
            if let kernel = KernelWatch(folders: folders) {
                mechanism = "inotify"
                run { [self] in kernel.loop(settle: settle, stopped: { self.isStopping }, report: onChange) }
                return
            }
        #endif
        let polling = PollingWatch(folders: folders)
        run { [self] in polling.loop(interval: .milliseconds(500), stopped: { self.isStopping }, report: onChange) }
    }

    public func stop() {
        lock.withLock { stopping = true }
        if thread != nil { _ = finished.wait(timeout: .now() + .seconds(2)) }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func run(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [finished] in
            body()
            finished.signal()
        }
        thread.name = "policy.serve.watch"
        self.thread = thread
        thread.start()
    }
}

#if os(Linux)
    /// inotify over every folder below the watched ones. A watched folder that does not exist
    /// yet (the theme folder) is waited for through a watch on its parent.
    private final class KernelWatch: @unchecked Sendable {
        let fd: Int32
        let folders: [URL]
        /// The folders' paths with links resolved: the kernel watches what they point to.
        let paths: [String]
        /// Watch descriptor → (watched folder's index, path relative to it; "" for itself).
        var watches: [Int32: (root: Int, path: String)] = [:]
        /// Parent folders watched for a missing root to appear: descriptor → root index.
        var parents: [Int32: Int] = [:]

        static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_DELETE_SELF | IN_MOVE_SELF)

        init?(folders: [URL]) {
            fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard fd >= 0 else { return nil }
            self.folders = folders
            paths = folders.map { $0.resolvingSymlinksInPath().path }
            for root in folders.indices {
                guard addRoot(root) else {
                    close(fd)
                    return nil
                }
            }
        }

        deinit { close(fd) }

        /// Watches a root and all folders below it, or its parent while it is missing. False
        /// when the kernel refuses a watch (then the caller polls instead).
        func addRoot(_ root: Int) -> Bool {
            if FolderWalk.kind(of: paths[root]) == .folder { return addTree(root, "") }
            let parent = (paths[root] as NSString).deletingLastPathComponent
            let wd = inotify_add_watch(fd, parent, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
            if wd >= 0 { parents[wd] = root }
            return true  // a missing parent too: nothing to watch, nothing to report
        }

        func addTree(_ root: Int, _ relative: String) -> Bool {
            let base = paths[root]
            let absolute = relative.isEmpty ? base : base + "/" + relative
            let wd = inotify_add_watch(fd, absolute, Self.mask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
            guard wd >= 0 else { return errno != ENOSPC && errno != ENOMEM }
            watches[wd] = (root, relative)
            var ok = true
            FolderWalk.walk(absolute) { path, name, kind in
                guard kind == .folder, !name.hasPrefix(".") else { return false }
                let sub = relative.isEmpty ? path : relative + "/" + path
                let wd = inotify_add_watch(fd, base + "/" + sub, Self.mask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
                if wd >= 0 {
                    watches[wd] = (root, sub)
                } else if errno == ENOSPC || errno == ENOMEM {
                    ok = false
                }
                return ok
            }
            return ok
        }

        func removeTree(_ root: Int, _ relative: String) {
            for (wd, watch) in watches where watch.root == root && (watch.path == relative || watch.path.hasPrefix(relative + "/")) {
                inotify_rm_watch(fd, wd)
                watches[wd] = nil
            }
        }

        func loop(settle: Duration, stopped: () -> Bool, report: ([FolderWatcher.Change]) -> Void) {
            var pending: [Int: FolderWatcher.Change] = [:]
            let settleMilliseconds = Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while !stopped() {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                // While events are pending, wait only for the folders to be quiet.
                let ready = poll(&poller, 1, pending.isEmpty ? 200 : settleMilliseconds)
                if ready > 0 {
                    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if count > 0 { take(buffer, count: count, into: &pending) }
                    continue
                }
                if ready == 0, !pending.isEmpty {
                    report(folders.indices.compactMap { pending[$0] })
                    pending = [:]
                }
            }
        }

        private func take(_ buffer: [UInt8], count: Int, into pending: inout [Int: FolderWatcher.Change]) {
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                func mark(_ root: Int, _ path: String?, everything: Bool = false) {
                    var change = pending[root] ?? .init(folder: folders[root], paths: [], everything: false)
                    if let path { change.paths.insert(path) }
                    change.everything = change.everything || everything
                    pending[root] = change
                }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    for root in folders.indices { mark(root, nil, everything: true) }
                    continue
                }
                if let root = parents[wd] {
                    // A missing root may have appeared.
                    if name == (paths[root] as NSString).lastPathComponent, FolderWalk.kind(of: paths[root]) == .folder {
                        inotify_rm_watch(fd, wd)
                        parents[wd] = nil
                        _ = addTree(root, "")
                        mark(root, nil, everything: true)
                    }
                    continue
                }
                guard let watch = watches[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    watches[wd] = nil
                    continue
                }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    if watch.path.isEmpty {
                        // The root itself went away: wait for it to come back.
                        removeTree(watch.root, "")
                        _ = addRoot(watch.root)
                        mark(watch.root, nil, everything: true)
                    }
                    continue
                }
                guard !name.isEmpty, !name.hasPrefix(".") else { continue }
                let path = watch.path.isEmpty ? name : watch.path + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = addTree(watch.root, path) }
                    if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { removeTree(watch.root, path) }
                }
                mark(watch.root, path)
            }
        }
    }
#endif

/// The portable fallback: lists the folders every `interval` and reports the differences.
private final class PollingWatch: @unchecked Sendable {
    struct Stamp: Equatable {
        let modified: TimeInterval
        let size: Int
    }

    let folders: [URL]

    init(folders: [URL]) { self.folders = folders }

    func loop(interval: Duration, stopped: () -> Bool, report: ([FolderWatcher.Change]) -> Void) {
        var last = folders.map(listing)
        while !stopped() {
            Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
            let now = folders.map(listing)
            var changes: [FolderWatcher.Change] = []
            for i in folders.indices where now[i] != last[i] {
                let (old, new) = (last[i] ?? [:], now[i] ?? [:])
                let paths = Set(old.keys).symmetricDifference(new.keys).union(new.keys.filter { old[$0] != nil && old[$0] != new[$0] })
                changes.append(.init(folder: folders[i], paths: paths, everything: (last[i] == nil) != (now[i] == nil)))
            }
            last = now
            if !changes.isEmpty { report(changes) }
        }
    }

    /// Every regular file under the folder, by relative path; nil when the folder is missing.
    func listing(_ folder: URL) -> [String: Stamp]? {
        let base = folder.resolvingSymlinksInPath().path
        guard FolderWalk.kind(of: base) == .folder else { return nil }
        var stamps: [String: Stamp] = [:]
        FolderWalk.walk(base) { path, name, kind in
            guard !name.hasPrefix(".") else { return false }
            if kind == .file, let attributes = try? FileManager.default.attributesOfItem(atPath: base + "/" + path) {
                stamps[path] = Stamp(
                    modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
                    size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
            }
            return kind == .folder
        }
        return stamps
    }
}

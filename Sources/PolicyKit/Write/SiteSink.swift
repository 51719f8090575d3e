import Foundation

/// Where rendered files go as soon as each part of the site is ready, so that a large site is
/// never held in memory whole: `StagedSite` writes them to disk, `CollectedFiles` keeps them
/// (for tests and previews of small sites).
///
/// `add` is called from many threads at once. A path already added is skipped — the first
/// file for a path wins — which lets generated pages take precedence over bundle files
/// copied later under the same name.
public protocol SiteSink: Sendable {
    func add(_ files: [OutputFile]) throws
}

/// Keeps every file in memory, in the order added.
public final class CollectedFiles: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [OutputFile] = []
    private var paths: Set<String> = []

    public init() {}

    public func add(_ files: [OutputFile]) throws {
        lock.lock()
        defer { lock.unlock() }
        for file in files where paths.insert(file.path).inserted { self.files.append(file) }
    }

    /// The files, sorted by path.
    public var sorted: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return files.sorted { $0.path < $1.path }
    }
}

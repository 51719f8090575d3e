import Foundation
import PolicyCore

/// Where rendered files go as soon as each part of the site is ready, so that a large site is
/// never held in memory whole: `StagedSite` writes them to disk, `CollectedFiles` keeps them
/// (for tests and previews of small sites).
///
/// `add` is called from many threads at once. A path already added is skipped — the first
/// file for a path wins — which lets generated pages take precedence over bundle files
/// copied later under the same name.
public protocol SiteSink: Sendable {
    /// Takes rendered files; `inputs` is the digest of what they were made from, if known.
    func add(_ files: [OutputFile], madeFrom inputs: String?) throws

    /// Keeps the files the last build made from exactly these inputs, without rendering them
    /// again; returns their paths, or nil when they cannot be kept (then render them).
    func reuse(madeFrom inputs: String) throws -> [String]?
}

extension SiteSink {
    public func add(_ files: [OutputFile]) throws {
        try add(files, madeFrom: nil)
    }

    /// Adds files whose paths are all different, spread over all cores: the search index is
    /// tens of thousands of files, each a digest and a link or a write. (With paths in
    /// common, which one is kept would depend on timing.)
    package func addInParallel(_ files: [OutputFile]) throws {
        assert(Set(files.map(\.path)).count == files.count, "addInParallel needs distinct paths")
        let outcomes = stripes(of: files.count).parallelMap { range in Result { try add(Array(files[range])) } }
        for outcome in outcomes { try outcome.get() }
    }
}

/// Keeps every file in memory, in the order added.
public final class CollectedFiles: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [OutputFile] = []
    private var paths: Set<String> = []

    public init() {}

    public func add(_ files: [OutputFile], madeFrom inputs: String?) throws {
        lock.lock()
        defer { lock.unlock() }
        for file in files where paths.insert(file.path).inserted { self.files.append(file) }
    }

    /// Nothing to keep: every build here starts empty.
    public func reuse(madeFrom inputs: String) throws -> [String]? { nil }

    /// The files, sorted by path.
    public var sorted: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return files.sorted { $0.path < $1.path }
    }
}

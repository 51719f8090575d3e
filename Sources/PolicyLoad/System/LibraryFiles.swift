import Foundation
import Yams
import PolicyCore

/// Reads a system library's own files: `library.yml` (with positions, like `site.yml`) and
/// the `library.lock` beside it.
public struct LibraryFiles: Sendable {
    /// `library.yml` itself.
    public let manifest: URL
    /// As the user named it, for diagnostics.
    public let displayPath: String

    public init(manifest: URL, displayPath: String? = nil) {
        self.manifest = manifest.standardizedFileURL
        self.displayPath = displayPath ?? manifest.path
    }

    /// The folder library.yml is in: source paths are relative to it.
    public var folder: URL { manifest.deletingLastPathComponent() }
    public var lockFile: URL { folder.appendingPathComponent("library.lock") }
    /// Where git sources are cloned and checked out, one folder per source.
    public var checkouts: URL { folder.appendingPathComponent(".policy-sources") }

    /// A path written in library.yml: absolute, or relative to library.yml's folder.
    public static func resolve(_ path: String, against folder: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)).standardizedFileURL
    }

    /// `library.yml`; throws when it cannot be read at all.
    public func loadManifest() throws -> SourceFile {
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            throw PolicyError.contentNotFound(displayPath)
        }
        guard data.count <= ContentLoader.maxFileBytes, let text = String(data: data, encoding: .utf8) else {
            throw PolicyError.unreadable(displayPath, "不是 UTF-8 文本或超过 8 MiB")
        }
        return SourceFile(relativePath: manifest.lastPathComponent, displayPath: displayPath, yaml: text)
    }

    /// `library.lock`; empty when there is none. A lock that cannot be read is an error:
    /// building without it could drop a bureau's documents.
    public func loadLock() throws -> LibraryLock {
        guard let data = FileManager.default.contents(atPath: lockFile.path) else { return LibraryLock() }
        let problem = { PolicyError.unreadable(lockFile.path, "library.lock 格式不对：请从版本库恢复，或删除后重新构建") }
        guard let text = String(data: data, encoding: .utf8), let parsed = try? Yams.compose(yaml: text) else { throw problem() }
        var lock = LibraryLock()
        guard let sources = parsed.mapping?["sources"]?.mapping else { return lock }
        for (key, value) in sources {
            guard let id = key.scalar?.string, let entry = value.mapping, let commit = entry["commit"]?.scalar?.string,
                let passed = entry["passed"]?.scalar?.string
            else { throw problem() }
            lock.sources[id] = LibraryLock.Entry(commit: commit, ref: entry["ref"]?.scalar?.string, passed: passed)
        }
        return lock
    }
}

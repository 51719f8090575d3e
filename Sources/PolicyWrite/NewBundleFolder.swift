import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The files of a new bundle (`policy new`, whose text `BundleScaffold` lays out) written
/// into a folder that must not exist yet: an existing bundle is never overwritten.
package enum NewBundleFolder {
    package enum Outcome: Equatable {
        case written
        /// The folder was there already; nothing was written.
        case exists
    }

    /// Creates `folder` (and the folders above it) and writes `files` into it.
    package static func write(_ files: [(name: String, text: String)], into folder: URL) throws -> Outcome {
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        // mkdir itself refuses an existing folder, so two `policy new` at once cannot both write.
        guard mkdir(folder.path, 0o755) == 0 else {
            if errno == EEXIST { return .exists }
            throw PolicyError.outputFailed("无法创建目录 \(folder.path)：\(String(cString: strerror(errno)))")
        }
        for file in files {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name))
        }
        return .written
    }
}

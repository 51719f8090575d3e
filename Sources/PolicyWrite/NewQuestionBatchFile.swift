import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import PolicyCore

/// The batch file `policy qa import` makes (`content/qa/<batch>.yml`), written only when no
/// file of that name exists: an earlier import is never overwritten.
package enum NewQuestionBatchFile {
    package enum Outcome: Equatable {
        case written
        /// A file of that name was there already; nothing was written.
        case exists
    }

    package static func create(_ text: String, at file: URL) throws -> Outcome {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // O_EXCL: two imports at once cannot both write one file.
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return .exists }
            throw PolicyError.outputFailed("无法创建文件 \(file.path)：\(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw PolicyError.outputFailed("写入 \(file.path) 失败：\(String(cString: strerror(errno)))") }
            written += n
        }
        return .written
    }
}

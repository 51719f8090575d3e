import Foundation
import PolicyCore

/// Writes `library.lock` whole, atomically (a reader never sees half of it), and only when
/// its text changes, so that a build that moved no source leaves the file untouched.
public struct LockFileWriter: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public func write(_ lock: LibraryLock) throws {
        let data = Data(lock.text.utf8)
        if FileManager.default.contents(atPath: url.path) == data { return }
        do { try data.write(to: url, options: .atomic) } catch { throw PolicyError.outputFailed("\(url.path)：\(error.localizedDescription)") }
    }
}

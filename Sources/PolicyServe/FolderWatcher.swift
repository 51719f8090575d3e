import Foundation
import PolicyCore

/// Notices changes under a few folders and calls back once per change.
///
/// It polls: every half second it lists each file's path, size and modification time and
/// compares the list with the previous one. Polling is portable (no inotify or FSEvents),
/// needs no dependency, sees changes made by any editor or by git, and costs little at the
/// size of a content folder. Hidden files (editor swap files, `.git`) are skipped, as the
/// content loader skips them.
public final class FolderWatcher: @unchecked Sendable {
    struct Stamp: Equatable {
        let modified: TimeInterval
        let size: Int
    }

    public let folders: [URL]
    private let interval: DispatchTimeInterval
    private let onChange: @Sendable () -> Void
    private let queue = DispatchQueue(label: "policy.serve.watch")
    private var timer: DispatchSourceTimer?
    private var last: [String: Stamp] = [:]

    /// `onChange` runs on the watcher's own serial queue, so a slow rebuild simply delays
    /// the next poll; changes made meanwhile are seen by it.
    public init(
        folders: [URL], interval: DispatchTimeInterval = .milliseconds(500),
        onChange: @escaping @Sendable () -> Void
    ) {
        self.folders = folders.map(\.standardizedFileURL)
        self.interval = interval
        self.onChange = onChange
    }

    public func start() {
        queue.sync {
            last = listing()
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in self?.poll() }
            timer.resume()
            self.timer = timer
        }
    }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    private func poll() {
        let now = listing()
        guard now != last else { return }
        last = now
        onChange()
    }

    /// Every regular file under the folders (a missing folder lists nothing).
    func listing() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard
                let files = FileManager.default.enumerator(
                    at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: keys,
                    options: [.skipsHiddenFiles])
            else { continue }
            for case let file as URL in files {
                guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                stamps[file.path] = Stamp(
                    modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0,
                    size: values.fileSize ?? 0)
            }
        }
        return stamps
    }
}

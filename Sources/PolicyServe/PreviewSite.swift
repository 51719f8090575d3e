import Foundation
import PolicyCore
import PolicyKit
import PolicyLoad

/// The site `policy serve` shows: a `LiveSite` in memory (nothing is written: not `site/`,
/// not a temporary folder), updated from the watcher's changes. Each update, good or bad,
/// raises `generation`, which is how open pages learn to reload.
public final class PreviewSite: @unchecked Sendable {
    public typealias Options = LiveSite.Options
    public typealias Status = LiveSite.Status

    public let live: LiveSite
    private let lock = NSLock()
    private var closing = false

    public init(options: Options) {
        live = LiveSite(options: options)
    }

    public var options: Options { live.options }
    public var generation: Int { live.generation }
    public var status: Status { live.status }
    var lastGood: LiveSite.Pages? { live.lastGood }

    /// Reads everything and shows it (blocking): the first build.
    @discardableResult
    public func rebuild() -> Status { live.reload() }

    /// Applies what the watcher saw under the content folder and the theme folder.
    @discardableResult
    func apply(_ changes: [FolderWatcher.Change]) -> Status {
        let content = options.content.standardizedFileURL
        var paths: Set<String> = []
        var everything = false
        var theme = false
        for change in changes {
            if change.folder == content {
                paths.formUnion(change.paths)
                everything = everything || change.everything
            } else {
                theme = true
            }
        }
        return live.update(content: paths, everything: everything, themeChanged: theme)
    }

    /// Set when the server is stopping: pending long-polls answer at once.
    public var isClosing: Bool {
        get { lock.withLock { closing } }
        set { lock.withLock { closing = newValue } }
    }
}

public struct PreviewError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

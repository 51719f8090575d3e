import Foundation
import PolicyKit
import PolicyCore
import PolicyLoad
import PolicyReport

/// `policy serve`: reads the content into memory (`LiveSite`), serves it on a local address
/// with `PreviewHTTPServer`, updates it when content or theme files change, and reloads open
/// pages.
public final class PreviewServer: @unchecked Sendable {
    public let site: PreviewSite
    private let server: PreviewHTTPServer
    private let host: String
    private let watcher: FolderWatcher
    private let log: @Sendable (String) -> Void

    /// `host` is an IPv4 or IPv6 address (`localhost` means 127.0.0.1); port 0 picks a free one.
    public init(
        site: PreviewSite, host: String, port: UInt16, watch: [URL], limits: HTTPServerLimits = .standard,
        log: @escaping @Sendable (String) -> Void
    ) throws {
        self.site = site
        self.host = host
        self.log = log
        let handler = PreviewHandler(site: site)
        server = try PreviewHTTPServer(host: host, port: port, limits: limits) { handler.handleRequest($0) }
        watcher = FolderWatcher(folders: watch) { [site] changes in
            let paths = changes.flatMap(\.paths).sorted()
            log("检测到改动：\(paths.prefix(3).joined(separator: "、"))\(paths.count > 3 ? " 等 \(paths.count) 处" : "")，更新预览…")
            Self.report(site.apply(changes), generation: site.generation, log: log)
        }
    }

    /// Builds once, starts serving and watching; returns the address to open.
    public func start() async throws -> String {
        Self.report(site.rebuild(), generation: site.generation, log: log)
        server.start()
        watcher.start()
        return Self.url(host: host, port: server.port)
    }

    /// How changes are seen: `inotify` or `polling`.
    public var watching: String { watcher.mechanism }

    /// Stops watching and closes the server.
    public func stop() async {
        watcher.stop()
        site.isClosing = true
        server.stop(waiting: .milliseconds(500))
    }

    static func report(_ status: PreviewSite.Status, generation: Int, log: (String) -> Void) {
        switch status {
        case .pending: break
        case .built(let documents, let warnings):
            log("已生成预览（第 \(generation) 次）：\(documents) 件文件\(warnings.isEmpty ? "" : "，\(warnings.count) 个警告")。")
        case .contentErrors(let diagnostics):
            log(DiagnosticFormat.text.render(diagnostics).trimmingCharacters(in: .newlines))
            log("内容有错误（第 \(generation) 次）：浏览器中显示错误页，修正后自动刷新。")
        case .failed(let why):
            log("无法生成预览（第 \(generation) 次）：\(why)")
        }
    }

    /// Throws unless `host` is an address the server can listen on (checked before building).
    public static func validate(host: String) throws {
        _ = try SocketAddress(host: host, port: 0)
    }

    static func url(host: String, port: UInt16) -> String {
        let name = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name.contains(":") ? "http://[\(name)]:\(port)/" : "http://\(name):\(port)/"
    }
}

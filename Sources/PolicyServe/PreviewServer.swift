import FlyingFox
import FlyingSocks
import Foundation
import PolicyKit
import PolicyCore
import PolicyReport

/// `policy serve`: builds the content into a temporary folder, serves it on a local address
/// with FlyingFox, rebuilds when content or theme files change, and reloads open pages.
public final class PreviewServer: @unchecked Sendable {
    public let site: PreviewSite
    private let server: HTTPServer
    private let watcher: FolderWatcher
    private let log: @Sendable (String) -> Void

    /// `host` is an IPv4 or IPv6 address (`localhost` means 127.0.0.1); port 0 picks a free one.
    public init(site: PreviewSite, host: String, port: UInt16, watch: [URL],
                log: @escaping @Sendable (String) -> Void) throws {
        self.site = site
        self.log = log
        // Long-polls are held up to 25 s, so handlers get longer than FlyingFox's default 15 s.
        server = HTTPServer(config: .init(address: try Self.address(host: host, port: port), timeout: 60,
                                          logger: .disabled),
                            handler: PreviewHandler(site: site))
        watcher = FolderWatcher(folders: watch) { [site] in
            log("检测到文件改动，重新生成…")
            Self.report(site.rebuild(), generation: site.generation, log: log)
        }
    }

    /// Builds once, starts listening and watching; returns the address to open.
    public func start() async throws -> String {
        Self.report(site.rebuild(), generation: site.generation, log: log)
        let failure = Failure()
        Task { [server] in
            do { try await server.run() } catch { failure.set(error) }
        }
        while await !server.isListening {
            if let error = failure.get() { throw PreviewError("无法监听：\(error)（端口可能已被占用，可用 --port 换一个）") }
            try await Task.sleep(for: .milliseconds(20))
        }
        watcher.start()
        guard let address = await server.listeningAddress else { throw PreviewError("无法取得监听地址。") }
        return Self.url(of: address)
    }

    /// Stops watching, closes the server; the caller then removes the scratch folder.
    public func stop() async {
        watcher.stop()
        site.isClosing = true
        await server.stop(timeout: 0.2)
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

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        do {
            if name.contains(":") {
                return try sockaddr_in6.inet6(ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
            }
            return try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw PreviewError("--host 须为 IP 地址，如 127.0.0.1 或 ::1，而不是“\(host)”。")
        }
    }

    static func url(of address: Socket.Address) -> String {
        switch address {
        case .ip4(let ip, let port): "http://\(ip):\(port)/"
        case .ip6(let ip, let port): "http://[\(ip)]:\(port)/"
        default: "\(address)"
        }
    }
}

/// The first error of the server task, read by the task that waits for it to listen.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.withLock { error = e } }
    func get() -> (any Error)? { lock.withLock { error } }
}

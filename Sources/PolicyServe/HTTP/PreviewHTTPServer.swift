import Foundation
import Glibc  // Linux only, as the rest of the tool (renameat2)

/// The preview's HTTP/1.1 server: a listening socket, one thread per connection, GET and HEAD
/// answered from a synchronous handler. Small on purpose — it replaces FlyingFox 0.27.1,
/// which reads a request line and header lines with no length limit (an endless line is
/// collected byte by byte, at full CPU, long after the client has gone), has no timeout
/// for reading a request, and so could not be made safe from outside.
///
/// Every connection is bounded: the head's size (414/431 past `HTTPServerLimits`), the
/// time to wait for a request and to receive its head (then closed, 408 if it had begun),
/// the time to write an answer, and the number of connections at once (503 past it).
/// Request bodies are never read. `Host` must name this server (`HostCheck`, else 403).
/// `stop()` shuts every socket down, which wakes every thread at once.
public final class PreviewHTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The port listened on (the one picked, when 0 was asked for).
    public let port: UInt16
    public let limits: HTTPServerLimits
    private let listener: Int32
    private let hosts: HostCheck
    private let handler: Handler
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var stopping = false
    private let finished = DispatchGroup()

    /// Binds and listens on `host` (an IPv4 or IPv6 literal; `localhost` is 127.0.0.1).
    /// Serving starts with `start()`.
    public init(host: String, port: UInt16, limits: HTTPServerLimits = .standard, handler: @escaping Handler) throws {
        let address = try SocketAddress(host: host, port: port)
        listener = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw PreviewError("无法创建套接字：\(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard address.bind(listener) == 0, Glibc.listen(listener, 128) == 0 else {
            let why = String(cString: strerror(errno))
            Glibc.close(listener)
            throw PreviewError("无法监听 \(host):\(port)：\(why)（端口可能已被占用，可用 --port 换一个）")
        }
        self.port = SocketAddress.boundPort(of: listener)
        self.limits = limits
        self.hosts = HostCheck(listening: host, port: self.port)
        self.handler = handler
    }

    /// Accepts connections on a thread of its own until `stop()`.
    public func start() {
        finished.enter()
        let thread = Thread { [self] in
            defer { finished.leave() }
            acceptLoop()
        }
        thread.name = "policy.serve.accept"
        thread.start()
    }

    /// Stops accepting, ends every open connection and waits (briefly) for their threads.
    public func stop(waiting: Duration = .seconds(1)) {
        let sockets: Set<Int32> = lock.withLock {
            stopping = true
            return open
        }
        // shutdown, not close: it wakes a thread blocked on the socket, and the number
        // cannot be reused by another socket before its thread has closed it.
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for socket in sockets { Glibc.shutdown(socket, Int32(SHUT_RDWR)) }
        let milliseconds = Int(waiting.components.seconds * 1000 + waiting.components.attoseconds / 1_000_000_000_000_000)
        _ = finished.wait(timeout: .now() + .milliseconds(milliseconds))
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop() {
        defer { Glibc.close(listener) }
        while !isStopping {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
                    if errno == EMFILE || errno == ENFILE { usleep(50_000) }  // out of descriptors: let some close
                    continue
                }
                return  // shut down by stop()
            }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let admitted: Bool = lock.withLock {
                guard !stopping, open.count < limits.connections else { return false }
                open.insert(client)
                return true
            }
            guard admitted else {
                // Too many at once: a short answer without reading, and close.
                let refusal = HTTPResponse.refusal(.serviceUnavailable).encoded(headOnly: false, keepAlive: false)
                _ = refusal.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT | MSG_NOSIGNAL)) }
                Glibc.close(client)
                continue
            }
            finished.enter()
            let thread = Thread { [self] in
                defer {
                    lock.withLock { _ = open.remove(client) }
                    Glibc.close(client)
                    finished.leave()
                }
                var connection = HTTPConnection(socket: client, limits: limits, hosts: hosts, handler: handler)
                connection.serve()
            }
            thread.name = "policy.serve.connection"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}

/// An IPv4 or IPv6 socket address made from the --host text.
struct SocketAddress {
    let family: Int32
    private let storage: sockaddr_storage
    private let length: socklen_t

    init(host: String, port: UInt16) throws {
        let name = host == "localhost" ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        var storage = sockaddr_storage()
        if name.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, name, &address.sin6_addr) == 1 else { throw Self.invalid(host) }
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            (family, length) = (AF_INET6, socklen_t(MemoryLayout<sockaddr_in6>.size))
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else { throw Self.invalid(host) }
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            (family, length) = (AF_INET, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
        self.storage = storage
    }

    private static func invalid(_ host: String) -> PreviewError {
        PreviewError("--host 须为 IP 地址，如 127.0.0.1 或 ::1，而不是“\(host)”。")
    }

    func bind(_ socket: Int32) -> Int32 {
        withUnsafeBytes(of: storage) { bytes in
            Glibc.bind(socket, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    static func boundPort(of socket: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutableBytes(of: &storage) { bytes in
            getsockname(socket, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
        }
        return withUnsafeBytes(of: storage) { bytes in
            // sin_port and sin6_port are both at offset 2, in network order.
            UInt16(bigEndian: bytes.load(fromByteOffset: 2, as: UInt16.self))
        }
    }
}

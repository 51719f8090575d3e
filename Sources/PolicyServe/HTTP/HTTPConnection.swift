import Foundation
import Glibc

/// One client connection of `PreviewHTTPServer`, served on its own thread: requests one
/// after another (keep-alive), each head read within the limits, answered, and the
/// connection closed at the first refusal, timeout or error. The caller closes the socket.
struct HTTPConnection {
    let socket: Int32
    let limits: HTTPServerLimits
    let hosts: HostCheck
    let handler: PreviewHTTPServer.Handler

    /// Bytes received and not yet used (a pipelined next request).
    private var buffer: [UInt8] = []

    init(socket: Int32, limits: HTTPServerLimits, hosts: HostCheck, handler: @escaping PreviewHTTPServer.Handler) {
        self.socket = socket
        self.limits = limits
        self.hosts = hosts
        self.handler = handler
    }

    mutating func serve() {
        let parser = RequestHeadParser(limits: limits)
        while true {
            // Idle: wait for a request to begin.
            if buffer.isEmpty, receive(until: .now + limits.idleTimeout) != .data { return }
            let headDeadline = ContinuousClock.now + limits.headTimeout
            var outcome = parser.parse(buffer)
            while outcome == .incomplete {
                switch receive(until: headDeadline) {
                case .data: outcome = parser.parse(buffer)
                case .timedOut: return refuse(.requestTimeout)
                case .closed: return
                }
            }
            switch outcome {
            case .incomplete: return
            case .rejected(let status): return refuse(status)
            case .complete(let request, let length):
                buffer.removeFirst(length)
                let hostValues = request.values("host")
                if hostValues.count > 1 || (hostValues.isEmpty && request.version == "HTTP/1.1") {
                    return refuse(.badRequest)  // RFC 9112 §3.2: exactly one Host in HTTP/1.1
                }
                if let host = hostValues.first, !hosts.accepts(host) { return refuse(.forbidden) }
                let response = handler(request)
                // A body is never read, so the connection cannot carry another request.
                let keepAlive = request.wantsKeepAlive && !request.announcesBody
                guard write(response.encoded(headOnly: request.method == "HEAD", keepAlive: keepAlive)) else { return }
                guard keepAlive else { return lingeringClose() }
            }
        }
    }

    /// Answers with the server's own refusal and closes.
    private func refuse(_ status: HTTPStatus) {
        guard write(HTTPResponse.refusal(status).encoded(headOnly: false, keepAlive: false)) else { return }
        lingeringClose()
    }

    /// Ends sending, then reads and drops what the client is still sending (until it is
    /// quiet for 200 ms, at most a second and 1 MiB): closing with unread bytes would reset
    /// the connection, and the client could lose the answer before reading it.
    private func lingeringClose() {
        Glibc.shutdown(socket, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(1)
        var dropped = 0
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while dropped < 1 << 20, wait(for: Int16(POLLIN), until: min(deadline, .now + .milliseconds(200))) {
            let count = scratch.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            dropped += count
        }
    }

    private enum Received { case data, timedOut, closed }

    /// Reads what has arrived into `buffer`, waiting no later than `deadline`.
    private mutating func receive(until deadline: ContinuousClock.Instant) -> Received {
        guard wait(for: Int16(POLLIN), until: deadline) else {
            return ContinuousClock.now >= deadline ? .timedOut : .closed
        }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return .closed }
        buffer.append(contentsOf: chunk[..<count])
        return .data
    }

    /// Writes all of `data` by `writeTimeout`; false when the client is gone or too slow.
    private func write(_ data: Data) -> Bool {
        let deadline = ContinuousClock.now + limits.writeTimeout
        var sent = 0
        while sent < data.count {
            guard wait(for: Int16(POLLOUT), until: deadline) else { return false }
            let count = data.withUnsafeBytes {
                send(socket, $0.baseAddress! + sent, data.count - sent, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Polls the socket for `events` until `deadline`; false on timeout, error or hang-up
    /// without the event (a readable hang-up is true: recv then reads the end).
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            let milliseconds = Int32(
                min(
                    left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1,
                    60_000))
            var entry = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { if ready == 0 { continue } else { return false } }
            return entry.revents & events != 0 || entry.revents & Int16(POLLHUP) != 0 && events == Int16(POLLIN)
        }
    }
}

import Foundation
import Glibc
import XCTest
@testable import PolicyServe

/// The preview's HTTP server against hostile clients, over real loopback sockets with short
/// timeouts: oversized heads are refused at once, stalled clients dropped, foreign Host
/// headers refused, and the server keeps answering and stops promptly through all of it.
final class HTTPServerTests: XCTestCase {
    private var limits: HTTPServerLimits {
        var limits = HTTPServerLimits()
        limits.idleTimeout = .milliseconds(400)
        limits.headTimeout = .milliseconds(400)
        limits.writeTimeout = .milliseconds(400)
        return limits
    }

    private func startServer(_ limits: HTTPServerLimits? = nil) throws -> PreviewHTTPServer {
        let server = try PreviewHTTPServer(host: "127.0.0.1", port: 0, limits: limits ?? self.limits) { request in
            HTTPResponse(.ok, headers: [("Content-Type", "text/plain")], body: Data("page \(request.path)\n".utf8))
        }
        server.start()
        return server
    }

    private func host(_ server: PreviewHTTPServer) -> String { "127.0.0.1:\(server.port)" }

    // MARK: Sizes

    func testEndlessRequestLineIs414AndClosedAtOnce() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        let started = ContinuousClock.now
        client.send("GET /" + String(repeating: "a", count: 300_000) + " HTTP/1.1\r\nHost: \(host(server))\r\n\r\n")
        let answer = client.readToEnd(within: .seconds(5))
        XCTAssertTrue(answer.closed, "connection left open")
        XCTAssertTrue(answer.text.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"), answer.text)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
    }

    func testEndlessHeaderIs431() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        client.send("GET / HTTP/1.1\r\nHost: \(host(server))\r\nX-Big: " + String(repeating: "b", count: 300_000) + "\r\n\r\n")
        let answer = client.readToEnd(within: .seconds(5))
        XCTAssertTrue(answer.closed)
        XCTAssertTrue(answer.text.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), answer.text)
    }

    func testParserRefusesOversizedHeadsBeforeTheyEnd() {
        let parser = RequestHeadParser(limits: .standard)
        let line = Array(("GET /" + String(repeating: "a", count: 9000)).utf8)
        XCTAssertEqual(parser.parse(line), .rejected(.uriTooLong))  // no line end yet
        XCTAssertEqual(parser.parse(Array(("GET /" + String(repeating: "a", count: 8000)).utf8)), .incomplete)
        let header = Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 40_000)).utf8)
        XCTAssertEqual(parser.parse(header), .rejected(.headersTooLarge))
        let many = "GET / HTTP/1.1\r\n" + (0..<101).map { "X-\($0): y\r\n" }.joined() + "\r\n"
        XCTAssertEqual(parser.parse(Array(many.utf8)), .rejected(.headersTooLarge))
        // Line breaks before the request line are not a way around the limits: a stream of
        // them is refused at once, not buffered and re-scanned without end.
        let blank = Array(String(repeating: "\r\n", count: 65_536).utf8)
        XCTAssertEqual(parser.parse(blank), .rejected(.badRequest))
        XCTAssertEqual(parser.parse(blank + Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)), .rejected(.badRequest))
    }

    func testParserReadsOneHeadAndLeavesTheNext() {
        let parser = RequestHeadParser(limits: .standard)
        let first = "\r\nGET /a?since=3 HTTP/1.1\r\nHost: localhost:8000\r\nConnection:  close \r\n\r\n"
        let bytes = Array((first + "GET /b HTTP/1.1\r\n").utf8)
        guard case .complete(let request, let length) = parser.parse(bytes) else { return XCTFail("\(parser.parse(bytes))") }
        XCTAssertEqual(length, first.utf8.count)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/a")
        XCTAssertEqual(request.query["since"], "3")
        XCTAssertEqual(request.values("HOST"), ["localhost:8000"])
        XCTAssertFalse(request.wantsKeepAlive)
        XCTAssertEqual(parser.parse(Array("GET / HTTP/1.1\n\n".utf8)), .complete(HTTPRequest(method: "GET", target: "/"), length: 16))
    }

    func testParserRefusesMalformedHeads() {
        let parser = RequestHeadParser(limits: .standard)
        for head in [
            "GET  / HTTP/1.1", "GET http://x/ HTTP/1.1", "GET / FTP/1.0", "G(T / HTTP/1.1",
            "GET / HTTP/1.1\r\nNo colon", "GET / HTTP/1.1\r\n folded: x", "GET / HTTP/1.1\r\nX: a\u{0}b",
            "GET /a\u{7f} HTTP/1.1",
        ] {
            XCTAssertEqual(parser.parse(Array((head + "\r\n\r\n").utf8)), .rejected(.badRequest), head)
        }
        XCTAssertEqual(parser.parse(Array("GET / HTTP/2.0\r\n\r\n".utf8)), .rejected(.versionNotSupported))
    }

    // MARK: Time

    func testStalledClientIsDroppedAfterTheHeadTimeout() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        let started = ContinuousClock.now
        client.send("GET / HTTP/1.1\r\nHost: \(host(server))\r\nX-Half")  // … and nothing more
        let answer = client.readToEnd(within: .seconds(5))
        let took = ContinuousClock.now - started
        XCTAssertTrue(answer.closed)
        XCTAssertTrue(answer.text.hasPrefix("HTTP/1.1 408 "), answer.text)
        XCTAssertGreaterThanOrEqual(took, .milliseconds(350))
        XCTAssertLessThan(took, .seconds(3))
    }

    func testSlowLorisCannotStretchTheHeadTimeout() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        let started = ContinuousClock.now
        client.send("GET / HTTP/1.1\r\n")
        // One byte every 100 ms, each well inside the timeout: the head as a whole is not.
        for _ in 0..<30 where !client.isClosedByPeer {
            client.send("X")
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertTrue(client.readToEnd(within: .seconds(2)).closed)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    func testIdleConnectionIsClosedQuietly() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        let answer = client.readToEnd(within: .seconds(3))
        XCTAssertTrue(answer.closed)
        XCTAssertEqual(answer.text, "")
    }

    // MARK: Host

    func testHostMustNameThisServer() throws {
        let server = try startServer()
        defer { server.stop() }
        func status(_ head: String) throws -> String {
            let client = try Client(port: server.port)
            client.send(head + "\r\n\r\n")
            return String(client.readToEnd(within: .seconds(3)).text.prefix(12))
        }
        XCTAssertEqual(try status("GET / HTTP/1.1\r\nHost: evil.example:\(server.port)"), "HTTP/1.1 403")
        XCTAssertEqual(try status("GET / HTTP/1.1\r\nHost: 127.0.0.1:1"), "HTTP/1.1 403")
        XCTAssertEqual(try status("GET / HTTP/1.1"), "HTTP/1.1 400")
        XCTAssertEqual(try status("GET / HTTP/1.1\r\nHost: localhost:\(server.port)\r\nHost: evil.example"), "HTTP/1.1 400")
        XCTAssertEqual(try status("GET / HTTP/1.1\r\nHost: LOCALHOST:\(server.port)"), "HTTP/1.1 200")
        XCTAssertEqual(try status("GET / HTTP/1.1\r\nHost: [::1]:\(server.port)"), "HTTP/1.1 200")
        XCTAssertEqual(try status("GET / HTTP/1.0"), "HTTP/1.1 200")  // HTTP/1.0 may leave Host out
    }

    func testHostCheckNames() {
        let local = HostCheck(listening: "127.0.0.1", port: 8000)
        for host in ["localhost:8000", "127.0.0.1:8000", "[::1]:8000"] { XCTAssertTrue(local.accepts(host), host) }
        for host in [
            "localhost", "localhost:8001", "attacker.example:8000", "127.0.0.2:8000", "10.0.0.1:8000",
            "localhost.attacker.example:8000", "", ":8000",
        ] {
            XCTAssertFalse(local.accepts(host), host)
        }
        XCTAssertTrue(HostCheck(listening: "::1", port: 80).accepts("[::1]"))
        XCTAssertTrue(HostCheck(listening: "192.168.1.5", port: 8000).accepts("192.168.1.5:8000"))
        let any = HostCheck(listening: "0.0.0.0", port: 8000)
        XCTAssertTrue(any.accepts("192.168.1.5:8000"))
        XCTAssertFalse(any.accepts("rebound.example:8000"))
    }

    // MARK: Staying alive

    func testServerAnswersAndStopsPromptlyWithHostileConnectionsOpen() throws {
        var limits = self.limits
        limits.idleTimeout = .seconds(30)
        limits.headTimeout = .seconds(30)  // the hostile clients below are not timed out
        let server = try startServer(limits)
        var hostile: [Client] = []
        for index in 0..<8 {
            let client = try Client(port: server.port)
            client.send(index % 2 == 0 ? "GET /" + String(repeating: "a", count: 4000) : "GET / HTTP/1.1\r\nX: ")
            hostile.append(client)
        }
        let normal = try Client(port: server.port)
        normal.send("GET /ok HTTP/1.1\r\nHost: \(host(server))\r\nConnection: close\r\n\r\n")
        let answer = normal.readToEnd(within: .seconds(3))
        XCTAssertTrue(answer.text.hasPrefix("HTTP/1.1 200 OK\r\n"), answer.text)
        XCTAssertTrue(answer.text.hasSuffix("page /ok\n"), answer.text)

        let started = ContinuousClock.now
        server.stop()
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(1))
        for client in hostile { XCTAssertTrue(client.readToEnd(within: .seconds(1)).closed) }
        XCTAssertThrowsError(try Client(port: server.port), "still listening after stop()")
    }

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try startServer()
        defer { server.stop() }
        let client = try Client(port: server.port)
        client.send("GET /a HTTP/1.1\r\nHost: \(host(server))\r\n\r\nHEAD /b HTTP/1.1\r\nHost: \(host(server))\r\nConnection: close\r\n\r\n")
        let answer = client.readToEnd(within: .seconds(3))
        XCTAssertTrue(answer.closed)
        XCTAssertEqual(answer.text.components(separatedBy: "HTTP/1.1 200 OK").count, 3, answer.text)
        XCTAssertTrue(answer.text.contains("page /a\n"))
        XCTAssertFalse(answer.text.contains("page /b"), "HEAD answered with a body")
        XCTAssertTrue(answer.text.hasSuffix("Content-Length: 8\r\nConnection: close\r\n\r\n"), answer.text)
    }

    func testConnectionsBeyondTheLimitAre503() throws {
        var limits = self.limits
        limits.connections = 2
        limits.idleTimeout = .seconds(30)
        let server = try startServer(limits)
        defer { server.stop() }
        let held = try (0..<2).map { _ in try Client(port: server.port) }
        Thread.sleep(forTimeInterval: 0.2)  // both admitted
        let extra = try Client(port: server.port)
        XCTAssertTrue(extra.readToEnd(within: .seconds(3)).text.hasPrefix("HTTP/1.1 503 "))
        _ = held
    }
}

/// A raw loopback TCP client: sends bytes as they are, reads until the server closes.
private final class Client {
    let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(socket)
            throw NSError(domain: "connect", code: Int(errno))
        }
    }

    deinit { Glibc.close(socket) }

    /// Sends as much as the server takes within a few seconds (it may refuse mid-way).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var sent = 0
        let deadline = ContinuousClock.now + .seconds(3)
        while sent < bytes.count, ContinuousClock.now < deadline {
            let count = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if count > 0 { sent += count } else if errno == EAGAIN { usleep(1000) } else { return }
        }
    }

    var isClosedByPeer: Bool {
        var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN | POLLHUP) != 0
    }

    /// Everything received until the server closes (`closed`) or `within` passes.
    func readToEnd(within: Duration) -> (text: String, closed: Bool) {
        let deadline = ContinuousClock.now + within
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while ContinuousClock.now < deadline {
            var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return (String(decoding: data, as: UTF8.self), true) }
            data += chunk[..<count]
        }
        return (String(decoding: data, as: UTF8.self), false)
    }
}

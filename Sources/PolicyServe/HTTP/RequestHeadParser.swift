import Foundation

/// How much a client may send, and how slowly, before the preview server gives up on it.
/// The defaults are nginx's in spirit: a page's request is a few hundred bytes.
public struct HTTPServerLimits: Sendable {
    /// Longest request line (method, target, version), in bytes: longer is 414.
    public var requestLineBytes = 8 * 1024
    /// Longest whole head (request line and fields), in bytes: longer is 431.
    public var headBytes = 32 * 1024
    /// Most header fields: more is 431.
    public var headerFields = 100
    /// How long an open connection may wait for the first byte of a request.
    public var idleTimeout: Duration = .seconds(10)
    /// How long a request head may take to arrive once it has begun (slow-loris).
    public var headTimeout: Duration = .seconds(10)
    /// How long writing one answer may take (a client that never reads).
    public var writeTimeout: Duration = .seconds(10)
    /// Connections served at once; one more is answered 503 and closed.
    public var connections = 64

    public init() {}
    public static let standard = HTTPServerLimits()
}

/// Reads a request head out of the bytes received so far, enforcing the size limits while
/// the head is still incomplete — so a client streaming an endless line is refused as soon
/// as it passes the limit, not buffered.
struct RequestHeadParser {
    let limits: HTTPServerLimits
    /// Line breaks tolerated before a request line (a client's stray CRLF after a body).
    static let leadingBlankBytes = 8

    enum Outcome: Equatable {
        /// More bytes are needed.
        case incomplete
        /// A whole head, and how many bytes of the buffer it took.
        case complete(HTTPRequest, length: Int)
        /// Not a request we answer; the connection is answered with this status and closed.
        case rejected(HTTPStatus)
    }

    func parse(_ bytes: [UInt8]) -> Outcome {
        // RFC 9112 §2.2: empty lines before a request line are ignored — a few of them. They
        // count towards the head's size, so a client streaming line breaks is refused at the
        // limit like any other oversized head.
        var start = 0
        while start < bytes.count, bytes[start] == .cr || bytes[start] == .lf { start += 1 }
        if start > Self.leadingBlankBytes { return .rejected(.badRequest) }
        guard let lineEnd = bytes[start...].firstIndex(of: .lf) else {
            return bytes.count - start > limits.requestLineBytes ? .rejected(.uriTooLong) : .incomplete
        }
        let requestLine = trimmingCR(bytes[start..<lineEnd])
        guard requestLine.count <= limits.requestLineBytes else { return .rejected(.uriTooLong) }

        // The fields, line by line, up to the empty line that ends the head.
        var fields: [HTTPRequest.Field] = []
        var cursor = lineEnd + 1
        while true {
            guard let end = bytes[cursor...].firstIndex(of: .lf) else {
                return bytes.count - start > limits.headBytes ? .rejected(.headersTooLarge) : .incomplete
            }
            guard end + 1 - start <= limits.headBytes else { return .rejected(.headersTooLarge) }
            let line = trimmingCR(bytes[cursor..<end])
            cursor = end + 1
            if line.isEmpty { break }
            guard fields.count < limits.headerFields else { return .rejected(.headersTooLarge) }
            guard let field = Self.field(line) else { return .rejected(.badRequest) }
            fields.append(field)
        }
        switch Self.requestLine(requestLine) {
        case .invalid(let status): return .rejected(status)
        case .valid(let method, let target, let version):
            return .complete(HTTPRequest(method: method, target: target, version: version, headers: fields), length: cursor)
        }
    }

    private func trimmingCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == .cr ? line.dropLast() : line
    }

    enum RequestLine {
        case valid(method: String, target: String, version: String)
        case invalid(HTTPStatus)
    }

    /// `METHOD SP origin-form SP HTTP/1.x`, nothing else.
    static func requestLine(_ line: ArraySlice<UInt8>) -> RequestLine {
        let parts = line.split(separator: .space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
            parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7f })
        else { return .invalid(.badRequest) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { return .invalid(.badRequest) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .invalid(.versionNotSupported) }
        return .valid(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            version: version)
    }

    /// `name: value`; a name with spaces, a folded line or a control byte is a bad request.
    static func field(_ line: ArraySlice<UInt8>) -> HTTPRequest.Field? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = line[..<colon]
        let value = line[(colon + 1)...]
        guard !name.isEmpty, name.allSatisfy(isTokenByte),
            value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7f) })
        else { return nil }
        return HTTPRequest.Field(
            name: String(decoding: name, as: UTF8.self).lowercased(),
            value: String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
}

import Foundation

/// A request head as the preview server accepts it: a method, an origin-form target
/// (`/path?query`), HTTP/1.0 or 1.1, and its header fields. No body is ever read.
public struct HTTPRequest: Sendable, Equatable {
    public let method: String
    /// The request target exactly as sent, e.g. `/d/x/%E8%A7%A3%E8%AF%BB/?since=3`.
    public let target: String
    /// `HTTP/1.0` or `HTTP/1.1`.
    public let version: String
    /// Field names lower-cased, values trimmed, in the order sent.
    public let headers: [Field]

    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    public init(method: String, target: String, version: String = "HTTP/1.1", headers: [Field] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The target's path, still percent-encoded.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The query's items by name (the last wins), percent-decoded.
    public var query: [String: String] {
        guard let items = URLComponents(string: target)?.queryItems else { return [:] }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    }

    /// Every value of a field (names are case-insensitive).
    public func values(_ name: String) -> [String] {
        let name = name.lowercased()
        return headers.filter { $0.name == name }.map(\.value)
    }

    /// Whether the client asks to keep the connection open after the answer.
    var wantsKeepAlive: Bool {
        let tokens = values("connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Whether a body follows the head (the preview never reads one).
    var announcesBody: Bool {
        !values("transfer-encoding").isEmpty || values("content-length").contains { $0 != "0" }
    }
}

/// An answer: status, header fields and the whole body. The server adds `Content-Length`,
/// `Connection` and, for HEAD, leaves the body out.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(_ status: HTTPStatus, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer, in Chinese, for the server's own refusals.
    static func refusal(_ status: HTTPStatus) -> HTTPResponse {
        HTTPResponse(
            status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Data((status.explanation + "\n").utf8))
    }

    /// The bytes on the wire.
    func encoded(headOnly: Bool, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(head.utf8)
        if !headOnly { data.append(body) }
        return data
    }
}

/// The status codes the preview answers with.
public struct HTTPStatus: Sendable, Equatable {
    public let code: Int
    public let reason: String
    /// What the server's own refusals say in the body.
    let explanation: String

    public static let ok = HTTPStatus(code: 200, reason: "OK", explanation: "")
    public static let partialContent = HTTPStatus(code: 206, reason: "Partial Content", explanation: "")
    public static let movedPermanently = HTTPStatus(code: 301, reason: "Moved Permanently", explanation: "")
    public static let badRequest = HTTPStatus(code: 400, reason: "Bad Request", explanation: "请求格式不正确。")
    public static let forbidden = HTTPStatus(
        code: 403, reason: "Forbidden",
        explanation: "Host 不是本预览服务器的地址：请用终端里显示的预览地址访问。")
    public static let notFound = HTTPStatus(code: 404, reason: "Not Found", explanation: "")
    public static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed", explanation: "")
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout", explanation: "请求发送超时。")
    public static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long", explanation: "请求地址过长。")
    public static let rangeNotSatisfiable = HTTPStatus(
        code: 416, reason: "Range Not Satisfiable", explanation: "请求的字节范围不在文件之内。")
    public static let headersTooLarge = HTTPStatus(
        code: 431, reason: "Request Header Fields Too Large",
        explanation: "请求头过大。")
    public static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error", explanation: "")
    public static let serviceUnavailable = HTTPStatus(
        code: 503, reason: "Service Unavailable",
        explanation: "同时连接过多，请稍后再试。")
    public static let versionNotSupported = HTTPStatus(
        code: 505, reason: "HTTP Version Not Supported",
        explanation: "只支持 HTTP/1.0 和 HTTP/1.1。")

    public static func == (a: HTTPStatus, b: HTTPStatus) -> Bool { a.code == b.code }
}

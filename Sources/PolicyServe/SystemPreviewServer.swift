import Foundation
import PolicyCore
import PolicyKit
import PolicyLoad
import PolicyWrite

/// `policy serve library.yml`: the system site, built once in memory like `build` would
/// write it, served on a local address by the same HTTP server as the preview (its host
/// check and limits). It does not watch the sources: a bureau's content lives in its own
/// repository, which the system pulls from at `ref`; run the command again to see new
/// commits.
public final class SystemPreviewServer: @unchecked Sendable {
    private let server: PreviewHTTPServer
    private let host: String

    public init(files: [OutputFile], host: String, port: UInt16) throws {
        self.host = host
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        server = try PreviewHTTPServer(host: host, port: port) { request in
            Self.answer(request, files: byPath)
        }
    }

    /// Starts serving; returns the address to open.
    public func start() -> String {
        server.start()
        return PreviewServer.url(host: host, port: server.port)
    }

    public func stop() {
        server.stop(waiting: .milliseconds(500))
    }

    static func answer(_ request: HTTPRequest, files: [String: OutputFile]) -> HTTPResponse {
        func plain(_ status: HTTPStatus, _ text: String, extra: [(name: String, value: String)] = []) -> HTTPResponse {
            HTTPResponse(
                status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + extra,
                body: Data(text.utf8))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return plain(.methodNotAllowed, "只支持 GET 和 HEAD。\n", extra: [("Allow", "GET, HEAD")])
        }
        let resolution = (try? SiteFiles(lookup: { files[$0] }).resolve(request.path)) ?? .notFound
        switch resolution {
        case .redirect(let location):
            return HTTPResponse(.movedPermanently, headers: [("Location", location), ("Cache-Control", "no-store")], body: Data())
        case .notFound:
            return plain(.notFound, "找不到 \(request.path)\n")
        case .file(let path, let file):
            let bytes: [UInt8]?
            switch file.contents {
            case .text(let text): bytes = Array(text.utf8)
            case .data(let data): bytes = Array(data)
            case .bytes(let b): bytes = b
            case .copy(let source): bytes = ContentLoader.bytes(at: source)
            }
            guard let bytes else { return plain(.notFound, "找不到 \(request.path)\n") }
            return HTTPResponse(
                .ok, headers: [("Content-Type", SiteFiles.contentType(of: path)), ("Cache-Control", "no-store")],
                body: Data(bytes))
        }
    }
}

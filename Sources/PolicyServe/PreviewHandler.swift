import Foundation
import PolicyKit
import PolicyCore

/// Answers the preview's requests: the live-reload script and its long-poll, and the site's
/// files from memory — with the reload tag added to pages, or the error page instead of every
/// page while the content has errors. Nothing is cached by the browser.
struct PreviewHandler: Sendable {
    let site: PreviewSite

    /// Runs on the connection's own thread (the long-poll sleeps there).
    func handleRequest(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return response(
                .methodNotAllowed, "text/plain; charset=utf-8", Data("只支持 GET 和 HEAD。\n".utf8),
                extra: [("Allow", "GET, HEAD")])
        }
        let path = request.path
        switch path {
        case LiveReload.scriptPath:
            return response(.ok, "text/javascript; charset=utf-8", Data(LiveReload.script.utf8))
        case ErrorPage.stylesheetPath:
            return response(.ok, "text/css; charset=utf-8", Data(ErrorPage.stylesheet.utf8))
        case LiveReload.eventsPath:
            return events(since: request.query["since"].flatMap { Int($0) })
        default:
            return file(path, request)
        }
    }

    /// Long-poll: answers with the current generation as soon as it differs from `since`,
    /// or after `LiveReload.pollSeconds` with the same one.
    private func events(since: Int?) -> HTTPResponse {
        let deadline = ContinuousClock.now + .seconds(LiveReload.pollSeconds)
        while let since, site.generation == since, ContinuousClock.now < deadline, !site.isClosing {
            Thread.sleep(forTimeInterval: 0.1)
        }
        return response(.ok, "text/plain; charset=utf-8", Data("\(site.generation)\n".utf8))
    }

    private func file(_ path: String, _ request: HTTPRequest) -> HTTPResponse {
        // One generation's pages for the whole request, so that a page and its reload tag
        // always belong together.
        let pages = site.live.pages
        let generation = pages.generation
        let wantsPage = SiteFiles.isPage(path)
        switch pages.status {
        case .contentErrors(let diagnostics) where wantsPage:
            return response(
                .internalServerError, "text/html; charset=utf-8",
                Data(ErrorPage.html(diagnostics: diagnostics, generation: generation).utf8))
        case .failed(let why) where wantsPage:
            return response(
                .internalServerError, "text/html; charset=utf-8",
                Data(ErrorPage.html(failure: why, generation: generation).utf8))
        default: break
        }
        // While the content has errors, the last good site's assets stay available (the error
        // page and a page still open keep their look).
        let source = pages.status.isShowable ? pages : site.lastGood ?? pages
        let resolution: SiteFiles.Resolution
        do {
            resolution = try SiteFiles(lookup: source.file).resolve(path)
        } catch {
            return response(
                .internalServerError, "text/html; charset=utf-8",
                Data(ErrorPage.html(failure: "\(error)", generation: generation).utf8))
        }
        switch resolution {
        case .redirect(let location):
            return response(.movedPermanently, "text/plain; charset=utf-8", Data(), extra: [("Location", location)])
        case .notFound:
            let page = wantsPage ? notFoundPage(generation: generation) : "找不到 \(path)\n"
            return response(.notFound, wantsPage ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", Data(page.utf8))
        case .file(let sitePath, let file):
            guard let bytes = source.bytes(of: file) else {
                return response(.notFound, "text/plain; charset=utf-8", Data("找不到 \(path)\n".utf8))
            }
            let type = SiteFiles.contentType(of: sitePath)
            if type.hasPrefix("text/html") {
                return response(.ok, type, Data(LiveReload.inject(into: String(decoding: bytes, as: UTF8.self), generation: generation).utf8))
            }
            // Other files by range when asked (the search index's packed files: ranges.js).
            if let header = request.values("range").first, let ranges = ByteRanges(header: header, size: bytes.count) {
                return ranges.response(body: Data(bytes), type: type, headers: [("Cache-Control", "no-store")])
            }
            return response(.ok, type, Data(bytes), extra: [("Accept-Ranges", "bytes")])
        }
    }

    private func notFoundPage(generation: Int) -> String {
        LiveReload.inject(
            into: """
                <!doctype html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>找不到此页面</title></head>
                <body><h1>找不到此页面</h1><p><a href="/">返回首页</a></p></body>
                </html>

                """, generation: generation)
    }

    private func response(
        _ status: HTTPStatus, _ type: String, _ body: Data,
        extra: [(name: String, value: String)] = []
    ) -> HTTPResponse {
        HTTPResponse(status, headers: [("Content-Type", type), ("Cache-Control", "no-store")] + extra, body: body)
    }
}

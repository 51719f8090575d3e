import ArgumentParser
import Foundation
import PolicyKit
import PolicyServe
import PolicyCore
import PolicyReport

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "本地预览：生成网站并在浏览器中查看，修改内容或主题后自动更新并刷新页面。",
        discussion: """
            网站只保存在内存中，不写入 site/ 或任何临时目录。保存文件后只重新读取、检查和生成改动涉及的部分。内容有错误时，浏览器中每个页面都显示错误列表，修正后自动恢复。按 Ctrl-C 退出。
            Keeps the site in memory (nothing is written), watches content/ and theme/ (inotify on Linux, else polling), re-reads and re-checks only what changed, renders pages on request and reloads open pages.
            """)

    @OptionGroup var content: ContentOptions

    @Option(help: "端口；0 表示任选一个空闲端口。")
    var port: UInt16 = 8000

    @Option(help: "监听地址；默认只允许本机访问。")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("as-of"), help: "按此日期（YYYY-MM-DD）计算时效性；默认为站点时区的今天。")
    var asOf: CalendarDate?

    @Option(help: "主题目录。默认使用内容目录旁的 theme/（如存在）。")
    var theme: String?

    func run() async throws {
        if content.isSystemLibrary { return try await serveSystem() }
        guard FileManager.default.fileExists(atPath: content.url.path) else {
            throw ValidationError(PolicyError.contentNotFound(content.display).description)
        }
        // Caught from the start: a Ctrl-C or SIGTERM during the first build stops the server
        // once that build is done.
        let stop = StopSignal.install()
        let themeFolder = content.themeFolder(theme)
        let explicit = theme != nil
        let site = PreviewSite(
            options: .init(
                content: content.url, displayRoot: content.display,
                theme: { explicit || FileManager.default.fileExists(atPath: themeFolder.path) ? themeFolder : nil },
                asOf: asOf))
        do { try PreviewServer.validate(host: host) } catch let error as PreviewError { throw ValidationError(error.description) }
        let server: PreviewServer
        let url: String
        do {
            server = try PreviewServer(site: site, host: host, port: port, watch: [content.url, themeFolder]) { line in
                say(line)
            }
            url = try await server.start()
        } catch let error as PreviewError {
            printError("\(error.description)\n")
            throw ExitCode(1)
        }
        say("预览地址：\(url)")
        // As typed: `theme/` beside `content/`, or the --theme folder.
        let watched = theme ?? (content.display.contains("/") ? (content.display as NSString).deletingLastPathComponent + "/theme/" : "theme/")
        say("正在监视 \(content.display)/ 和 \(watched)（\(server.watching)），保存后自动更新并刷新页面；按 Ctrl-C 退出。")
        _ = await stop.wait()
        say("正在停止…")
        await server.stop()
        say("已停止。")
    }
}

extension ServeCommand {
    /// `policy serve library.yml`: the system site built once in memory and served; run it
    /// again to see new commits of the sources.
    private func serveSystem() async throws {
        do { try PreviewServer.validate(host: host) } catch let error as PreviewError { throw ValidationError(error.description) }
        let stop = StopSignal.install()
        let (checked, files) = try SystemPipeline.preview(
            manifest: content.url, displayPath: content.display, asOf: asOf, themeDirectory: content.themeDirectory(theme),
            now: ProcessEnvironment.now)
        for rejected in checked.rejected {
            printError("来源“\(rejected.source)”的提交 \(rejected.commit.prefix(12)) 未通过检查，预览使用 library.lock 中的提交。\n")
        }
        if checked.hasErrors {
            printError(DiagnosticFormat.text.render(checked.diagnostics))
            printError("系统文件库有错误，无法预览：请先修正上述错误。\n")
            throw ExitCode(1)
        }
        let server: SystemPreviewServer
        do { server = try SystemPreviewServer(files: files, host: host, port: port) } catch let error as PreviewError {
            printError("\(error.description)\n")
            throw ExitCode(1)
        }
        say("预览地址：\(server.start())")
        say("系统文件库：\(checked.sources.count) 个来源，\(files.count) 个文件；不监视改动，各来源有新提交时请重新运行。按 Ctrl-C 退出。")
        _ = await stop.wait()
        server.stop()
        say("已停止。")
    }
}

/// One line to standard output, flushed at once (the output is often a pipe: an editor's
/// task panel, or a test reading the URL).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyReport

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "检查后生成静态网站；有错误时不生成，原网站保持不变。")

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: "输出目录。")
    var out: String = "site"

    @Option(name: .customLong("as-of"), help: "按此日期（YYYY-MM-DD）计算时效性；默认为站点时区的今天。")
    var asOf: CalendarDate?

    @Option(help: "主题目录：其中的模板和样式逐个覆盖内置主题。默认使用内容目录旁的 theme/（如存在）。")
    var theme: String?

    @Option(help: "诊断输出格式：text、json 或 github。")
    var format: DiagnosticFormat = .text

    func run() throws {
        let options = Pipeline.BuildOptions(
            output: URL(fileURLWithPath: out), asOf: asOf, themeDirectory: themeDirectory,
            environment: ProcessEnvironment.run)
        if content.isSystemLibrary { return try buildSystem(options) }
        let outcome: Pipeline.Outcome
        do {
            outcome = try Pipeline.buildIfChanged(content: content.url, displayRoot: content.display, options: options)
        } catch PolicyError.outputRefused(let why) {
            printError(why + "\n")
            throw ExitCode(64)
        }
        switch outcome {
        case .unchanged(let diagnostics, let documents, let files, let asOf):
            if !diagnostics.isEmpty { printError(format.render(diagnostics)) }
            print("内容、主题和时效性计算日期（\(asOf)）均未变化：\(out)/ 已是最新（\(documents) 件文件，\(files) 个输出文件）。")
        case .built(let built):
            let diagnostics = built.checked.diagnostics
            if built.checked.hasErrors {
                printError(format.render(diagnostics))
                printError("未生成网站：请先修正上述错误。\(out)/ 保持原样。\n")
                throw ExitCode(1)
            }
            if !diagnostics.isEmpty { printError(format.render(diagnostics)) }
            print("已生成 \(out)/：\(built.publishedDocumentCount) 件文件，\(built.fileCount) 个输出文件，时效性计算日期 \(built.asOf)。")
        }
    }

    private var themeDirectory: URL? { content.themeDirectory(theme) }

    /// `policy build library.yml`: every bureau's source through its own gate, one site.
    private func buildSystem(_ options: Pipeline.BuildOptions) throws {
        let built: SystemPipeline.Built
        do {
            built = try SystemPipeline.build(manifest: content.url, displayPath: content.display, options: options)
        } catch PolicyError.outputRefused(let why) {
            printError(why + "\n")
            throw ExitCode(64)
        }
        let checked = built.checked
        // A commit that failed while its locked commit stands in: its findings, by source.
        for rejected in checked.rejected {
            printError("来源“\(rejected.source)”的提交 \(rejected.commit.prefix(12)) 未通过检查，未发布；它的问题如下：\n")
            printError(format.render(rejected.diagnostics))
        }
        if !checked.diagnostics.isEmpty { printError(format.render(checked.diagnostics)) }
        SystemReportText.sources(checked).map(printError)
        if checked.hasErrors {
            printError("未生成网站：请先修正上述错误。\(out)/ 保持原样。\n")
            throw ExitCode(1)
        }
        print("已生成 \(out)/：\(checked.sources.count) 个来源，\(built.publishedDocumentCount) 件文件，\(built.fileCount) 个输出文件，时效性计算日期 \(checked.asOf)。")
    }
}

import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyCheck
import PolicyReport
import PolicyLoad

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查内容是否符合发布规则（CI 门禁）。",
        discussion: "Exit status 1 when any error is found (or any warning with --strict), 0 otherwise.")

    @OptionGroup var content: ContentOptions

    @Option(help: "输出格式：text、json 或 github（GitHub/Gitea Actions 注释）。")
    var format: DiagnosticFormat = .text

    @Flag(help: "警告也视为失败。")
    var strict = false

    @Option(
        name: .customLong("changed-since"),
        help: ArgumentHelp(
            "只对自该 git 提交（分支、标签）以来改动或新增的文件夹运行逐文件规则；引用、重复、循环等全库规则仍检查全部内容。",
            valueName: "REF"))
    var changedSince: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "按此日期（YYYY-MM-DD）判断定时发布：发布日期在其后的文件、解读、清理结果列为“定时发布”；默认为站点时区的今天。",
            valueName: "DATE"))
    var asOf: CalendarDate?

    func run() throws {
        if content.isSystemLibrary {
            if changedSince != nil { throw ValidationError("--changed-since 只用于单个内容目录，不用于 library.yml。") }
            let checked = try SystemPipeline.check(
                manifest: content.url, displayPath: content.display, asOf: asOf, now: ProcessEnvironment.now, strict: true)
            var diagnostics = checked.diagnostics
            for rejected in checked.rejected { diagnostics += rejected.diagnostics }
            print(format.render(diagnostics.sortedForReport()), terminator: "")
            SystemReportText.sources(checked).map(printError)
            if diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0) { throw ExitCode(1) }
            return
        }
        let checked = try Pipeline.check(
            content: content.url, displayRoot: content.display, asOf: asOf,
            now: ProcessEnvironment.now)
        var diagnostics = checked.diagnostics
        if let changedSince {
            let changed: ChangedContent
            do { changed = ChangedContent(paths: try GitChanges.since(changedSince, content: content.url)) } catch let error as GitChangesError {
                throw ValidationError(error.description)
            }
            diagnostics = changed.filter(diagnostics, displayRoot: checked.raw.displayRoot)
            // On stderr, so that --format json stays clean.
            printError(
                changed.touchesSettings
                    ? "site.yml 或 calendar.yml 自 \(changedSince) 以来有改动：检查全部内容。\n"
                    : "自 \(changedSince) 以来改动的文件夹 \(changed.bundles.count) 个；逐文件规则只检查这些文件夹，全库规则检查全部内容。\n")
        }
        print(format.render(diagnostics), terminator: "")
        let fails = diagnostics.errorCount > 0 || (strict && diagnostics.warningCount > 0)
        if fails { throw ExitCode(1) }
    }
}

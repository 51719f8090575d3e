import ArgumentParser
import Foundation
import PolicyKit

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

    func run() throws {
        let checked = try Pipeline.check(content: content.url, displayRoot: content.display)
        print(format.render(checked.diagnostics), terminator: "")
        let fails = checked.hasErrors || (strict && checked.diagnostics.warningCount > 0)
        if fails { throw ExitCode(1) }
    }
}

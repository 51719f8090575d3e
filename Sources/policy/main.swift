import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyLoad

/// `policy`: checks a content repository of policy documents and builds its library site.
struct Policy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "检查并发布规章、行政规范性文件及其政策解读。",
        discussion: "Checks a content folder of policy documents (the publishing gate) and builds the static library site.",
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, BuildCommand.self, ServeCommand.self, DiffCommand.self, ReportCommand.self, NewCommand.self,
            QACommand.self, RulesCommand.self, SearchAnswersCommand.self,
        ],
        defaultSubcommand: CheckCommand.self)
}

/// AsyncParsableCommand's entry point, which `policy serve` needs: in top-level code a plain
/// `Policy.main()` resolves to the synchronous one, which cannot run async subcommands.
func runAsync<Command: AsyncParsableCommand>(_ command: Command.Type) async { await command.main() }

StageClock.enabled = ProcessEnvironment.timings
PDFText.tool = ProcessEnvironment.executable("pdftotext")
await runAsync(Policy.self)

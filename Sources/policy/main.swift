import ArgumentParser
import Foundation
import PolicyKit

/// `policy`: checks a content repository of policy documents and builds its library site.
struct Policy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "检查并发布规章、行政规范性文件及其政策解读。",
        discussion: "Checks a content folder of policy documents (the publishing gate) and builds the static library site.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, BuildCommand.self, NewCommand.self, RulesCommand.self],
        defaultSubcommand: CheckCommand.self)
}

Policy.main()

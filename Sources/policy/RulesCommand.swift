import ArgumentParser
import PolicyKit
import PolicyCore
import PolicyCheck
import PolicyReport

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出全部检查规则，或说明一条规则。",
        discussion: "`policy rules --markdown` prints the table kept in docs/rules.md.")

    @Argument(help: "规则代码或名称，例如 PI001 或 interpretation-required。")
    var code: String?

    @Flag(help: "以 Markdown 表格输出（docs/rules.md）。")
    var markdown = false

    func run() throws {
        if let code {
            guard let rule = RuleRegistry.rule(code: code) else {
                throw ValidationError("没有规则 \(code)。运行 policy rules 查看全部规则。")
            }
            let d = rule.descriptor
            print("\(d.code) \(d.name) (\(d.severity.chinese))\n\(d.summary)\n修改方法：\(d.fix)")
            return
        }
        print(markdown ? RuleTable.markdown() : RuleTable.text(), terminator: "")
    }
}

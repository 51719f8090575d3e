import ArgumentParser
import Foundation
import PolicyCore
import PolicyKit
import PolicyLoad
import PolicyModel
import PolicyReport
import PolicyWrite

/// `policy qa`: the Q&A library's own commands.
struct QACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "政策问答库：导入12345热线、省长信箱等渠道的问答。",
        subcommands: [QAImportCommand.self])
}

/// `policy qa import FILE --channel 12345热线`: one CSV or XLSX export becomes one batch file of
/// standalone entries in `content/qa/`, personal data masked and reported by row, and the
/// gate's findings about it printed (`--dry-run` only prints).
struct QAImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把热线、信箱等系统导出的 CSV 或 XLSX 表格导入为问答批量文件（content/qa/<批次>.yml），并隐去其中的个人信息。",
        discussion: """
            按表头识别各列：问题（或 来信内容、诉求内容…）、答复（或 答复内容、回复内容…）、答复日期 为必需列；
            答复单位、主题、涉及文件、编号 可选。手机号、身份证号、银行卡号、电子邮箱，以及“姓名：”“来电人：”“住址：”后的内容
            一律隐去，并逐行报告。导入后按发布规则检查新文件并列出问题；--dry-run 只检查、不写文件。
            Exit status 1 when the gate finds an error in the imported entries.
            """)

    @Argument(help: "导出的 CSV（UTF-8）或 XLSX 文件（读第一个工作表）。", completion: .file())
    var file: String

    @Option(help: "来源渠道：12345热线、省长信箱、网站留言、窗口咨询、解读问答 或 其他。")
    var channel: String

    @Option(help: "内容目录。")
    var content: String = "content"

    @Option(help: "批次名（文件名，不含 .yml），默认为“渠道代码-今天日期”。")
    var batch: String?

    @Flag(name: .customLong("dry-run"), help: "不写任何文件，只显示将导入的问答、隐去的个人信息和检查结果。")
    var dryRun = false

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("按此日期（YYYY-MM-DD）检查；默认为站点时区的今天。", valueName: "DATE"))
    var asOf: CalendarDate?

    func run() throws {
        guard let channel = QuestionChannel(alias: channel) else {
            throw ValidationError(
                "未知的来源渠道“\(self.channel)”：可用 \(QuestionChannel.allCases.map(\.rawValue).joined(separator: "、"))。")
        }
        let root = URL(fileURLWithPath: content)
        let display = content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content
        let site = SiteConfig((try? ContentLoader(root: root, displayRoot: display).loadSettings())??.frontMatter)
        let today = asOf ?? CalendarDate.today(in: site.timeZone, now: ProcessEnvironment.now)
        let name = batch ?? "\(channel.code)-\(today)"
        guard BundleID.isWellFormed(name) else {
            throw ValidationError("批次名“\(name)”不可用：只用小写英文字母、数字和连字符。")
        }
        let imported: QuestionImport
        do {
            imported = try QuestionImport(sheet: try QuestionSheet.read(file), channel: channel, batch: name)
        } catch let error as PolicyError {
            throw ValidationError(error.description)
        }
        let relativePath = "qa/\(name).yml"
        let text = imported.yaml(source: URL(fileURLWithPath: file).lastPathComponent, today: today)

        print("读取 \(file)：\(imported.entries.count) 条问答，渠道 \(channel.rawValue)。")
        for m in imported.maskings {
            print("  第 \(m.row) 行“\(m.column)”列：隐去\(m.kind)，写作 \(m.masked)")
        }
        if imported.maskings.isEmpty { print("  未发现需要隐去的个人信息。") }

        let findings = try QuestionImport.check(
            content: root, displayRoot: display, batch: relativePath, text: text, asOf: today,
            now: ProcessEnvironment.now)
        if dryRun {
            print("（试运行，未写入文件）将写入 \(display)/\(relativePath)。检查结果：")
        } else {
            switch try NewQuestionBatchFile.create(text, at: root.appendingPathComponent(relativePath)) {
            case .written: print("已写入 \(display)/\(relativePath)。检查结果：")
            case .exists:
                throw ValidationError("\(display)/\(relativePath) 已存在，未写入：请用 --batch 指定新的批次名。")
            }
        }
        print(findings.isEmpty ? "  未发现问题。" : DiagnosticFormat.text.render(findings), terminator: findings.isEmpty ? "\n" : "")
        if findings.errorCount > 0 { throw ExitCode(1) }
    }
}

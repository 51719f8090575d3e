import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建一个文件文件夹：正式文本和解读草稿，日期默认为今天。",
        discussion: """
            在终端中运行时，缺少的信息会逐项询问（标题、类型、文号、日期、起草处室）；在脚本或 CI 中请用参数给出。
            Interactive when standard input is a terminal and something is missing; otherwise flags only.
            """)

    @Argument(help: "类型：regulation（规章）、normative（行政规范性文件）或 policy（其他政策文件）。")
    var kind: String?

    @Argument(help: "编号（文件夹名，也是网址）：小写英文字母、数字和连字符，如 2026-food-labels。")
    var id: String?

    @Option(help: "内容目录。")
    var content: String = "content"

    @Option(help: "文件标题。") var title: String?
    @Option(help: "文号（规章填令号）。") var number: String?
    @Option(help: "起草处室。") var office: String?
    @Option(help: "成文日期 YYYY-MM-DD，默认今天。") var signed: CalendarDate?
    @Option(help: "发布日期 YYYY-MM-DD，默认今天。") var published: CalendarDate?
    @Option(help: "施行日期 YYYY-MM-DD，默认同发布日期。") var effective: CalendarDate?
    @Option(help: "有效期至 YYYY-MM-DD（行政规范性文件），默认为允许的最长期限。") var expires: CalendarDate?

    func run() throws {
        let root = URL(fileURLWithPath: content)
        let site = (try? Pipeline.check(content: root))?.library.site ?? SiteConfig()
        let today = CalendarDate.today(in: site.timeZone, now: ProcessEnvironment.now)
        var fields = BundleScaffold.Fields(
            title: title, number: number, office: office, signed: signed,
            published: published, effective: effective, expires: expires)
        let kind: DocumentKind, id: String
        if Prompter.isInteractive && needsAnswers {
            do { (kind, id) = try ask(into: &fields, today: today, site: site, root: root) } catch is Prompter.Cancelled {
                printError("已取消，未创建任何文件。\n")
                throw ExitCode(1)
            }
        } else {
            guard let kindText = self.kind, let given = self.id else {
                throw ValidationError("请给出类型和编号，如：policy new normative 2026-food-labels --title 标题 --number 文号 --office 处室（在终端中运行时会逐项询问）。")
            }
            guard let parsed = DocumentKind(alias: kindText) else { throw unknownKind(kindText) }
            (kind, id) = (parsed, given)
        }
        let scaffold = BundleScaffold(kind: kind, id: id, today: today, site: site, fields: fields)
        do {
            let folder = try scaffold.write(into: root)
            print(nextSteps(scaffold, folder: folder))
        } catch let error as ScaffoldError {
            throw ValidationError(error.description)
        }
    }

    /// Whether anything a document needs was left out of the flags.
    private var needsAnswers: Bool {
        kind == nil || id == nil || title == nil || office == nil || (number == nil && kind.flatMap(DocumentKind.init(alias:))?.requiresNumber != false)
    }

    private func unknownKind(_ text: String) -> ValidationError {
        ValidationError("未知类型“\(text)”。可用：regulation、normative、policy（或 规章、行政规范性文件、其他政策文件）。")
    }

    /// Asks for what the flags left out, in the order a document's header reads.
    private func ask(
        into fields: inout BundleScaffold.Fields, today: CalendarDate, site: SiteConfig,
        root: URL
    ) throws -> (DocumentKind, String) {
        let prompt = Prompter()
        Prompter.write("新建文件：逐项填写，直接回车采用方括号中的默认值。\n")
        let kind: DocumentKind
        if let given = self.kind, let parsed = DocumentKind(alias: given) {
            kind = parsed
        } else {
            Prompter.write("类型：1 规章　2 行政规范性文件　3 其他政策文件\n")
            kind = try prompt.ask("类型", default: "2", Prompter.kind)
        }
        let id =
            try self.id
            ?? prompt.ask("编号（文件夹名，也是网址）", hint: "小写英文字母、数字和连字符，如 \(today.year)-food-labels") { answer in
                guard BundleID.isWellFormed(answer) else {
                    return .failure(.init("只能使用小写英文字母、数字和连字符（-），如 \(today.year)-food-labels。"))
                }
                let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(kind.folder).appendingPathComponent(answer).path)
                return exists ? .failure(.init("\(kind.folder)/\(answer) 已存在，请换一个编号。")) : .success(answer)
            }
        if fields.title == nil { fields.title = try prompt.ask("标题", Prompter.required("标题")) }
        if fields.number == nil {
            switch kind {
            case .regulation: fields.number = try prompt.ask("令号", hint: "如 示例省人民政府令第1号", Prompter.required("令号"))
            case .normative: fields.number = try prompt.ask("文号", hint: "如 示市监规〔\(today.year)〕1号", Prompter.required("文号"))
            case .policy: fields.number = try prompt.ask("文号", hint: "没有可直接回车", Prompter.optional)
            }
        }
        if fields.office == nil { fields.office = try prompt.ask("起草处室", Prompter.required("起草处室")) }
        if fields.signed == nil { fields.signed = try prompt.ask("成文日期", default: today.description, Prompter.date) }
        if fields.published == nil {
            fields.published = try prompt.ask("发布日期", default: max(today, fields.signed!).description, Prompter.date)
        }
        if fields.effective == nil { fields.effective = try prompt.ask("施行日期", default: fields.published!.description, Prompter.date) }
        if kind == .normative && fields.expires == nil {
            let longest = BundleScaffold(kind: kind, id: id, today: today, site: site, fields: fields).expires!
            fields.expires = try prompt.ask("有效期至", default: longest.description, Prompter.date)
        }
        return (kind, id)
    }

    private func nextSteps(_ scaffold: BundleScaffold, folder: URL) -> String {
        let relative = "\(content.hasSuffix("/") ? String(content.dropLast()) : content)/\(scaffold.kind.folder)/\(scaffold.id)"
        var lines = ["已创建 \(relative)/", "  index.md  正式文本", "  解读.md   政策解读草稿（与文件同日发布）", "", "下一步："]
        var step = 1
        func add(_ text: String) { lines.append("  \(step). \(text)"); step += 1 }
        if !scaffold.placeholders.isEmpty { add("在 index.md 中填写：\(scaffold.placeholders.joined(separator: "、"))") }
        add("在 index.md 中录入正文（替换“请在此录入正式文本”），填写 topics 和 keywords")
        add("在 解读.md 中按小标题填写解读内容（替换“请填写”）；其他形式的解读见 docs/content-format.md")
        add("运行 policy check \(content) 检查，policy serve \(content) 预览")
        add("提交：git add \(relative) && git commit")
        return lines.joined(separator: "\n")
    }
}

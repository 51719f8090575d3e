import ArgumentParser
import Foundation
import PolicyKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "新建一个文件文件夹：正式文本和解读草稿，日期为今天。")

    @Argument(help: "类型：regulation（规章）、normative（行政规范性文件）或 policy（其他政策文件）。")
    var kind: String

    @Argument(help: "编号（文件夹名，也是网址）：小写英文字母、数字和连字符，如 2026-food-labels。")
    var id: String

    @Option(help: "内容目录。")
    var content: String = "content"

    func run() throws {
        guard let kind = DocumentKind(alias: kind) else {
            throw ValidationError("未知类型“\(kind)”。可用：regulation、normative、policy（或 规章、行政规范性文件、其他政策文件）。")
        }
        let root = URL(fileURLWithPath: content)
        let checked = try? Pipeline.check(content: root)
        let site = checked?.library.site ?? SiteConfig()
        let scaffold = BundleScaffold(kind: kind, id: id, today: CalendarDate.today(in: site.timeZone), site: site)
        do {
            let folder = try scaffold.write(into: root)
            print("""
            已创建 \(folder.path)/
              index.md  正式文本：填写标题、文号、处室和日期，录入正文
              解读.md   政策解读：与文件同日发布，按小标题填写
            下一步：编辑后运行 policy check \(content) 检查，再提交。
            """)
        } catch let error as ScaffoldError {
            throw ValidationError(error.description)
        }
    }
}

import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyModel
import PolicyReport

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "新旧对照：逐条比较两个版本的正文（按内容对齐条文，条内逐字标出改动）。",
        discussion: """
            OLD and NEW are document ids (bundle folder names) or paths to Markdown files. With one id, \
            the document is compared with the version it supersedes. Colours are used only when standard \
            output is a terminal (and NO_COLOR is unset); otherwise changes are marked [-deleted-] and {+inserted+}.
            """)

    @Argument(help: "原文件编号（或 Markdown 文件路径）；只给一个编号时，与其修订的上一版本比较。")
    var old: String

    @Argument(help: "新文件编号（或 Markdown 文件路径）。")
    var new: String?

    @Option(help: "内容目录。")
    var content: String = "content"

    @Flag(help: "同时输出未修改条文的全文。")
    var all = false

    @Option(help: "颜色：auto（终端时使用）、always 或 never。")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument { case auto, always, never }

    func run() throws {
        let checked = try? Pipeline.check(content: URL(fileURLWithPath: content))
        let library = checked?.library
        let (oldText, oldTitle, newText, newTitle): (String, String, String, String)
        if let new {
            (oldText, oldTitle) = try text(of: old, in: library)
            (newText, newTitle) = try text(of: new, in: library)
        } else {
            guard let library, let document = library.document(old) else {
                throw ValidationError("在 \(content)/ 中找不到文件 \(old)。")
            }
            guard let previous = document.supersedes.compactMap(library.document).first else {
                throw ValidationError("\(old) 没有修订的上一版本（supersedes）；请给出两个编号：policy diff OLD NEW。")
            }
            (oldText, oldTitle) = (previous.body, label(previous))
            (newText, newTitle) = (document.body, label(document))
        }
        let useColor: Bool =
            switch color {
            case .always: true
            case .never: false
            case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
        let diff = ArticleDiff(old: oldText, new: newText)
        print(
            ComparisonText(diff: diff, oldTitle: oldTitle, newTitle: newTitle, color: useColor, showUnchanged: all).render(),
            terminator: "")
    }

    /// A document's body by id, else a Markdown file's body (front matter removed).
    private func text(of name: String, in library: Library?) throws -> (String, String) {
        if let document = library?.document(name) { return (document.body, label(document)) }
        var path = name
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path += "/index.md"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("找不到 \(name)：既不是 \(content)/ 中的文件编号，也不是可读的 Markdown 文件。")
        }
        return (DiffCommand.body(String(decoding: data, as: UTF8.self)), name)
    }

    private func label(_ d: Document) -> String { d.quotedTitle + (d.number.map { "（\($0)）" } ?? "") }

    /// The text after a leading `---` front-matter block.
    static func body(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }
}

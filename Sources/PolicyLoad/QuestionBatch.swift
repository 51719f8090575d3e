import Yams
import PolicyCore

/// One `content/qa/<batch>.yml`: a YAML list of Q&A entries as a hotline or mailbox system
/// exported them (one file per export). Each entry is read like front matter, with its own
/// positions, so a finding names the entry's line in the batch file.
public struct QuestionBatch: Sendable {
    /// `qa/<batch>.yml`, relative to the content folder.
    public let relativePath: String
    /// As shown in diagnostics: `content/qa/<batch>.yml`.
    public let displayPath: String
    /// The whole file as read (CRLF folded, BOM dropped): the privacy review reads its lines.
    public let text: String
    /// The entries that are mappings, in file order.
    public let entries: [FrontMatter]
    /// Where list items that are not mappings are (a bare string, a nested list).
    public let misplaced: [SourceLocation]
    /// Why the file could not be read as a list (a YAML error, a mapping at the top), if so.
    public let error: FrontMatterError?

    public init(relativePath: String, displayPath: String, text rawText: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        var text = rawText.contains("\r") ? rawText.replacingOccurrences(of: "\r\n", with: "\n") : rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.text = text
        var entries: [FrontMatter] = []
        var misplaced: [SourceLocation] = []
        var problem: FrontMatterError?
        do {
            try YAMLSizeGuard.check(text)
            switch try Yams.compose(yaml: text, .basic, .default, .utf8) {
            case .sequence(let items)?:
                for item in items {
                    if let mapping = item.mapping {
                        entries.append(FrontMatter(mapping: mapping, firstLine: 1, file: displayPath))
                    } else {
                        misplaced.append(
                            SourceLocation(file: displayPath, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1))
                    }
                }
            case nil:
                break
            default:
                problem = .notAMapping
            }
        } catch let e as YamlError {
            problem = .syntax(FrontMatterError.describe(e, lineOffset: 0))
        } catch let e as YAMLSizeGuard.TooLarge {
            problem = .syntax((line: e.line, column: e.column, problem: "锚点和别名（& 与 *）展开后过大，未读取"))
        } catch {
            problem = .syntax((line: 1, column: 1, problem: "\(error)"))
        }
        self.entries = entries
        self.misplaced = misplaced
        self.error = problem
    }

    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}

import Foundation
import Yams

/// One Markdown file of the content, split into YAML front matter and body, with the line
/// offsets needed to turn positions inside either part back into file positions.
public struct SourceFile: Sendable {
    /// Path relative to the content folder, `/`-separated (`normative/x/index.md`).
    public let relativePath: String
    /// Path as shown in diagnostics (`content/normative/x/index.md`).
    public let displayPath: String
    /// The front matter, or nil when there is none or it does not parse (see `frontMatterError`).
    public let frontMatter: FrontMatter?
    public let frontMatterError: FrontMatterError?
    /// The Markdown after the closing `---`.
    public let body: String
    /// The file line on which `body` starts (1-based).
    public let bodyFirstLine: Int

    public func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }

    /// Splits `text` at its `---` fences and composes the YAML with Yams, keeping marks.
    public init(relativePath: String, displayPath: String, text rawText: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        // CRLF files from Windows editors and a leading BOM are accepted as they are.
        var text = rawText.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
            frontMatter = nil
            frontMatterError = .missing
            body = text
            bodyFirstLine = 1
            return
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = lines[$0].trimmingCharacters(in: .whitespaces)
            return l == "---" || l == "..."
        }) else {
            frontMatter = nil
            frontMatterError = .unclosed
            body = ""
            bodyFirstLine = lines.count + 1
            return
        }
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyFirstLine = close + 2
        (frontMatter, frontMatterError) = SourceFile.compose(lines[1..<close].joined(separator: "\n"),
                                                              firstLine: 2, file: displayPath)
    }

    /// A settings file (`site.yml`) that is YAML from its first line.
    public init(relativePath: String, displayPath: String, yaml: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        body = ""
        bodyFirstLine = 1
        (frontMatter, frontMatterError) = SourceFile.compose(yaml, firstLine: 1, file: displayPath)
    }

    private static func compose(_ yaml: String, firstLine: Int, file: String) -> (FrontMatter?, FrontMatterError?) {
        do {
            switch try Yams.compose(yaml: yaml) {
            case .mapping(let mapping)?:
                return (FrontMatter(mapping: mapping, firstLine: firstLine, file: file), nil)
            case nil:
                return (FrontMatter(mapping: Node.Mapping([]), firstLine: firstLine, file: file), nil)
            default:
                return (nil, .notAMapping)
            }
        } catch let error as YamlError {
            return (nil, .syntax(FrontMatterError.describe(error, lineOffset: firstLine - 1)))
        } catch {
            return (nil, .syntax((line: firstLine, column: 1, problem: "\(error)")))
        }
    }
}

/// Why a file's front matter could not be read.
public enum FrontMatterError: Sendable, Equatable {
    case missing
    case unclosed
    case notAMapping
    case syntax((line: Int, column: Int, problem: String))

    public static func == (a: FrontMatterError, b: FrontMatterError) -> Bool {
        switch (a, b) {
        case (.missing, .missing), (.unclosed, .unclosed), (.notAMapping, .notAMapping): return true
        case let (.syntax(x), .syntax(y)): return x.line == y.line && x.column == y.column && x.problem == y.problem
        default: return false
        }
    }

    static func describe(_ error: YamlError, lineOffset: Int) -> (line: Int, column: Int, problem: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (mark.line + lineOffset, mark.column, what)
        default:
            return (1 + lineOffset, 1, "\(error)")
        }
    }
}

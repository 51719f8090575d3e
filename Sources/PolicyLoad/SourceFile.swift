import Foundation
import Yams
import PolicyCore

/// One Markdown file of the content, split into YAML front matter and body, with the line
/// offsets needed to turn positions inside either part back into file positions.
///
/// A class, though immutable: every rule's pass over the files and every document holds
/// one, and copying a struct of this many strings and YAML nodes retained each of them.
public final class SourceFile: Sendable {
    /// Path relative to the content folder, `/`-separated (`normative/x/index.md`).
    public let relativePath: String
    /// Path as shown in diagnostics (`content/normative/x/index.md`).
    public let displayPath: String
    /// The whole file as read (CRLF folded, BOM dropped), for rules that scan every line.
    public let text: String
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
        var text = SourceFile.containsCarriageReturn(rawText) ? rawText.replacingOccurrences(of: "\r\n", with: "\n") : rawText
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.text = text

        guard let fences = FrontMatterFences(text) else {
            frontMatter = nil
            frontMatterError = .missing
            body = text
            bodyFirstLine = 1
            return
        }
        guard let close = fences.close else {
            frontMatter = nil
            frontMatterError = .unclosed
            body = ""
            bodyFirstLine = fences.lineCount + 1
            return
        }
        body = String(text[close.bodyStart...])
        bodyFirstLine = close.bodyFirstLine
        (frontMatter, frontMatterError) = SourceFile.compose(
            String(text[fences.yamlStart..<close.yamlEnd]),
            firstLine: 2, file: displayPath)
    }

    /// memchr over the UTF-8 bytes: the generic `utf8.contains` showed in profiles of large libraries.
    private static func containsCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false }
    }

    /// A settings file (`site.yml`) that is YAML from its first line.
    public init(relativePath: String, displayPath: String, yaml: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        text = yaml
        body = ""
        bodyFirstLine = 1
        // A leading BOM (Windows editors) is not YAML content; libyaml rejects it mid-string.
        let yaml = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        (frontMatter, frontMatterError) = SourceFile.compose(yaml, firstLine: 1, file: displayPath)
    }

    private static func compose(_ yaml: String, firstLine: Int, file: String) -> (FrontMatter?, FrontMatterError?) {
        do {
            // A few lines of anchors and aliases can stand for billions of values ("billion
            // laughs"), which Yams would hash key by key: measured first, refused when too large.
            try YAMLSizeGuard.check(yaml)
            // The basic resolver reads every scalar as a string, which is what FrontMatter wants
            // (dates stay days) and skips the default resolver's regular expressions.
            switch try Yams.compose(yaml: yaml, .basic, .default, .utf8) {
            case .mapping(let mapping)?:
                return (FrontMatter(mapping: mapping, firstLine: firstLine, file: file), nil)
            case nil:
                return (FrontMatter(mapping: Node.Mapping([]), firstLine: firstLine, file: file), nil)
            default:
                return (nil, .notAMapping)
            }
        } catch let error as YAMLSizeGuard.TooLarge {
            let why = "锚点和别名（& 与 *）展开后超过 \(error.expandedBytes) 字节，超过原文的两倍（“YAML 炸弹”），未读取；请直接写出各值，不要用别名重复长文字"
            return (nil, .syntax((line: error.line + firstLine - 1, column: error.column, problem: why)))
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
            return (mark.line + lineOffset, mark.column, YAMLProblem.chinese(context: context?.text, problem: problem))
        case let .reader(problem, _, _, _):
            return (1 + lineOffset, 1, YAMLProblem.chinese(context: nil, problem: problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return (
                context.mark.line + lineOffset, context.mark.column,
                "字段名重复：\(duplicates.joined(separator: "、"))"
            )
        default:
            return (1 + lineOffset, 1, "\(error)")
        }
    }
}

/// Finds the `---` lines around front matter by scanning lines from the top only as far as
/// needed — a long body is never split into lines.
struct FrontMatterFences {
    struct Close {
        let yamlEnd: String.Index
        let bodyStart: String.Index
        let bodyFirstLine: Int
    }

    let yamlStart: String.Index
    let close: Close?
    /// Lines in the file, counted only when the front matter never closes.
    let lineCount: Int

    /// Lines are found by searching the UTF-8 for newlines: splitting the `String` walked it
    /// character by character (grapheme breaking), for every file.
    init?(_ text: String) {
        let bytes = text.utf8
        /// Where the line starting at `start` ends: its newline, or the end of the text.
        func endOfLine(_ start: String.Index) -> String.Index {
            bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
        }
        let firstEnd = endOfLine(text.startIndex)
        guard text[..<firstEnd].trimmed == "---" else { return nil }
        var lineStart = firstEnd < text.endIndex ? bytes.index(after: firstEnd) : text.endIndex
        yamlStart = lineStart
        var lineNumber = 1
        while lineStart < text.endIndex || lineNumber == 1 {
            lineNumber += 1
            let lineEnd = endOfLine(lineStart)
            let trimmed = text[lineStart..<lineEnd].trimmed
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = lineEnd < text.endIndex ? bytes.index(after: lineEnd) : text.endIndex
                close = Close(yamlEnd: lineStart, bodyStart: bodyStart, bodyFirstLine: lineNumber + 1)
                lineCount = lineNumber
                return
            }
            guard lineEnd < text.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        close = nil
        lineCount = lineNumber
    }

    static func isFence(_ line: Substring) -> Bool { line.trimmed == "---" }
}

import Foundation
import PolicyCore

/// Prints findings the way their readers need them: a compiler-style text report for
/// people, JSON for tools, and GitHub/Gitea workflow commands that annotate the diff.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text
    case json
    case github

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: return DiagnosticFormat.text(diagnostics)
        case .json: return DiagnosticFormat.json(diagnostics)
        case .github: return DiagnosticFormat.github(diagnostics)
        }
    }

    /// `content/x/index.md:4:1: 错误 [PF004 required-field] 缺少…` then an indented fix line.
    static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let l = d.location
            out += "\(l.file):\(l.line):\(l.column): \(d.severity.chinese) [\(d.rule.code) \(d.rule.name)] \(d.message)\n"
            out += "    修改方法：\(d.fix)\n"
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount, notices = diagnostics.noticeCount
        let noted = notices > 0 ? "另有 \(notices) 条提示（不影响发布）。" : ""
        if errors == 0 && warnings == 0 { return "检查通过：没有发现问题。" + noted }
        return "共发现 \(errors) 个错误、\(warnings) 个警告。" + (errors > 0 ? "有错误时不能发布。" : "") + noted
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let report = JSONReport(
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, notices: diagnostics.noticeCount,
            diagnostics: diagnostics.map { d in
                JSONReport.Item(
                    code: d.rule.code, rule: d.rule.name, severity: d.severity.rawValue, file: d.location.file,
                    line: d.location.line, column: d.location.column, message: d.message, fix: d.fix)
            })
        // Encoding strings and integers cannot fail.
        let data = (try? JSONEncoder.stable.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `check --format json` (README): the counts and every finding.
    private struct JSONReport: Encodable {
        struct Item: Encodable {
            let code, rule, severity, file: String
            let line, column: Int
            let message, fix: String
        }

        let errors, warnings, notices: Int
        let diagnostics: [Item]
    }

    /// `::error file=…,line=…,col=…,title=PF004::message` — properties and message escaped
    /// as the workflow-command syntax requires.
    static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let l = d.location
            let title = "\(d.rule.code) \(d.rule.name)"
            out +=
                "::\(d.severity.rawValue) file=\(escapeProperty(l.file)),line=\(l.line),col=\(l.column),title=\(escapeProperty(title))::\(escapeData(d.message + " 修改方法：" + d.fix))\n"
        }
        out += summary(diagnostics) + "\n"
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

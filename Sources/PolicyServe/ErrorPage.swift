import PolicyKit
import PolicyCore

/// The page every HTML request gets while the content has errors: the findings of
/// `policy check` (file:line:column, rule, message, fix — all escaped), and the promise that
/// the page comes back by itself once the files are fixed.
public enum ErrorPage {
    public static let title = "内容有错误，修正后自动刷新"
    public static let stylesheetPath = "/__policy/preview.css"

    public static func html(diagnostics: [Diagnostic], generation: Int) -> String {
        let sorted =
            diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
            + diagnostics.filter { $0.severity == .notice }
        let items = sorted.map { d in
            let l = d.location
            return """
                <li class="\(d.severity.rawValue)">
                <p class="where"><code>\(escape("\(l.file):\(l.line):\(l.column)"))</code> <span class="severity">\(d.severity.chinese)</span> <span class="rule">\(escape("\(d.rule.code) \(d.rule.name)"))</span></p>
                <p class="message">\(escape(d.message))</p>
                <p class="fix">修改方法：\(escape(d.fix))</p>
                </li>
                """
        }
        let summary = "policy check 发现 \(diagnostics.errorCount) 个错误、\(diagnostics.warningCount) 个警告。"
        return page(
            generation: generation, lead: summary + "修正并保存文件后，预览会自动重新生成，本页随即刷新。",
            body: "<ol class=\"diagnostics\">\n\(items.joined(separator: "\n"))\n</ol>")
    }

    /// When the build itself failed (no content folder, a broken theme template).
    public static func html(failure: String, generation: Int) -> String {
        page(
            generation: generation, lead: "无法生成预览。修正后会自动重试，本页随即刷新。",
            body: "<pre class=\"failure\">\(escape(failure))</pre>")
    }

    static func page(generation: Int, lead: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <link rel="stylesheet" href="\(stylesheetPath)">
        \(LiveReload.tag(generation: generation))
        </head>
        <body>
        <main>
        <h1>\(title)</h1>
        <p class="lead">\(escape(lead))</p>
        \(body)
        <p class="note">这是 policy serve 的本地预览页面；policy build 在有错误时不会生成网站。</p>
        </main>
        </body>
        </html>

        """
    }

    static func escape(_ text: String) -> String {
        MarkupEscape.text(text, apostrophe: true)
    }

    public static let stylesheet = """
        body { margin: 0; font: 16px/1.6 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { color: #a40000; font-size: 1.5rem; }
        .diagnostics { padding-left: 1.5rem; }
        .diagnostics > li { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border-left: 4px solid #a40000; background: #fdf3f3; }
        .diagnostics > li.warning { border-color: #8a5a00; background: #fdf8ec; }
        .diagnostics > li.notice { border-color: #1d5a8a; background: #f1f6fb; }
        .diagnostics p { margin: 0.25rem 0; }
        .where code { font-size: 0.95rem; word-break: break-all; }
        .severity, .rule { font-size: 0.9rem; margin-left: 0.5rem; }
        .fix, .note { color: #444; }
        .failure { white-space: pre-wrap; background: #f6f6f6; padding: 0.75rem; }

        """
}

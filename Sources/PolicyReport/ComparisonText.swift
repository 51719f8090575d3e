import PolicyCore
import PolicyModel

/// `policy diff`: the 新旧对照 for a terminal. Each article gets a marker line (`~` changed,
/// `+` added, `-` removed, `>` moved, `=` a run of unchanged), then its old text on `-` lines
/// and new text on `+` lines. Inline changes are `[-删去-]` and `{+新增+}` (wdiff style), or
/// with `color` red struck-through and green underlined text instead — never colour alone.
public struct ComparisonText {
    public let diff: ArticleDiff
    public let oldTitle: String
    public let newTitle: String
    public let color: Bool
    /// Print the text of unchanged articles too, not just their numbers.
    public let showUnchanged: Bool

    public init(diff: ArticleDiff, oldTitle: String, newTitle: String, color: Bool, showUnchanged: Bool = false) {
        self.diff = diff
        self.oldTitle = oldTitle
        self.newTitle = newTitle
        self.color = color
        self.showUnchanged = showUnchanged
    }

    public func render() -> String {
        var out = paint("新旧对照：\(oldTitle) → \(newTitle)", "1") + "\n"
        out +=
            "修改 \(diff.count(.changed)) 条，新增 \(diff.count(.added)) 条，删除 \(diff.count(.removed)) 条，"
            + "未修改 \(diff.count(.unchanged)) 条\n"
        var run: [ArticleDiff.Row] = []
        func flush() {
            guard !run.isEmpty else { return }
            out += "\n" + paint("= 未修改 \(ArticleDiff.describeRun(run))", "2") + "\n"
            if showUnchanged { for row in run { out += lines(row.new?.text ?? "", prefix: "   ") } }
            run = []
        }
        for row in diff.rows {
            if row.change == .unchanged && !row.moved { run.append(row); continue }
            flush()
            out += "\n" + header(row) + "\n"
            switch row.change {
            case .changed:
                out += lines(inline(row.segments, keep: .deleted), prefix: paint(" - ", "31"))
                out += lines(inline(row.segments, keep: .inserted), prefix: paint(" + ", "32"))
            case .added:
                out += lines(row.new?.text ?? "", prefix: paint(" + ", "32"))
            case .removed:
                out += lines(row.old?.text ?? "", prefix: paint(" - ", "31"))
            case .unchanged:
                if showUnchanged { out += lines(row.new?.text ?? "", prefix: "   ") }
            }
        }
        flush()
        return out
    }

    private func header(_ row: ArticleDiff.Row) -> String {
        let (mark, kind, code): (String, String, String) =
            switch row.change {
            case .changed: ("~", "修改", "33")
            case .added: ("+", "新增", "32")
            case .removed: ("-", "删除", "31")
            case .unchanged: (">", "移动", "36")
            }
        var title: String
        switch (row.old, row.new) {
        case let (old?, new?): title = old.label == new.label ? new.label : "原\(old.label) → \(new.label)"
        case let (old?, nil): title = "原\(old.label)"
        case let (nil, new?): title = new.label
        case (nil, nil): title = ""
        }
        if row.moved { title += "（位置调整）" }
        if let source = row.takenFrom { title += "（内容主要来自原\(source.label)）" }
        if let target = row.mergedInto { title += "（内容已并入新\(target.label)）" }
        return paint("\(mark) \(kind) \(title)", code)
    }

    private func inline(_ segments: [CharacterDiff.Segment], keep: CharacterDiff.Segment.Kind) -> String {
        segments.filter { $0.kind == .equal || $0.kind == keep }.map { s in
            switch s.kind {
            case .equal: s.text
            case .deleted: mark(s.text) { color ? "\u{1B}[9;31m\($0)\u{1B}[0m" : "[-\($0)-]" }
            case .inserted: mark(s.text) { color ? "\u{1B}[4;32m\($0)\u{1B}[0m" : "{+\($0)+}" }
            }
        }.joined()
    }

    /// Marks each line of a change on its own, so no marker spans a line break.
    private func mark(_ text: String, _ wrap: (Substring) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : wrap($0) }.joined(separator: "\n")
    }

    private func lines(_ text: String, prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "\(prefix)\($0)\n" }.joined()
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ001: a standalone Q&A entry the site cannot show is an error, never dropped silently: a
/// file that does not parse, a batch that is not a list of entries, a missing question,
/// answer, channel, answered date or (in a batch) id, or an id that cannot be a URL.
struct QuestionFieldsPresent: Rule {
    static let descriptor = RuleDescriptor(
        code: "PQ001", name: "qa-required-field", severity: .error,
        summary:
            "A standalone Q&A entry (content/qa/) cannot be read or lacks a required field: the file's YAML does not parse, a batch is not a list of entries, or question, answer (a .md file's body), channel, answered or a batch entry's id is missing or not a single value; or the id is not lower-case letters, digits and hyphens.",
        fix: "每条问答写明 question、answer（.md 文件写在正文）、channel、answered；批量文件（.yml）中每条另写 id（小写字母、数字和连字符，全库唯一，发布后不再改动）。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in context.raw.questionFiles {
            if let error = file.frontMatterError { found.append(parseFinding(error, file.location, file.location())) }
        }
        for batch in context.raw.questionBatches {
            if let error = batch.error { found.append(parseFinding(error, batch.location, batch.location())) }
            for location in batch.misplaced {
                found.append(finding(location, "批量问答文件的每一项须是一条问答（question: …、answer: … 等字段），这一项不是。"))
            }
        }
        for source in context.raw.questionSources {
            let fm = source.fields
            let label = QuestionSchema.label(source)
            for key in ["question", "channel", "answered"] + (source.isBatch ? ["answer", "id"] : []) {
                guard fm.string(key) == nil else { continue }
                let what = "字段“\(key)”（\(Self.meaning[key]!)）"
                let message = fm.has(key) && fm.node(key)?.scalar == nil ? "\(what)只能写一个值，不能是列表或映射。" : "问答缺少\(what)。"
                found.append(finding(fm.has(key) ? fm.location(of: key) : source.location, label + message))
            }
            if !source.isBatch, (source.answer ?? "").trimmed.isEmpty {
                found.append(
                    finding(
                        source.location(line: source.bodyLine ?? 1), "问答文件的正文为空：正文即答复内容。",
                        fix: "在 front matter 的 --- 之后写出答复。"))
            }
            if let id = source.id, !BundleID.isWellFormed(id) || QuestionSchema.isReserved(id) {
                let location = source.isBatch ? fm.location(of: "id") : source.location
                found.append(
                    finding(
                        location,
                        "\(label)问答编号“\(id)”不可用：编号只用小写英文字母、数字和单个连字符，不以连字符开头或结尾\(QuestionSchema.isReserved(id) ? "，且不能是 by-channel、by-document，不以 q-、topic- 开头，不以 -q 结尾（问答库页面已用这些名称）" : "")；它是问答页面的网址（qa/<编号>/）。"
                    ))
            }
        }
        return found
    }

    static let meaning = ["question": "问题", "answer": "答复内容", "channel": "来源渠道", "answered": "答复日期", "id": "编号"]

    private func parseFinding(
        _ error: FrontMatterError, _ at: (Int, Int) -> SourceLocation, _ start: SourceLocation
    ) -> Diagnostic {
        switch error {
        case .missing: return finding(start, "问答文件缺少开头的 front matter（以 --- 开始的字段区）。")
        case .unclosed: return finding(start, "front matter 没有结束：找不到第二个 --- 行。")
        case .notAMapping: return finding(start, "批量问答文件应是问答的列表（每条以“- ”开头），front matter 应是“字段: 值”的形式。")
        case .syntax(let p): return finding(at(p.line, p.column), "YAML 语法错误：\(p.problem)。")
        }
    }
}

extension QuestionSource {
    func location(line: Int) -> SourceLocation { SourceLocation(file: location.file, line: line, column: 1) }
}

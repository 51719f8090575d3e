import Yams
import PolicyCore
import PolicyModel

/// PP002: 涉密和不公开标志 — a text that carries a classification mark (`机密★5年`, `秘密★`,
/// `密级：绝密`) or a non-disclosure mark (`内部资料，注意保存`, `（此件不公开）`, a line that
/// reads only `工作秘密` or `不予公开`) may not be published at all. Reads every text the site
/// can publish, like PP001: each front-matter value, bodies, transcripts, captions, text and
/// PDF attachments. The words in a sentence (商业秘密, 保守国家秘密, 依法不予公开) are not
/// marks; `ClassificationMark` tells them apart by the form a mark takes.
struct NoClassificationMarks: Rule {
    static let descriptor = RuleDescriptor(
        code: "PP002", name: "classification-mark", severity: .error,
        summary:
            "Published text carries a classification or non-disclosure mark (绝密/机密/秘密★term, 密级：…, 工作秘密, 内部资料/内部使用, 此件不公开, 不予公开 as a mark: on a line of its own, in brackets, or with its caution), so it may not be published. Words in sentences (商业秘密, 国家秘密) are not marks.",
        fix: "标有密级或“内部资料”“此件不公开”等标志的文本不得公开发布：请撤下该文件；如经保密审查确认可以公开，应按规定解密或变更后删去标志再发布。")

    /// `disclosure` declares the 公开方式 (`不予公开` there is a decision, not a mark on text).
    static let declarationFields: Set<String> = ["disclosure"]

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.reviewedTexts.parallelMap { text -> [Diagnostic] in
            var found: [Diagnostic] = []
            func report(_ mark: ClassificationMark.Match, _ location: SourceLocation, _ place: String) {
                found.append(finding(location, "\(place)发现密级或不公开标志“\(mark.text)”：此文本不得公开发布。"))
            }
            if let source = text.source {
                if let fm = source.frontMatter {
                    for entry in fm.entries where !Self.declarationFields.contains(entry.key) {
                        for (node, mark) in marks(in: entry.value) {
                            report(mark, fm.locationOfNode(node) ?? entry.keyLocation, "字段“\(entry.key)”中")
                        }
                    }
                }
                for (line, mark) in ClassificationMark.scanLines(source.body) {
                    report(mark, source.location(line: source.bodyFirstLine + line - 1, column: mark.column), "")
                }
                return found
            }
            if !text.entries.isEmpty {
                for fm in text.entries {
                    for entry in fm.entries {
                        for (node, mark) in marks(in: entry.value) {
                            report(mark, fm.locationOfNode(node) ?? entry.keyLocation, "字段“\(entry.key)”中")
                        }
                    }
                }
                return found
            }
            for (pageIndex, page) in text.pages.enumerated() {
                for (line, mark) in ClassificationMark.scanLines(page) {
                    report(
                        mark, text.location(page: pageIndex + 1, line: line, column: mark.column),
                        text.place(page: pageIndex + 1, line: line))
                }
            }
            return found
        }.flatMap { $0 }
    }

    /// Every scalar below a front-matter value with the mark it holds: each line of it is
    /// read on its own, so a value that is only `内部资料` is a mark.
    private func marks(in node: Node) -> [(Node, ClassificationMark.Match)] {
        switch node {
        case .scalar(let scalar):
            return ClassificationMark.scanLines(scalar.string).map { (node, $0.match) }
        case .mapping(let mapping):
            return mapping.flatMap { marks(in: $0.value) }
        case .sequence(let sequence):
            return sequence.flatMap { marks(in: $0) }
        default:
            return []
        }
    }
}

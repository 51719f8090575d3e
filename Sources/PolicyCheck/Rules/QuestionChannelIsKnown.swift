import PolicyCore
import PolicyLoad
import PolicyModel

/// PQ002: the channel is one of a closed list, since it is a facet of the Q&A library: a
/// spelling of its own would make a channel of its own (and drop the entry from the site).
struct QuestionChannelIsKnown: Rule {
    static let descriptor = RuleDescriptor(
        code: "PQ002", name: "qa-channel", severity: .error,
        summary: "A standalone Q&A entry's channel is not one of 解读问答, 12345热线, 省长信箱, 网站留言, 窗口咨询, 其他 (suggests the nearest).",
        fix: "channel 写作 解读问答、12345热线、省长信箱、网站留言、窗口咨询 或 其他 之一。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let names = QuestionChannel.allCases.map(\.rawValue)
        return context.raw.questionSources.compactMap { source in
            guard let value = source.fields.string("channel"), QuestionChannel(alias: value) == nil else { return nil }
            let hint = Suggest.nearest(value, in: names, maxDistance: 4).map { "是否应为“\($0)”？" } ?? "可用的渠道：\(names.joined(separator: "、"))。"
            return finding(
                source.fields.location(of: "channel"), "\(QuestionSchema.label(source))未知的来源渠道“\(value)”。\(hint)")
        }
    }
}

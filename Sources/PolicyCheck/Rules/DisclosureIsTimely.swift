import PolicyCore

/// PD003: 政府信息公开条例 第二十六条 — published within 20 working days of being formed.
struct DisclosureIsTimely: Rule {
    static let descriptor = RuleDescriptor(
        code: "PD003", name: "disclosure-late", severity: .warning,
        summary: "A document was published more working days after signing than disclosure.max_working_days (20 by default).",
        fix: "主动公开的政府信息应自形成之日起 20 个工作日内公开；核对成文日期和发布日期。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let limit = context.site.disclosureMaxWorkingDays
        return context.library.documents.compactMap { doc in
            let days = context.calendar.workingDays(after: doc.signed, through: doc.published)
            guard days > limit else { return nil }
            return finding(
                doc.source.frontMatter?.location(of: "published") ?? doc.source.location(),
                "文件成文（\(doc.signed)）后 \(days) 个工作日才发布（\(doc.published)），超过 \(limit) 个工作日的公开时限。")
        }
    }
}

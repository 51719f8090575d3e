import PolicyCore

/// PD002: normative documents carry a validity period (有效期), by default at most five
/// years, two for provisional (暂行/试行) ones.
struct ValidityPeriodIsSet: Rule {
    static let descriptor = RuleDescriptor(
        code: "PD002", name: "validity-period", severity: .warning,
        summary:
            "A normative document has no expires date, or a validity period longer than validity.max_years (validity.max_years_provisional for 暂行/试行 titles).",
        fix: "为行政规范性文件设定有效期（expires），自施行之日起一般不超过 5 年，暂行、试行的不超过 2 年。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let validity = context.site.validity
        return context.library.documents(of: .normative).compactMap { doc in
            let years = doc.isProvisional ? validity.maxYearsProvisional : validity.maxYears
            guard let expires = doc.expires else {
                return finding(
                    doc.source.frontMatter?.startLocation ?? doc.source.location(),
                    "行政规范性文件\(doc.quotedTitle)没有设定有效期（expires）。",
                    fix: "添加 expires: \(doc.effective.adding(years: years).adding(days: -1))（施行后 \(years) 年）。")
            }
            let latest = doc.effective.adding(years: years).adding(days: -1)
            guard expires > latest else { return nil }
            return finding(
                doc.source.frontMatter?.location(of: "expires") ?? doc.source.location(),
                "有效期至 \(expires) 超过\(doc.isProvisional ? "暂行、试行文件" : "")最长 \(years) 年的有效期（最晚 \(latest)）。",
                fix: "将 expires 改为不晚于 \(latest)。")
        }
    }
}

import PolicyCore

/// PI007: an exemption from interpretation is a recorded decision, not a switch. Every
/// exemption is shown on every run (a notice), so that reviewers see each one; a plain
/// string, or a mapping without approver or date, is a warning asking for them.
struct InterpretationExemptIsDecided: Rule {
    static let descriptor = RuleDescriptor(
        code: "PI007", name: "interpretation-exempt", severity: .notice,
        summary:
            "A document is exempt from interpretation (exempt): a notice on every run naming the decision; a warning when the exemption is a plain string or lacks reason, approved_by or approved_on.",
        fix: "exempt 写成决定：exempt: {reason: 理由, approved_by: 批准人或会议, approved_on: 批准日期}。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.library.documents.compactMap { doc in
            guard let exemption = doc.exempt else { return nil }
            // The value of a plain string; the `exempt:` line itself for a mapping.
            let fm = doc.source.frontMatter
            let location =
                (exemption.isPlainString ? fm?.location(of: "exempt") : fm?.entries.first { $0.key == "exempt" }?.keyLocation)
                ?? doc.source.location()
            let name = "\(doc.quotedTitle)（\(doc.bundlePath)）"
            if exemption.isDecision {
                return finding(
                    location, "\(name)不作政策解读：经\(exemption.approvedBy!)于 \(exemption.approvedOn!) 批准，理由：\(exemption.reason)。",
                    fix: "如决定变更，修改或删除 exempt 并补充解读。")
            }
            var missing: [String] = []
            if exemption.reason.isEmpty { missing.append("理由（reason）") }
            if exemption.approvedBy == nil { missing.append("批准人（approved_by）") }
            if exemption.approvedOn == nil { missing.append("批准日期（approved_on）") }
            let written = exemption.isPlainString ? " exempt 只写了理由“\(exemption.reason)”" : " exempt 缺少\(missing.joined(separator: "、"))"
            let reason = exemption.reason.isEmpty ? "理由" : exemption.reason
            return finding(
                location, "\(name)不作政策解读，但\(written)：请写明由谁、何时批准。",
                fix: "改为 exempt: {reason: \(reason), approved_by: 批准人或会议, approved_on: \(doc.published)}（填写实际批准日期）。",
                severity: .warning)
        }
    }
}

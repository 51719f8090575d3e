import PolicyCore

/// PD001: a document is signed before it is published, takes effect no earlier than it was
/// signed, and expires after it takes effect.
struct DatesAreInOrder: Rule {
    static let descriptor = RuleDescriptor(
        code: "PD001", name: "date-order", severity: .error,
        summary:
            "Dates out of order: signed after published, effective before signed, expires not after effective, repealed before effective, or an amended_by date not after signed.",
        fix: "核对成文日期（signed）≤ 发布日期（published），施行日期（effective）≥ 成文日期，有效期至（expires）晚于施行日期。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            let fm = doc.source.frontMatter
            func at(_ field: String) -> SourceLocation { fm?.location(of: field) ?? doc.source.location() }
            if doc.signed > doc.published {
                found.append(finding(at("published"), "发布日期 \(doc.published) 早于成文日期 \(doc.signed)。"))
            }
            if doc.effective < doc.signed {
                found.append(finding(at("effective"), "施行日期 \(doc.effective) 早于成文日期 \(doc.signed)。"))
            }
            if let expires = doc.expires, expires <= doc.effective {
                found.append(finding(at("expires"), "有效期至 \(expires) 不晚于施行日期 \(doc.effective)。"))
            }
            let amendmentEntries = fm?.mappings("amended_by") ?? []
            for entry in amendmentEntries {
                guard let date = entry.date("date"), date <= doc.signed else { continue }
                found.append(
                    finding(
                        entry.location(of: "date"),
                        "修正日期 \(date) 不晚于本文件的成文日期 \(doc.signed)：修正决定只能修改已公布的文件。",
                        fix: "核对 amended_by 的 date；若该决定早于本版本，它修改的是上一版本，应写在上一版本的 amended_by 中。"))
            }
            if let repeal = doc.repeal, repeal.date < doc.published {
                found.append(
                    finding(
                        fm?.mapping("repealed")?.location(of: "date") ?? at("repealed"),
                        "废止日期 \(repeal.date) 早于发布日期 \(doc.published)。"))
            }
        }
        for batch in context.library.cleanups where batch.effective < batch.published {
            found.append(
                finding(
                    batch.source.frontMatter?.location(of: "effective") ?? batch.source.location(),
                    "清理结果的生效日期 \(batch.effective) 早于发布日期 \(batch.published)。"))
        }
        return found
    }
}

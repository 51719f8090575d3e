import PolicyCore
import PolicyModel

/// The report for a terminal: the disclosure table with columns aligned for Chinese text
/// (full-width characters take two cells), then the interpretation figures and staff lists.
struct AnnualReportText {
    let report: AnnualReport

    func render() -> String {
        let r = report
        var out = "\(r.periodText)政策文件统计　时效性计算日期 \(r.asOf)\n\n"

        out += "一、第二十条第（一）项（国办公开办函〔2021〕30号格式）\n"
        let header = ["信息内容"] + AnnualReport.columns
        let rows = r.rows.map { [$0.kind.chinese] + AnnualReport.figures($0).map(String.init) }
        out += table([header] + rows)
        out += "\n二、政策解读\n"
        let i = r.interpretations
        out +=
            "本年发布文件 \(i.documentsPublished.count) 件，其中有解读 \(i.documentsInterpreted.count) 件，"
            + "不作解读 \(i.documentsExempt.count) 件"
            + (i.documentsExemptUnapproved.isEmpty ? "。\n" : "（其中 \(i.documentsExemptUnapproved.count) 件未写明批准人和批准日期）。\n")
        out += "本年发布解读 \(i.total) 篇，与文件同日发布 \(i.sameDay) 篇（\(AnnualReport.percent(i.sameDayShare))）。\n"
        out += "按形式：" + i.byForm.map { "\($0.form.chinese) \($0.count)" }.joined(separator: "，") + "\n"
        if !i.documentsExempt.isEmpty {
            out += "本年不作解读的文件：\n"
            for d in i.documentsExempt { out += "  - \(d.quotedTitle)\(d.number.map { "（\($0)）" } ?? "")：\(d.exempt?.chinese ?? "")\n" }
        }

        out += "\n三、工作清单（按 \(r.asOf)）\n"
        out += "即将到期、需评估的行政规范性文件（\(r.reviewWindowMonths) 个月内，至 \(r.asOf.adding(months: r.reviewWindowMonths))）：\n"
        out += list(r.dueForEvaluation) { "有效期至 \($0.date.map(\.description) ?? "")" }
        out += "自 \(r.since) 起不再有效的文件：\n"
        out += list(r.lapsed) { $0.note ?? $0.status.status.chinese }
        out += "不作政策解读的文件：\n"
        out += list(r.exempt) { "\($0.status.status.chinese) · \($0.note ?? "")" }
        return out
    }

    private func list(_ items: [AnnualReport.Listed], _ detail: (AnnualReport.Listed) -> String) -> String {
        guard !items.isEmpty else { return "  （无）\n" }
        return items.map { l in
            "  - \(l.document.quotedTitle)\(l.document.number.map { " \($0)" } ?? "")　\(detail(l))　[\(l.document.id)]\n"
        }.joined()
    }

    /// Left-aligned first column, right-aligned numbers, padded by display width.
    private func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { AnnualReportText.width($0[c]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - AnnualReportText.width(cell))
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// Terminal cells: two for East Asian wide characters, one otherwise.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { n, s in
            let v = s.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }
}

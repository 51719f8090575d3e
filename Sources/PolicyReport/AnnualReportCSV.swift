import Foundation
import PolicyCore
import PolicyModel

/// The report as CSV (RFC 4180, UTF-8): several small tables, each with its own header row,
/// separated by a blank line — the way a spreadsheet user copies them into the report.
struct AnnualReportCSV {
    let report: AnnualReport

    func render() -> String {
        let r = report
        let i = r.interpretations
        var tables: [[[String]]] = []
        tables.append([
            ["年度", "统计起始日期", "统计截止日期", "时效性计算日期"],
            [String(r.year), r.start.description, r.cutoff.description, r.asOf.description],
        ])
        tables.append(
            [["信息内容"] + AnnualReport.columns]
                + r.rows.map { [$0.kind.chinese] + AnnualReport.figures($0).map(String.init) })
        tables.append(
            [
                ["解读指标", "数值"],
                ["本年发布文件数", String(i.documentsPublished.count)],
                ["其中有解读的文件数", String(i.documentsInterpreted.count)],
                ["其中不作解读的文件数", String(i.documentsExempt.count)],
                ["其中未经批准的不作解读文件数", String(i.documentsExemptUnapproved.count)],
                ["本年发布解读数", String(i.total)],
                ["与文件同日发布的解读数", String(i.sameDay)],
                ["同日发布比例", AnnualReport.percent(i.sameDayShare)],
            ]
                + i.byForm.map { ["解读形式：\($0.form.chinese)", String($0.count)] })
        var lists = [["清单", "编号", "标题", "文号", "时效性", "日期", "说明"]]
        for (name, items) in r.staffLists {
            for l in items {
                lists.append([
                    name, l.document.id, l.document.title, l.document.number ?? "", l.status.status.chinese,
                    l.date?.description ?? "", l.note ?? "",
                ])
            }
        }
        tables.append(lists)
        return tables.map { $0.map { $0.map(AnnualReportCSV.field).joined(separator: ",") + "\r\n" }.joined() }
            .joined(separator: "\r\n")
    }

    /// Quotes a field holding a comma, quote or line break; doubles inner quotes.
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

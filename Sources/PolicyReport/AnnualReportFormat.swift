import Foundation
import PolicyCore
import PolicyModel

/// How `policy report` prints an `AnnualReport`: text for reading, CSV for the spreadsheet
/// the annual report is drafted in, JSON for other tools. Each only formats the figures.
public enum AnnualReportFormat: String, CaseIterable, Sendable {
    case text
    case csv
    case json

    public func render(_ report: AnnualReport, site: SiteConfig) -> String {
        switch self {
        case .text: AnnualReportText(report: report).render()
        case .csv: AnnualReportCSV(report: report).render()
        case .json: AnnualReportJSON(report: report, site: site).render()
        }
    }
}

extension AnnualReport {
    /// `2025年度` and how far it is counted: `（截至2025年12月31日）`.
    package var periodText: String {
        "\(year)年度（\(isComplete ? "全年" : "截至\(cutoff.chinese)")）"
    }

    /// `100.0%`, or `—` when there is nothing to divide.
    package static func percent(_ share: Double?) -> String {
        share.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// The rows as the 2021 table names its columns.
    package static let columns = ["本年制发件数", "本年废止件数", "现行有效件数"]

    /// The three figures of a row, in column order.
    static func figures(_ row: KindFigures) -> [Int] { [row.issued.count, row.repealed.count, row.inForce.count] }

    /// The three staff lists with their names, for the formats that print them one after another.
    var staffLists: [(name: String, items: [Listed])] {
        [("即将到期需评估", dueForEvaluation), ("已失效或废止", lapsed), ("不作解读", exempt)]
    }
}

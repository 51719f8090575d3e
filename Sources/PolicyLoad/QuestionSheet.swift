import Foundation
import SwiftCSV
import PolicyCore

/// A spreadsheet exported by a hotline or mailbox system (CSV or XLSX), read for `policy qa import`:
/// its header and its rows by column name. Rows are numbered as a spreadsheet shows them
/// (the header is row 1), so a report can name the row to look at.
public struct QuestionSheet: Sendable {
    public struct Row: Sendable {
        /// The spreadsheet row (header = 1).
        public let number: Int
        public let values: [String: String]
    }

    public let headers: [String]
    public let rows: [Row]

    public init(headers: [String], rows: [Row]) {
        self.headers = headers
        self.rows = rows
    }

    /// Reads an XLSX workbook's first sheet (`QuestionWorkbook`), or a UTF-8 CSV file (a
    /// byte-order mark, as Excel writes one, is accepted). A file in another encoding, an old
    /// `.xls` or not CSV at all is an error in Chinese saying what to do.
    public static func read(_ path: String) throws -> QuestionSheet {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") { return try QuestionWorkbook.read(path) }
        if lower.hasSuffix(".xls") {
            throw PolicyError.inputRefused("不支持旧版 Excel 文件（\(path)）：请在 Excel/WPS 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入。")
        }
        guard case .bytes(let bytes) = ContentLoader.readRegularFile(path, limit: ContentLoader.maxFileBytes) else {
            throw PolicyError.inputRefused("无法读取文件 \(path)：文件不存在、不是普通文件或超过 \(ContentLoader.maxFileBytes >> 20) MB。")
        }
        var text: String
        switch TextEncoding.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let problem): throw PolicyError.inputRefused("\(path)：\(problem.message)\(problem.fix)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, name: path)
    }

    /// The rows of a CSV text; blank rows are skipped.
    public static func parse(_ text: String, name: String) throws -> QuestionSheet {
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text.replacingOccurrences(of: "\r\n", with: "\n"), delimiter: .comma, loadColumns: false)
        } catch {
            throw PolicyError.inputRefused("\(name) 不是有效的 CSV 文件：\(error)。请用“另存为 CSV UTF-8（逗号分隔）”导出。")
        }
        let headers = csv.header.map { $0.trimmed }
        var rows: [Row] = []
        for (k, fields) in csv.rows.enumerated() {
            guard fields.contains(where: { !$0.trimmed.isEmpty }) else { continue }
            var values: [String: String] = [:]
            for (i, header) in headers.enumerated() where i < fields.count && values[header] == nil {
                values[header] = fields[i]
            }
            rows.append(Row(number: k + 2, values: values))
        }
        return QuestionSheet(headers: headers, rows: rows)
    }
}

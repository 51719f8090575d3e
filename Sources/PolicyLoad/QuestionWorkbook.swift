import Foundation
import XMLCoder
import PolicyCore

/// The first sheet of an XLSX workbook as a `QuestionSheet`: an XLSX file is a zip
/// (`ZipEntries`) of XML parts (XMLCoder). Only what an export holds is read: the shared
/// strings, inline strings and plain values of the workbook's first sheet; formulas' cached
/// values are read as values, styles and other sheets are ignored. A date typed as a date is
/// a serial day number in the sheet, which `QuestionImport` turns into `YYYY-MM-DD`.
enum QuestionWorkbook {
    static func read(_ path: String) throws -> QuestionSheet {
        guard case .bytes(let bytes) = ContentLoader.readRegularFile(path, limit: ContentLoader.maxFileBytes) else {
            throw PolicyError.inputRefused("无法读取文件 \(path)：文件不存在、不是普通文件或超过 \(ContentLoader.maxFileBytes >> 20) MB。")
        }
        let archive: ZipEntries
        do { archive = try ZipEntries(bytes) } catch let problem as ZipEntries.Problem {
            throw PolicyError.inputRefused("\(path) 不是有效的 XLSX 文件（\(problem.why)）：请在 Excel/WPS 中重新保存为 .xlsx，或另存为 CSV UTF-8。")
        }
        func part(_ name: String) throws -> Data? {
            do { return try archive.data(name, limit: ContentLoader.maxFileBytes).map { Data($0) } } catch let problem as ZipEntries.Problem {
                throw PolicyError.inputRefused("无法读取 \(path)：\(problem.why)。请分批导出，或另存为 CSV UTF-8。")
            }
        }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = false
        // Cell text is kept as typed (`xml:space="preserve"`): a space around `&amp;` is text.
        decoder.trimValueWhitespaces = false
        let strings = try part("xl/sharedStrings.xml").map { try decoder.decode(SharedStrings.self, from: $0) }?.si ?? []
        let sheetPath = try firstSheetPath(part: part, decoder: decoder)
        guard let sheetData = try part(sheetPath) else {
            throw PolicyError.inputRefused("\(path) 中找不到第一个工作表（\(sheetPath)）。")
        }
        let sheet = try decoder.decode(Worksheet.self, from: sheetData)
        var rows: [(number: Int, cells: [Int: String])] = []
        for (k, row) in (sheet.sheetData.row ?? []).enumerated() {
            var cells: [Int: String] = [:]
            for (i, cell) in (row.c ?? []).enumerated() {
                let column = cell.r.flatMap(Self.columnIndex) ?? i
                switch cell.t {
                case "s": cells[column] = cell.v.flatMap(Int.init).flatMap { strings.indices.contains($0) ? strings[$0].text : nil }
                case "inlineStr": cells[column] = cell.inline?.text
                default: cells[column] = cell.v
                }
            }
            rows.append((row.r ?? k + 1, cells))
        }
        guard let header = rows.first else { return QuestionSheet(headers: [], rows: []) }
        let width = (header.cells.keys.max() ?? -1) + 1
        let headers = (0..<width).map { (header.cells[$0] ?? "").trimmed }
        let body = rows.dropFirst().compactMap { row -> QuestionSheet.Row? in
            guard row.cells.values.contains(where: { !$0.trimmed.isEmpty }) else { return nil }
            var values: [String: String] = [:]
            for (i, name) in headers.enumerated() where !name.isEmpty && values[name] == nil { values[name] = row.cells[i] }
            return QuestionSheet.Row(number: row.number, values: values)
        }
        return QuestionSheet(headers: headers, rows: body)
    }

    /// The first `<sheet>` of `xl/workbook.xml` through its relationship; `sheet1.xml` when
    /// the workbook does not say.
    private static func firstSheetPath(part: (String) throws -> Data?, decoder: XMLDecoder) throws -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbook = try part("xl/workbook.xml"), let rels = try part("xl/_rels/workbook.xml.rels"),
            let id = (try? decoder.decode(Workbook.self, from: workbook))?.sheets.sheet.first?.id,
            let target = (try? decoder.decode(Relationships.self, from: rels))?.Relationship.first(where: { $0.Id == id })?.Target
        else { return fallback }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// `A` → 0, `AB12` → 27; nil past Excel's last column, XFD (16,384 columns), so a crafted
    /// reference can neither overflow nor make the header row billions of cells wide.
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0
        var letters = 0
        for c in reference.unicodeScalars {
            guard c.value >= 65, c.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            n = n * 26 + Int(c.value - 64)
        }
        return letters == 0 || n > 16_384 ? nil : n - 1
    }

    // MARK: - The XML parts

    struct Text: Decodable {
        let value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: any Decoder) throws {
            value =
                (try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .value))
                ?? (try? decoder.singleValueContainer().decode(String.self)) ?? ""
        }
    }

    /// A string item: plain (`<t>`) or rich text in runs (`<r><t>`).
    struct StringItem: Decodable {
        struct Run: Decodable { let t: Text? }
        let t: Text?
        let r: [Run]?
        var text: String { t?.value ?? (r ?? []).compactMap(\.t?.value).joined() }
    }

    struct SharedStrings: Decodable { let si: [StringItem]? }

    struct Worksheet: Decodable {
        struct SheetData: Decodable { let row: [Row]? }
        struct Row: Decodable {
            let r: Int?
            let c: [Cell]?
        }
        struct Cell: Decodable {
            let r: String?
            let t: String?
            let v: String?
            let inline: StringItem?
            enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
        }
        let sheetData: SheetData
    }

    struct Workbook: Decodable {
        struct Sheets: Decodable { let sheet: [Sheet] }
        struct Sheet: Decodable {
            let id: String
            enum CodingKeys: String, CodingKey { case id = "r:id" }
        }
        let sheets: Sheets
    }

    struct Relationships: Decodable {
        struct Relationship: Decodable {
            let Id: String
            let Target: String
        }
        let Relationship: [Relationship]
    }
}

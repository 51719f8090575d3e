import Foundation
import PolicyCheck
import PolicyCore
import PolicyLoad
import PolicyModel

/// `policy qa import`: turns a hotline or mailbox export (`QuestionSheet`) into one batch
/// file of standalone Q&A entries (`content/qa/<batch>.yml`), with the personal data it
/// finds masked and each masking reported by row. It only makes the text; the command
/// writes it (PolicyWrite) and runs the gate over it (`QuestionImport.check`).
public struct QuestionImport: Sendable {
    /// The columns it reads, by header name: the first header of each list that the sheet has.
    public static let columns: [(field: String, headers: [String], required: Bool)] = [
        ("question", ["问题", "咨询问题", "来信内容", "诉求内容", "咨询内容", "留言内容", "问题描述", "question"], true),
        ("answer", ["答复", "答复内容", "回复内容", "办理结果", "处理结果", "答复意见", "answer"], true),
        ("answered", ["答复日期", "答复时间", "回复日期", "回复时间", "办结日期", "办结时间", "answered"], true),
        ("office", ["答复单位", "承办单位", "办理单位", "答复部门", "office"], false),
        ("topics", ["主题", "主题分类", "问题分类", "topics"], false),
        ("documents", ["涉及文件", "所涉文件", "相关文件", "依据文件", "documents"], false),
        ("id", ["编号", "工单编号", "工单号", "信件编号", "留言编号", "id"], false),
    ]

    /// One personal datum replaced by its masked form.
    public struct Masking: Sendable, Equatable {
        public let row: Int
        /// The column's header.
        public let column: String
        public let kind: String
        /// The masked value as written into the entry (never the original).
        public let masked: String
    }

    public struct Entry: Sendable {
        public let row: Int
        public let id: String
        public let question: String
        public let answer: String
        public let answered: String
        public let office: String?
        public let topics: [String]
        public let documents: [String]
    }

    public let channel: QuestionChannel
    /// The batch file's name without `.yml`; ids without a 编号 column are `<batch>-<row>`.
    public let batch: String
    public let entries: [Entry]
    public let maskings: [Masking]

    /// Maps the sheet's columns and masks what it finds; a missing required column is an
    /// error naming the headers accepted.
    public init(sheet: QuestionSheet, channel: QuestionChannel, batch: String) throws {
        var header: [String: String] = [:]
        var missing: [String] = []
        for column in QuestionImport.columns {
            if let found = column.headers.first(where: sheet.headers.contains) {
                header[column.field] = found
            } else if column.required {
                missing.append("“\(column.headers[0])”（可用的列名：\(column.headers.joined(separator: "、"))）")
            }
        }
        guard missing.isEmpty else {
            throw PolicyError.inputRefused(
                "表格缺少必需的列：\(missing.joined(separator: "；"))。表头为：\(sheet.headers.joined(separator: "、"))。请修改表头后重新导入。")
        }
        var maskings: [Masking] = []
        var entries: [Entry] = []
        var usedIDs: Set<String> = []
        for row in sheet.rows {
            func value(_ field: String) -> String? {
                guard let column = header[field], let text = row.values[column]?.trimmed, !text.isEmpty else { return nil }
                let (masked, found) = QuestionImport.mask(text)
                maskings += found.map { Masking(row: row.number, column: column, kind: $0.kind.rawValue, masked: $0.value) }
                return masked
            }
            func list(_ field: String) -> [String] {
                (value(field) ?? "").split(whereSeparator: { "、,，;；".contains($0) }).map { String($0).trimmed }
                    .filter { !$0.isEmpty }
            }
            var id = value("id").map { $0.lowercased() } ?? ""
            if !BundleID.isWellFormed(id) { id = "\(batch)-\(String(format: "%03d", row.number - 1))" }
            while !usedIDs.insert(id).inserted { id += "-\(row.number)" }
            entries.append(
                Entry(
                    row: row.number, id: id, question: value("question") ?? "", answer: value("answer") ?? "",
                    answered: value("answered").map(QuestionImport.day) ?? "", office: value("office"),
                    topics: list("topics"), documents: list("documents")))
        }
        self.channel = channel
        self.batch = batch
        self.entries = entries
        self.maskings = maskings
    }

    /// `2025/3/12 10:20`, `2025年3月12日`, `2025.03.12` → `2025-03-12`; a spreadsheet's
    /// serial day (`45728`, days since 1899-12-30, how XLSX stores a cell typed as a date) too;
    /// anything else as written, for the gate (PQ003) to report.
    static func day(_ text: String) -> String {
        if let serial = Double(text), serial >= 20_000, serial < 80_000 {
            return CalendarDate(dayNumber: Int(serial) - 25_569).description
        }
        let digits = text.split(whereSeparator: { !($0.isASCII && $0.isNumber) }).map(String.init)
        guard digits.count >= 3, digits[0].count == 4, let m = Int(digits[1]), let d = Int(digits[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return text }
        let day = String(format: "%@-%02d-%02d", digits[0], m, d)
        return CalendarDate(day) == nil ? text : day
    }

    /// The text with every personal datum the gate looks for in Q&A (PP001: numbers, e-mail,
    /// labelled names and addresses) replaced by a masked form, and what was masked.
    static func mask(_ text: String) -> (String, [PersonalData.Match]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [PersonalData.Match] = []
        for k in lines.indices {
            var chars = Array(lines[k])
            // Spans that overlap (a phone number inside a labelled address) become one, masked
            // whole, so that masking one never leaves the other's text behind unmasked.
            var spans: [(start: Int, end: Int, match: PersonalData.Match)] = []
            for match in (PersonalData.scan(lines[k]) + LabelledPersonalData.scan(lines[k])).sorted(by: { $0.column < $1.column }) {
                let start = max(0, match.column - 1)
                let end = min(chars.count, start + match.value.count)
                guard start < end else { continue }
                if let last = spans.last, start < last.end {
                    let union = (last.start, max(last.end, end))
                    let wider = end - start > last.end - last.start ? match : last.match
                    spans[spans.count - 1] = (
                        union.0, union.1, PersonalData.Match(kind: wider.kind, value: String(chars[union.0..<union.1]), column: union.0 + 1)
                    )
                } else {
                    spans.append((start, end, match))
                }
            }
            for span in spans.reversed() {
                let written = String(chars[span.start..<span.end])
                // A merged span that is no one match as found is hidden whole.
                let redacted =
                    written == span.match.value && (PersonalData.scan(written) + LabelledPersonalData.scan(written)).count <= 1
                    ? redact(span.match) : String(repeating: "×", count: max(3, written.count))
                chars.replaceSubrange(span.start..<span.end, with: Array(redacted))
                found.append(PersonalData.Match(kind: span.match.kind, value: redacted, column: span.start + 1))
            }
            lines[k] = String(chars)
        }
        return (lines.joined(separator: "\n"), found.reversed())
    }

    /// The masked form written into the entry: a mobile `138****1234`, an ID number
    /// `110105********123X`, a card `************1234`, an e-mail `z×××@example.com`, a name
    /// `张**`, an address `***`.
    static func redact(_ match: PersonalData.Match) -> String {
        let value = match.value
        switch match.kind {
        case .mobile, .residentID, .bankCard:
            let digits = Array(PersonalData.normalize(value))
            let keepHead = match.kind == .mobile ? 3 : match.kind == .residentID ? 6 : 0
            let keepTail = 4
            guard digits.count > keepHead + keepTail else { return String(repeating: "*", count: digits.count) }
            return String(digits.prefix(keepHead)) + String(repeating: "*", count: digits.count - keepHead - keepTail)
                + String(digits.suffix(keepTail))
        case .email:
            let parts = PersonalData.normalize(value).split(separator: "@", maxSplits: 1)
            // `×`, not `*`: the review reads an entry as its page shows it, and `z***@` is
            // Markdown emphasis that would show `z@…` again.
            return (parts.first?.first.map(String.init) ?? "") + "×××@" + (parts.count > 1 ? String(parts[1]) : "")
        case .name: return LabelledPersonalData.masked(value)
        case .address, .pattern: return String(repeating: "*", count: 3)
        }
    }

    /// The batch file's text: a comment naming the import, then the entries as YAML, each
    /// value quoted so that no answer can break the list.
    public func yaml(source: String, today: CalendarDate) -> String {
        var out = "# \(channel.rawValue) 导入：\(source)（\(today) 由 policy qa import 生成，个人信息已隐去）。\n"
        out += "# 每条问答的 id 是它的网址 qa/<id>/，发布后不再改动。\n"
        for e in entries {
            out += "- id: \(e.id)\n"
            out += "  question: \(QuestionImport.quoted(e.question))\n"
            out += "  answer: \(QuestionImport.quoted(e.answer))\n"
            out += "  channel: \(channel.rawValue)\n"
            out += "  answered: \(QuestionImport.quoted(e.answered))\n"
            if let office = e.office { out += "  office: \(QuestionImport.quoted(office))\n" }
            if !e.topics.isEmpty { out += "  topics: [\(e.topics.map(QuestionImport.quoted).joined(separator: ", "))]\n" }
            if !e.documents.isEmpty {
                out += "  documents: [\(e.documents.map(QuestionImport.quoted).joined(separator: ", "))]\n"
            }
        }
        return out
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": continue
            default:
                // C0 and C1 controls, DEL and the BOM: libyaml refuses them written raw.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\x%02X", scalar.value)
                } else if scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// What the gate says about the batch as if it were in the content folder: the real
    /// `Checker` over the content loaded from disk plus this batch in memory, keeping the
    /// findings about the batch's own file.
    public static func check(
        content: URL, displayRoot: String, batch relativePath: String, text: String, asOf: CalendarDate?, now: Date
    ) throws -> [Diagnostic] {
        let loaded = try ContentLoader(root: content, displayRoot: displayRoot).load()
        let display = "\(loaded.displayRoot)/\(relativePath)"
        let batch = QuestionBatch(relativePath: relativePath, displayPath: display, text: text)
        let raw = RawLibrary(
            site: loaded.site, calendar: loaded.calendar, bundles: loaded.bundles, cleanups: loaded.cleanups,
            loadProblems: loaded.loadProblems, displayRoot: loaded.displayRoot, rootPath: loaded.rootPath,
            questionFiles: loaded.questionFiles,
            questionBatches: loaded.questionBatches.filter { $0.relativePath != relativePath } + [batch])
        let library = ModelBuilder(raw: raw).build()
        let day = asOf ?? CalendarDate.today(in: library.site.timeZone, now: now)
        return Checker().check(raw, library, asOf: day).filter { $0.location.file == display }
    }
}

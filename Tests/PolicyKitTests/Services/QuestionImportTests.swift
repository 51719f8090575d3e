import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyKit

/// `policy qa import`: columns by header, masking reported by row, the YAML it writes, and the
/// gate run over the would-be batch.
final class QuestionImportTests: XCTestCase {
    private let csv = """
        工单编号,来信内容,答复内容,答复日期,承办单位,主题,涉及文件
        GD-0001,"我叫王小明，电话13812345678，想问标签问题","姓名：王小明，您好：按规定标注即可。",2024/6/10 10:20,食品处,食品安全,2024-food-labels
        GD-0002,身份证号11010519491231002X办证要多久？,"一般5个工作日，""加急""可当天。",2024年6月11日,,,

        """

    func testColumnsMaskingAndYAML() throws {
        let sheet = try QuestionSheet.parse(csv, name: "x.csv")
        XCTAssertEqual(sheet.rows.map(\.number), [2, 3])
        let imported = try QuestionImport(sheet: sheet, channel: .hotline, batch: "hotline-2024-06")
        XCTAssertEqual(imported.entries.map(\.id), ["gd-0001", "gd-0002"])
        XCTAssertEqual(imported.entries[0].answered, "2024-06-10")
        XCTAssertEqual(imported.entries[1].answered, "2024-06-11")
        XCTAssertEqual(imported.entries[0].question, "我叫王小明，电话138****5678，想问标签问题")
        XCTAssertEqual(imported.entries[0].answer, "姓名：王**，您好：按规定标注即可。")
        XCTAssertEqual(imported.entries[1].question, "身份证号110105********002X办证要多久？")
        XCTAssertEqual(imported.entries[0].documents, ["2024-food-labels"])
        XCTAssertEqual(
            imported.maskings,
            [
                .init(row: 2, column: "来信内容", kind: "手机号码", masked: "138****5678"),
                .init(row: 2, column: "答复内容", kind: "姓名", masked: "王**"),
                .init(row: 3, column: "来信内容", kind: "居民身份证号码", masked: "110105********002X"),
            ])
        let yaml = imported.yaml(source: "x.csv", today: CalendarDate("2024-06-12")!)
        let batch = QuestionBatch(relativePath: "qa/b.yml", displayPath: "content/qa/b.yml", text: yaml)
        XCTAssertNil(batch.error)
        XCTAssertEqual(batch.entries.count, 2)
        XCTAssertEqual(batch.entries[1].string("answer"), "一般5个工作日，\"加急\"可当天。")
        XCTAssertEqual(batch.entries[0].string("channel"), "12345热线")
        XCTAssertFalse(yaml.contains("13812345678"))
    }

    func testMissingRequiredColumnIsAnErrorInChinese() throws {
        let sheet = try QuestionSheet.parse("问题,答复\n问？,答。\n", name: "x.csv")
        XCTAssertThrowsError(try QuestionImport(sheet: sheet, channel: .hotline, batch: "b")) { error in
            XCTAssertTrue("\(error)".contains("表格缺少必需的列：“答复日期”"), "\(error)")
        }
    }

    /// The dry run's gate: the real rules over the content plus the batch in memory. A masked
    /// import passes; an unknown document is reported at the batch's own line.
    func testGateOverTheWouldBeBatch() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-import-\(UUID().uuidString)")
        try ContentFixture().write(to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = try QuestionSheet.parse(csv.replacingOccurrences(of: ",,,", with: ",,,no-such-doc"), name: "x.csv")
        let imported = try QuestionImport(sheet: sheet, channel: .hotline, batch: "b")
        let text = imported.yaml(source: "x.csv", today: CalendarDate("2024-06-12")!)
        let findings = try QuestionImport.check(
            content: root, displayRoot: "content", batch: "qa/b.yml", text: text, asOf: CalendarDate("2024-06-12"), now: Date())
        XCTAssertEqual(findings.map(\.rule.code), ["PQ004"])
        XCTAssertEqual(findings.first?.location.file, "content/qa/b.yml")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("qa/b.yml").path))
    }

    /// Dates as exports write them, and an XLSX cell typed as a date (a serial day).
    func testDatesAndColumnReferences() {
        XCTAssertEqual(QuestionImport.day("2025/3/12 10:20"), "2025-03-12")
        XCTAssertEqual(QuestionImport.day("2025年3月2日"), "2025-03-02")
        XCTAssertEqual(QuestionImport.day("45782"), "2025-05-05")
        XCTAssertEqual(QuestionImport.day("2025/2/30"), "2025/2/30", "not a day: left for PQ003")
        XCTAssertEqual(QuestionWorkbook.columnIndex("A1"), 0)
        XCTAssertEqual(QuestionWorkbook.columnIndex("AB12"), 27)
        XCTAssertNil(QuestionWorkbook.columnIndex("12"))
        XCTAssertEqual(QuestionWorkbook.columnIndex("XFD1"), 16_383, "Excel's last column")
        XCTAssertNil(QuestionWorkbook.columnIndex("XFE1"))
        XCTAssertNil(QuestionWorkbook.columnIndex("ZZZZZZZZZZZZZZZZ1"), "a crafted reference neither traps nor allocates")
    }

    /// A phone number inside a labelled address: the address is hidden whole, the number with
    /// it, and nothing of either is left behind for the gate to miss.
    func testOverlappingFindingsAreMaskedWhole() {
        let (masked, found) = QuestionImport.mask("住址：示例市和平路1号13800138000，来电反映。")
        XCTAssertFalse(masked.contains("和平路"), masked)
        XCTAssertFalse(masked.contains("13800138000"), masked)
        XCTAssertFalse(masked.contains("0138000"), masked)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(masked.hasSuffix("，来电反映。") || masked.contains("来电反映"), masked)
    }

    func testZipEntriesRefuseWhatIsNotAZip() {
        XCTAssertThrowsError(try ZipEntries(Array("not a zip file at all, just some text".utf8)))
    }
}

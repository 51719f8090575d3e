import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

final class ArticleDiffTests: XCTestCase {
    func testChineseNumerals() {
        let cases: [(String, Int)] = [
            ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("一百", 100), ("一百零二", 102),
            ("一百一十", 110), ("一百一十二", 112), ("一〇二", 102), ("两千零一", 2001), ("一千二百六十", 1260), ("12", 12),
        ]
        for (text, value) in cases { XCTAssertEqual(ChineseNumeral.value(Substring(text)), value, text) }
        XCTAssertNil(ChineseNumeral.value("十百"))
        XCTAssertNil(ChineseNumeral.value("条"))
    }

    func testSplitsArticlesIgnoringChaptersAndCrossReferences() {
        let body = """
            # 示例办法

            为了说明，制定本办法。

            ## 第一章 总则

            **第一条** 第一段。

            第二段，依照第十条规定办理。

            第十一条　全角空格后的条文。

            ### 第一节 一般规定

            第一百零二条 （一）项；

            （二）项。

            第十条之一 插入的条文。

            第二十条规定的情形，不是条文开头。
            """
        let articles = Article.split(body)
        XCTAssertEqual(articles.map(\.label), ["序言", "第一条", "第十一条", "第一百零二条", "第十条之一"])
        XCTAssertEqual(articles.map(\.number), [nil, 1, 11, 102, 10])
        XCTAssertEqual(articles[0].text, "为了说明，制定本办法。")
        XCTAssertEqual(articles[1].text, "第一段。\n第二段，依照第十条规定办理。")
        XCTAssertEqual(articles[2].text, "全角空格后的条文。")
        XCTAssertEqual(articles[3].text, "（一）项；\n（二）项。")
        XCTAssertEqual(articles[3].chapter, "第一章 总则 第一节 一般规定")
        XCTAssertEqual(articles[4].text, "插入的条文。\n第二十条规定的情形，不是条文开头。")
    }

    /// Lines are cut at line feeds found in the UTF-8, exactly where `split(separator: "\n")`
    /// cuts: never inside "\r\n", which is one character.
    func testLinesAreCutWhereSplittingByCharacterCuts() {
        let bodies = [
            "", "\n", "\n\n", "一", "一\n二", "一\n\n\n二\n", "一\r\n二", "\r\n\n", "一\r\r\n二\n\r",
            "\n\u{301}甲", "第一条 甲\n第二条 乙\n", "a\nb\r\nc\n\nd", "一\r", "一\r二",
        ]
        for body in bodies {
            // Compared as bytes: `==` on strings would accept canonically equivalent text.
            XCTAssertEqual(
                Article.lines(of: body).map { Array($0.utf8) },
                body.split(separator: "\n", omittingEmptySubsequences: true).map { Array($0.utf8) },
                body.debugDescription)
        }
    }

    /// Runs of any white space inside a line become one space; a line without any is kept as is.
    func testWhiteSpaceInsideALineIsCollapsed() {
        let articles = Article.split("第一条 甲\u{3000}\u{3000}乙\t丙\u{A0} 丁\n第二条 戊己\n第三条  庚\u{2003}辛")
        XCTAssertEqual(articles.map(\.text), ["甲 乙 丙 丁", "戊己", "庚 辛"])
    }

    /// The byte test for White_Space agrees with the standard library on every scalar, alone
    /// and between ideographs (all White_Space scalars are in the BMP; astral ones are sampled).
    func testWhiteSpaceScalarTestAgreesWithTheStandardLibrary() {
        let scalars = (0..<0x1_0000).compactMap(Unicode.Scalar.init) + stride(from: 0x1_0000, to: 0x11_0000, by: 97).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let alone = String(scalar), embedded = "中\(scalar)文"
            XCTAssertEqual(alone.containsWhiteSpaceScalar, scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(embedded.containsWhiteSpaceScalar, scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16)) embedded")
            XCTAssertEqual(scalar.hasWhiteSpaceProperty, scalar.properties.isWhitespace, "U+\(String(scalar.value, radix: 16)) alone")
        }
    }

    func testBodyWithoutArticlesIsComparedByParagraph() {
        let diff = ArticleDiff(old: "一、目标。\n\n二、措施。", new: "一、目标。\n\n二、新的措施。")
        XCTAssertEqual(diff.new.map(\.label), ["第1段", "第2段"])
        XCTAssertEqual(diff.count(.changed), 1)
        XCTAssertEqual(diff.count(.unchanged), 1)
    }

    /// Old → new: an article inserted after 第二条 (so 第三条 becomes 第四条), 第五条 split into
    /// two, 第四条 moved to the end, 第六条 dropped and the commencement date changed.
    func testFollowsRenumberedMovedAndSplitArticles() {
        let old = """
            ## 第一章 总则
            第一条 为了规范食品小作坊生产加工活动，保障公众身体健康，制定本办法。
            第二条 本办法适用于本省行政区域内食品小作坊的生产加工及其监督管理活动。
            第三条 食品小作坊应当依法取得登记证，登记证有效期为三年。
            ## 第二章 监督管理
            第四条 县级以上市场监督管理部门负责本行政区域内食品小作坊的监督管理工作。
            第五条 食品小作坊应当建立进货查验记录制度，如实记录原料的名称、规格、数量、供货者名称及联系方式、进货日期等内容。食品小作坊应当每年开展一次食品安全自查，并向所在地县级市场监督管理部门报告自查情况。
            第六条 违反本办法规定的，依照有关法律法规处理。
            第七条 本办法自2019年6月1日起施行。
            """
        let new = """
            ## 第一章 总则
            第一条 为了规范食品小作坊生产加工活动，保障公众身体健康，制定本办法。
            第二条 本办法适用于本省行政区域内食品小作坊的生产加工及其监督管理活动。
            第三条 鼓励食品小作坊入驻集中加工区，改善生产条件。
            第四条 食品小作坊应当依法取得登记证，登记证有效期为五年。
            ## 第二章 监督管理
            第五条 食品小作坊应当建立进货查验记录制度，如实记录原料的名称、规格、数量、供货者名称及联系方式、进货日期等内容。
            第六条 食品小作坊应当每年开展一次食品安全自查，并向所在地县级市场监督管理部门报告自查情况。
            第七条 本办法自2025年5月1日起施行。
            第八条 县级以上市场监督管理部门负责本行政区域内食品小作坊的监督管理工作。
            """
        let diff = ArticleDiff(old: old, new: new)
        func row(new label: String) -> ArticleDiff.Row? { diff.rows.first { $0.new?.label == label } }

        XCTAssertEqual(row(new: "第一条")?.change, .unchanged)
        XCTAssertEqual(row(new: "第二条")?.change, .unchanged)
        XCTAssertEqual(row(new: "第三条")?.change, .added)
        XCTAssertNil(row(new: "第三条")?.takenFrom)

        // Renumbered and changed: 三年 → 五年.
        let renumbered = row(new: "第四条")
        XCTAssertEqual(renumbered?.change, .changed)
        XCTAssertEqual(renumbered?.old?.label, "第三条")
        XCTAssertEqual(renumbered?.renumbered, true)
        XCTAssertEqual(renumbered?.moved, false)
        XCTAssertEqual(renumbered?.segments.filter { $0.kind == .deleted }.map(\.text), ["三"])
        XCTAssertEqual(renumbered?.segments.filter { $0.kind == .inserted }.map(\.text), ["五"])

        // Split: one half pairs with old 第五条 (changed), the other is added, taken from it.
        let halves = [row(new: "第五条"), row(new: "第六条")].compactMap { $0 }
        XCTAssertEqual(halves.filter { $0.change == .changed && $0.old?.label == "第五条" }.count, 1)
        XCTAssertEqual(halves.filter { $0.change == .added && $0.takenFrom?.label == "第五条" }.count, 1)

        // Moved: old 第四条 is now 第八条, out of order but word for word the same.
        let moved = row(new: "第八条")
        XCTAssertEqual(moved?.change, .unchanged)
        XCTAssertEqual(moved?.old?.label, "第四条")
        XCTAssertEqual(moved?.moved, true)

        // Removed, and placed after the old article it followed.
        let removed = diff.rows.filter { $0.change == .removed }
        XCTAssertEqual(removed.map { $0.old?.label }, ["第六条"])
        XCTAssertNil(removed.first?.mergedInto)

        let commencement = row(new: "第七条")
        XCTAssertEqual(commencement?.change, .changed)
        XCTAssertEqual(commencement?.old?.label, "第七条")

        XCTAssertEqual(diff.count(.unchanged), 3)
        XCTAssertEqual(diff.count(.changed), 3)
        XCTAssertEqual(diff.count(.added), 2)
        XCTAssertEqual(diff.count(.removed), 1)
        // Every old and new article appears exactly once.
        XCTAssertEqual(diff.rows.compactMap { $0.old?.index }.sorted(), Array(0..<7))
        XCTAssertEqual(diff.rows.compactMap { $0.new?.index }.sorted(), Array(0..<8))
    }

    func testMergedArticleIsNoted() {
        let old = """
            第一条 经营者应当明码标价，标价签应当清晰醒目。
            第二条 经营者不得在标价之外加价出售商品，不得收取任何未予标明的费用。
            """
        let new = "第一条 经营者应当明码标价，标价签应当清晰醒目。经营者不得在标价之外加价出售商品，不得收取任何未予标明的费用。"
        let diff = ArticleDiff(old: old, new: new)
        XCTAssertEqual(diff.rows.first { $0.change == .removed }?.mergedInto?.label, "第一条")
        XCTAssertEqual(diff.count(.changed), 1)
    }

    func testInlineDiffKeepsBothTextsAndFoldsStrayMatches() {
        let old = "本办法自2019年6月1日起施行。"
        let new = "本办法自2025年5月1日起施行。"
        let segments = CharacterDiff.segments(old: old, new: new)
        XCTAssertEqual(segments.filter { $0.kind != .inserted }.map(\.text).joined(), old)
        XCTAssertEqual(segments.filter { $0.kind != .deleted }.map(\.text).joined(), new)
        // The lone 年 between two changed digits is folded into one change.
        XCTAssertEqual(
            segments,
            [
                .init(.equal, "本办法自20"), .init(.deleted, "19年6"), .init(.inserted, "25年5"),
                .init(.equal, "月1日起施行。"),
            ])
    }

    func testHugeArticlesStayFast() {
        let sentence = (0..<40).map { "第\($0)句规定了经营者应当履行的义务和相应的法律责任。" }
        let old = sentence.joined()
        var changed = sentence
        changed[7] = "这一句完全改写了。"
        changed.insert("新增的一句。", at: 30)
        let new = String(repeating: changed.joined(), count: 3)
        let start = Date()
        let segments = CharacterDiff.segments(old: String(repeating: old, count: 3), new: new)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(segments.filter { $0.kind != .inserted }.map(\.text).joined(), String(repeating: old, count: 3))
        XCTAssertEqual(segments.filter { $0.kind != .deleted }.map(\.text).joined(), new)
    }
}

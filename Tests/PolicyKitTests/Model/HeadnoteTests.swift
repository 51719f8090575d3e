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

/// The headnote (题注) of a regulation against real ones. Each expected string is the
/// official headnote of a real regulation as printed (the LawRefBook corpus in
/// ../shared/corpus keeps the same steps one per line, without the 根据 and the full-width
/// spaces; its full-width digits are written here as ASCII, as the site prints dates).
/// The inputs are what a bureau would write in front matter for the same history: one
/// bundle per version linked by `supersedes`, and `amended_by` on the version a decision
/// amended.
final class HeadnoteTests: XCTestCase {
    struct Version {
        let id: String
        let signed: String
        let number: String
        var supersedes: String? = nil
        var amendedBy: [(date: String, number: String?, title: String?)] = []
    }

    private func headnote(_ versions: [Version], site: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        var fixture = ContentFixture()
        if !site.isEmpty { fixture["site.yml"] = ContentFixture.site + site }
        for v in versions {
            var fm = "title: 示例条例\nnumber: \(v.number)\nissuer: 国务院\noffice: 法规处\nsigned: \(v.signed)\npublished: \(v.signed)"
            if let earlier = v.supersedes { fm += "\nsupersedes: \(earlier)" }
            if !v.amendedBy.isEmpty {
                fm +=
                    "\namended_by:"
                    + v.amendedBy.map { a in
                        "\n  - { date: \(a.date)\(a.number.map { ", number: \($0)" } ?? "")\(a.title.map { ", title: \"\($0)\"" } ?? "") }"
                    }.joined()
            }
            fixture.addDocument("regulations/\(v.id)", fm, interpretation: v.signed)
        }
        let result = try fixture.check()
        XCTAssertEqual(
            result.diagnostics.filter { $0.severity == .error }.map { "\($0.rule.code) \($0.message)" }, [],
            file: file, line: line)
        let latest = try XCTUnwrap(result.library.document(versions.last!.id), file: file, line: line)
        return result.library.headnote(of: latest)
    }

    /// 中华人民共和国保守国家秘密法实施条例 (2024): a re-issue by a new order — no 根据.
    func testReissueByNewOrder() throws {
        let text = try headnote([
            Version(id: "v2014", signed: "2014-01-17", number: "中华人民共和国国务院令第646号"),
            Version(id: "v2024", signed: "2024-07-10", number: "中华人民共和国国务院令第786号", supersedes: "v2014"),
        ])
        XCTAssertEqual(text, "（2014年1月17日中华人民共和国国务院令第646号公布　2024年7月10日中华人民共和国国务院令第786号修订）")
    }

    /// 中国人民解放军文职人员条例 (2022): two re-issues are counted.
    func testTwoReissuesAreCounted() throws {
        let order = "中华人民共和国国务院、中华人民共和国中央军事委员会令"
        let text = try headnote([
            Version(id: "v2005", signed: "2005-06-23", number: "\(order)第438号"),
            Version(id: "v2017", signed: "2017-09-27", number: "\(order)第689号", supersedes: "v2005"),
            Version(id: "v2022", signed: "2022-12-10", number: "\(order)第757号", supersedes: "v2017"),
        ])
        XCTAssertEqual(text, "（2005年6月23日\(order)第438号公布　2017年9月27日\(order)第689号第一次修订　2022年12月10日\(order)第757号第二次修订）")
    }

    /// 公安机关办理行政案件程序规定 (2018 text): amendments by decision, each with the
    /// decision's order number and title, counted 第一次/第二次修正; the 2012 text says 发布.
    /// The regulation's own name inside the decision's title is written 〈〉.
    func testAmendmentsByDecision() throws {
        let text = try headnote(
            [
                Version(
                    id: "v2012", signed: "2012-12-19", number: "中华人民共和国公安部令第125号",
                    amendedBy: [
                        ("2018-11-25", "公安部令第149号", "公安部关于修改《公安机关办理行政案件程序规定》的决定"),
                        ("2014-06-29", "中华人民共和国公安部令第132号", "公安部关于修改部分部门规章的决定"),
                    ])
            ], site: "headnote: { promulgated: 发布 }\n")
        XCTAssertEqual(
            text, "（2012年12月19日中华人民共和国公安部令第125号发布　根据2014年6月29日中华人民共和国公安部令第132号《公安部关于修改部分部门规章的决定》第一次修正　根据2018年11月25日公安部令第149号《公安部关于修改〈公安机关办理行政案件程序规定〉的决定》第二次修正）")
    }

    /// 国家科学技术奖励条例 (2024): decisions and a re-issue in date order; the State
    /// Council calls an amendment by decision 修订, so all four are counted together.
    func testDecisionsAndReissueInDateOrder() throws {
        let text = try headnote(
            [
                Version(
                    id: "v1999", signed: "1999-05-23", number: "中华人民共和国国务院令第265号",
                    amendedBy: [
                        ("2003-12-20", nil, "国务院关于修改〈国家科学技术奖励条例〉的决定"),
                        ("2013-07-18", nil, "国务院关于废止和修改部分行政法规的决定"),
                    ]),
                Version(
                    id: "v2020", signed: "2020-10-07", number: "中华人民共和国国务院令第731号", supersedes: "v1999",
                    amendedBy: [
                        ("2024-05-26", nil, "《国务院关于修改〈国家科学技术奖励条例〉的决定》")
                    ]),
            ], site: "headnote: { promulgated: 发布, amended: 修订 }\n")
        XCTAssertEqual(
            text,
            "（1999年5月23日中华人民共和国国务院令第265号发布　根据2003年12月20日《国务院关于修改〈国家科学技术奖励条例〉的决定》第一次修订　根据2013年7月18日《国务院关于废止和修改部分行政法规的决定》第二次修订　2020年10月7日中华人民共和国国务院令第731号第三次修订　根据2024年5月26日《国务院关于修改〈国家科学技术奖励条例〉的决定》第四次修订）"
        )
    }

    /// 行政执法机关移送涉嫌犯罪案件的规定 (2020) and 保安服务管理条例 (2022): one decision
    /// is not counted; two are.
    func testOneDecisionIsNotCounted() throws {
        let one = try headnote(
            [
                Version(
                    id: "v2001", signed: "2001-07-09", number: "中华人民共和国国务院令第310号",
                    amendedBy: [
                        ("2020-08-07", nil, "国务院关于修改《行政执法机关移送涉嫌犯罪案件的规定》的决定")
                    ])
            ], site: "headnote: { amended: 修订 }\n")
        XCTAssertEqual(one, "（2001年7月9日中华人民共和国国务院令第310号公布　根据2020年8月7日《国务院关于修改〈行政执法机关移送涉嫌犯罪案件的规定〉的决定》修订）")
        let two = try headnote(
            [
                Version(
                    id: "v2009", signed: "2009-10-13", number: "中华人民共和国国务院令第564号",
                    amendedBy: [
                        ("2020-11-29", nil, "国务院关于修改和废止部分行政法规的决定"),
                        ("2022-03-29", nil, "国务院关于修改和废止部分行政法规的决定"),
                    ])
            ], site: "headnote: { amended: 修订 }\n")
        XCTAssertEqual(two, "（2009年10月13日中华人民共和国国务院令第564号公布　根据2020年11月29日《国务院关于修改和废止部分行政法规的决定》第一次修订　根据2022年3月29日《国务院关于修改和废止部分行政法规的决定》第二次修订）")
    }

    /// The default words are the 规章 usage: 公布, and 修正 for a decision (here without its title).
    func testDefaultWordsForARegulation() throws {
        let text = try headnote([
            Version(
                id: "v2019", signed: "2019-04-20", number: "示例省人民政府令第203号",
                amendedBy: [
                    ("2021-07-02", "示例省人民政府令第220号", nil)
                ]),
            Version(id: "v2025", signed: "2025-03-28", number: "示例省人民政府令第259号", supersedes: "v2019"),
        ])
        XCTAssertEqual(text, "（2019年4月20日示例省人民政府令第203号公布　根据2021年7月2日示例省人民政府令第220号修正　2025年3月28日示例省人民政府令第259号修订）")
    }

    func testChineseOrdinals() {
        XCTAssertEqual([1, 2, 9, 10, 11, 20, 21].map(Headnote.chineseNumber), ["一", "二", "九", "十", "十一", "二十", "二十一"])
    }
}

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

/// The Q&A library on the sample content. Counted by hand from the `##` questions of the four
/// `问答.md` files: 2022-food-workshop-registration 5, 2022-relief-measures 6,
/// 2024-price-behavior-compliance 5, 2022-food-workshops-regulation 4 — 20 pairs. By first
/// topic: 食品安全 9 (5 + 4), 优化营商环境 6, 价格监管 5. Plus three standalone entries in
/// content/qa/: two 12345热线 (食品安全, 价格监管) and one 省长信箱 (信用监管).
final class QuestionBankTests: XCTestCase {
    func testEveryPairIsGatheredByTopic() {
        let library = SampleContent.library
        XCTAssertEqual(library.questionEntries.count, 23)
        let groups = library.questionEntriesByTopic()
        XCTAssertEqual(groups.map(\.topic), ["食品安全", "价格监管", "优化营商环境", "信用监管"])
        XCTAssertEqual(groups.map(\.entries.count), [10, 6, 6, 1])
        let anchors = library.questionEntries.filter { $0.standalone == nil }.map(\.anchor)
        XCTAssertEqual(Set(anchors).count, 20, "anchors are unique")
        XCTAssertTrue(anchors.allSatisfy { $0.range(of: #"^q-[a-z0-9-]+-[0-9a-f]{8}$"#, options: .regularExpression) != nil })
    }

    func testAnchorsSurviveReordering() {
        let library = SampleContent.library
        let entry = library.questionEntries.first { $0.question == "年报晚报了会被列入经营异常名录吗？" }!
        XCTAssertEqual(entry.anchor, "q-2022-relief-measures-" + Library.hash8("问答\n年报晚报了会被列入经营异常名录吗？"))
    }

    func testPageLinksEveryPairToItsSourceWithStatus() throws {
        let page = try SampleContent.text("qa/index.html")
        XCTAssertEqual(page.components(separatedBy: "<article class=\"qa-entry\"").count - 1, 23)
        for entry in SampleContent.library.questionEntries {
            XCTAssertTrue(page.contains("id=\"\(entry.anchor)\""), entry.anchor)
        }
        XCTAssertTrue(page.contains("href=\"../d/2022-relief-measures/\">《示例省市场监督管理局关于进一步帮助市场主体纾困解难的若干措施》</a>"))
        // 2022-relief-measures was declared invalid (2023), 2022-food-workshops-regulation superseded:
        // their 6 + 4 answers are marked, the superseded one with a link to the current version.
        XCTAssertEqual(page.components(separatedBy: "本问答所依据的文件").count - 1, 10)
        XCTAssertTrue(page.contains("本问答所依据的文件已失效"))
        XCTAssertTrue(page.contains("<a href=\"../d/2025-food-workshops-regulation/\">现行版本：《示例省食品小作坊监督管理办法》</a>"))
        XCTAssertTrue(page.contains("<span class=\"badge badge-expired\">已失效</span>"))
        // In the navigation of every page.
        XCTAssertTrue(try SampleContent.text("index.html").contains("<a href=\"qa/\">政策问答</a>"))
        XCTAssertTrue(try SampleContent.text("sitemap.xml").contains("<loc>https://www.example.gov.cn/zcwj/qa/</loc>"))
    }

    func testQuestionBankData() throws {
        let data = try XCTUnwrap(SampleContent.site["qa.json"]?.text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual(json["count"] as? Int, 23)
        let questions = try XCTUnwrap(json["questions"] as? [[String: Any]])
        let pairs = questions.filter { $0["interpretation"] is [String: Any] }
        XCTAssertEqual(pairs.count, 20)
        let documentIDs = pairs.compactMap { ($0["document"] as? [String: Any])?["id"] as? String }
        XCTAssertEqual(documentIDs, documentIDs.sorted(), "sorted by document")
        let first = try XCTUnwrap(questions.first)
        XCTAssertEqual(first["question"] as? String, "为什么要在规章之外再出台一份登记细则？")
        XCTAssertTrue((first["url"] as? String)?.hasPrefix("https://www.example.gov.cn/zcwj/qa/#q-2022-food-workshop-registration-") == true)
        XCTAssertEqual((first["document"] as? [String: Any])?["status"] as? String, "in-force")
    }

    func testInterpretationsByForm() throws {
        let page = try SampleContent.text("interpretations/index.html")
        // 21 interpretations: 文字 11, 问答 4, 图解 1, 视频 1, 新闻发布会 1, 访谈 1, 动漫 1, 场景演示 1.
        XCTAssertTrue(page.contains("全部政策解读 21 篇"))
        for (label, count) in [
            ("文字解读", 11), ("问答", 4), ("图解", 1), ("视频解读", 1), ("新闻发布会", 1), ("访谈", 1),
            ("动漫", 1), ("场景演示", 1),
        ] {
            XCTAssertTrue(page.contains("\(label)（\(count) 篇）"), label)
        }
        XCTAssertTrue(page.contains("含字幕和文字实录"))
        XCTAssertTrue(page.contains("含图片文字说明"))
        // The video page itself has captions and the transcript on the page.
        let video = try SampleContent.text("d/2025-food-workshops-regulation/视频解读/index.html")
        XCTAssertTrue(video.contains("<track kind=\"captions\""))
        XCTAssertTrue(video.contains("视频文字实录"))
    }
}

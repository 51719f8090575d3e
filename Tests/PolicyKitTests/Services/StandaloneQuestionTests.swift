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

/// Standalone Q&A entries (content/qa/): loading with positions, the model's groupings, the
/// pages and qa.json, on the sample content (two 12345热线 entries in a batch, one 省长信箱
/// `.md` entry) and on small fixtures.
final class StandaloneQuestionTests: XCTestCase {
    // MARK: - Loading

    func testMarkdownAndBatchEntriesAreLoadedWithTheirLines() throws {
        let raw = SampleContent.checked.raw
        XCTAssertEqual(raw.questionFiles.map(\.relativePath), ["qa/mailbox-2025-credit-repair.md"])
        XCTAssertEqual(raw.questionBatches.map(\.relativePath), ["qa/2025-12345-hotline-batch-03.yml"])
        let sources = raw.questionSources
        XCTAssertEqual(sources.map(\.id), ["mailbox-2025-credit-repair", "hotline-2025-0301", "hotline-2025-0302"])
        // A batch entry starts at its `- id:` line (the file opens with two comment lines).
        XCTAssertEqual(sources[1].location.file, "content/qa/2025-12345-hotline-batch-03.yml")
        XCTAssertEqual(sources[1].location.line, 3)
        XCTAssertEqual(sources[2].location.line, 13)
        XCTAssertEqual(sources[2].fields.location(of: "channel").line, 18)
        // A `.md` entry's answer is its body, which starts after the front matter.
        XCTAssertEqual(sources[0].bodyLine, 9)
        XCTAssertTrue(sources[0].answer?.hasPrefix("来信人张某反映的情况已收悉") == true)
    }

    func testModelReadsEveryField() throws {
        let q = try XCTUnwrap(SampleContent.library.standaloneQuestions.first { $0.id == "hotline-2025-0302" })
        XCTAssertEqual(q.channel, .hotline)
        XCTAssertEqual(q.answered, CalendarDate("2025-03-18"))
        XCTAssertEqual(q.office, "价格监督检查和反不正当竞争处")
        XCTAssertEqual(q.topics, ["价格监管"])
        XCTAssertEqual(q.documents, ["2024-price-behavior-compliance"])
        XCTAssertTrue(q.answer.contains("前七日内"))
    }

    // MARK: - Groupings

    func testGroupsByChannelAndByDocument() {
        let library = SampleContent.library
        let channels = library.questionEntriesByChannel()
        XCTAssertEqual(channels.map(\.channel), [.interpretation, .hotline, .governorMailbox])
        XCTAssertEqual(channels.map(\.entries.count), [20, 2, 1])
        let byDocument = Dictionary(
            library.questionEntriesByDocument().map { ($0.document.id, $0.entries.map(\.channel)) }, uniquingKeysWith: { a, _ in a })
        // 5 pairs of its 问答.md and the hotline entry.
        XCTAssertEqual(byDocument["2022-food-workshop-registration"]?.filter { $0 == .interpretation }.count, 5)
        XCTAssertEqual(byDocument["2022-food-workshop-registration"]?.filter { $0 == .hotline }.count, 1)
        XCTAssertEqual(byDocument["2023-credit-repair-procedures"], [.governorMailbox])
    }

    /// An entry's basis goes stale with its document: repealing it flags the entry.
    func testStaleBasisFollowsTheDocumentsStatus() throws {
        var fixture = ContentFixture()
        fixture[QuestionFixture.batchPath] = QuestionFixture.entry()
        fixture.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\nrepealed: { date: 2024-11-01 }")
        let library = try fixture.check(asOf: "2024-12-01").checked.library
        let entry = try XCTUnwrap(library.questionEntries.first { $0.standalone != nil })
        XCTAssertEqual(library.staleBasis(of: entry, at: CalendarDate("2024-10-31")!).count, 0)
        XCTAssertEqual(library.staleBasis(of: entry, at: CalendarDate("2024-12-01")!).map(\.status), [.repealed])
    }

    /// The site leaves out an entry answered after the as-of day, and a document not on the site.
    func testPublishedLibraryHidesLaterAnswersAndWithheldDocuments() throws {
        var fixture = ContentFixture()
        fixture[QuestionFixture.batchPath] = QuestionFixture.entry() + QuestionFixture.entry(id: "later", answered: "2024-12-20")
        fixture.replace(in: ContentFixture.doc, "expires: 2029-03-31", with: "expires: 2029-03-31\ndisclosure: 依申请公开")
        let library = try fixture.check(asOf: "2024-12-31").checked.library
        let site = library.published(asOf: CalendarDate("2024-12-10")!)
        XCTAssertEqual(site.standaloneQuestions.map(\.id), ["hotline-2024-0601"])
        XCTAssertEqual(site.standaloneQuestions[0].documents, [])
    }

    // MARK: - Pages and data

    func testEntryPageAndGroupPagesLink() throws {
        let entry = try SampleContent.text("qa/hotline-2025-0301/index.html")
        XCTAssertTrue(entry.contains("我在家里做手工糕点拿到集市上卖，需要办什么证？</h1>"))
        XCTAssertTrue(entry.contains("来源：<a href=\"../by-channel/#hotline-12345\">12345热线</a>"))
        XCTAssertTrue(entry.contains("<a href=\"../../d/2022-food-workshop-registration/\">《示例省食品小作坊登记管理细则》</a>"))
        XCTAssertFalse(entry.contains("qa-stale"))
        let channels = try SampleContent.text("qa/by-channel/index.html")
        XCTAssertTrue(channels.contains("<h2 id=\"hotline-12345\">12345热线</h2>"))
        XCTAssertTrue(channels.contains("<a class=\"entry-title\" href=\"../hotline-2025-0301/\">"))
        XCTAssertTrue(channels.contains("<h2 id=\"governor-mailbox\">省长信箱</h2>"))
        let documents = try SampleContent.text("qa/by-document/index.html")
        XCTAssertTrue(documents.contains("id=\"d-2023-credit-repair-procedures\""))
        XCTAssertTrue(documents.contains("href=\"../mailbox-2025-credit-repair/\""))
        // Pairs link to their anchor on qa/.
        XCTAssertTrue(documents.contains("href=\"../#q-2022-food-workshop-registration-"))
        // Superseded / expired bases are flagged in the list.
        XCTAssertTrue(documents.contains("<span class=\"qa-stale-flag\">依据文件已失效</span>"))
        let bank = try SampleContent.text("qa/index.html")
        XCTAssertTrue(bank.contains("<a href=\"by-channel/\">按来源渠道</a>"))
        XCTAssertTrue(bank.contains("id=\"mailbox-2025-credit-repair\""))
    }

    func testDocumentPageListsRelatedQuestions() throws {
        let page = try SampleContent.text("d/2023-credit-repair-procedures/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"questions-heading\">相关问答</h2>"))
        XCTAssertTrue(page.contains("<a class=\"entry-title\" href=\"../../qa/mailbox-2025-credit-repair/\">企业被列入经营异常名录后补报了年报"))
        XCTAssertTrue(page.contains("<span>省长信箱</span>"))
        let registration = try SampleContent.text("d/2022-food-workshop-registration/index.html")
        XCTAssertTrue(registration.contains("在政策问答库中查看（共 6 条）"))
    }

    func testQuestionBankDataCarriesStandaloneEntries() throws {
        let data = try XCTUnwrap(SampleContent.site["qa.json"]?.text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let questions = try XCTUnwrap(json["questions"] as? [[String: Any]])
        let standalone = questions.filter { $0["interpretation"] is NSNull }
        XCTAssertEqual(standalone.map { $0["id"] as? String }, ["hotline-2025-0301", "hotline-2025-0302", "mailbox-2025-credit-repair"])
        let first = try XCTUnwrap(standalone.first)
        XCTAssertEqual(first["channel"] as? String, "12345热线")
        XCTAssertEqual(first["channel_code"] as? String, "hotline-12345")
        XCTAssertEqual(first["answered"] as? String, "2025-03-12")
        XCTAssertEqual(first["office"] as? String, "食品生产安全监督管理处")
        XCTAssertEqual(first["url"] as? String, "https://www.example.gov.cn/zcwj/qa/hotline-2025-0301/")
        XCTAssertTrue(first["position"] is NSNull)
        XCTAssertEqual(first["stale"] as? Bool, false)
        XCTAssertEqual(((first["documents"] as? [[String: Any]])?.first)?["id"] as? String, "2022-food-workshop-registration")
        // Pairs carry the new keys too: channel 解读问答, and stale where their document lapsed.
        let pair = try XCTUnwrap(questions.first { ($0["document"] as? [String: Any])?["id"] as? String == "2022-relief-measures" })
        XCTAssertEqual(pair["channel"] as? String, "解读问答")
        XCTAssertEqual(pair["stale"] as? Bool, true)
    }

    /// Each standalone entry is a search record of kind 问答, titled by its question.
    func testSearchRecordsOfKindQuestion() throws {
        let library = SampleContent.library.published(asOf: SampleContent.asOf)
        let records = SearchRecord.all(in: library)
        let questions = records.filter { $0.path.hasPrefix("qa/") }
        XCTAssertEqual(questions.map(\.path), ["qa/hotline-2025-0301/", "qa/hotline-2025-0302/", "qa/mailbox-2025-credit-repair/"])
        XCTAssertEqual(questions[0].title, "我在家里做手工糕点拿到集市上卖，需要办什么证？")
        XCTAssertTrue(questions[0].text.contains("告知承诺"))
        let meta = SearchMeta(library: library, records: records).bytes
        let header = try Self.header(of: meta)
        XCTAssertEqual(header["kindNames"] as? [String], ["规章", "行政规范性文件", "其他政策文件", "问答"])
        XCTAssertEqual(header["documents"] as? Int, library.documents.count + 3)
    }

    private static func header(of bytes: [UInt8]) throws -> [String: Any] {
        var length = 0, shift = 0, i = 0
        while true {
            let b = Int(bytes[i])
            length |= (b & 0x7F) << shift
            i += 1
            if b < 0x80 { break }
            shift += 7
        }
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes[i..<i + length])) as? [String: Any])
    }
}

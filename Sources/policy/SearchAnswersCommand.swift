import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore

/// `policy search-answers`: hidden, for the browser tests. Prints, as JSON, what the Swift
/// side of the search (SearchIndexReader, SearchRanking) answers to each query over the index
/// that `policy build --as-of` writes, so the page's own modules can be compared with it.
struct SearchAnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-answers",
        abstract: "（测试用）输出检索索引对各检索词的结果（JSON）。",
        shouldDisplay: false)

    @OptionGroup var content: ContentOptions

    @Option(name: .customLong("as-of"), help: "按此日期（YYYY-MM-DD）计算时效性；默认为站点时区的今天。")
    var asOf: CalendarDate?

    @Option(name: .customLong("query"), help: "检索词，可重复。")
    var queries: [String] = []

    func run() throws {
        let json = try Pipeline.searchAnswers(content: content.url, asOf: asOf, queries: queries)
        FileHandle.standardOutput.write(json + Data("\n".utf8))
    }
}

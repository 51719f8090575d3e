import ArgumentParser
import Foundation
import PolicyKit
import PolicyCore
import PolicyReport
import PolicyModel

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "年度报告数据：规章和行政规范性文件的制发、废止、现行有效件数，政策解读统计和工作清单。",
        discussion: """
            Issued = published in the year; repealed = changed from in force (or not yet in force) to \
            repealed or expired during the year; in force = in force on 31 December (or on the as-of \
            date while the year is not over). A version replaced by a revision is not counted as repealed. \
            Staff lists (due for evaluation, lapsed since --since, exempt) are as of --as-of.
            """)

    @OptionGroup var content: ContentOptions

    @Option(help: "统计年度；默认为上一个完整年度。")
    var year: Int?

    @Option(help: "输出格式：text、csv 或 json。")
    var format: AnnualReportFormat = .text

    @Option(help: "“不再有效的文件”清单的起始日期（YYYY-MM-DD）；默认为统计年度的1月1日。")
    var since: CalendarDate?

    @Option(name: .customLong("as-of"), help: "按此日期（YYYY-MM-DD）计算时效性和工作清单；默认为站点时区的今天。")
    var asOf: CalendarDate?

    @Option(help: "系统文件库（library.yml）中只统计这个来源（单位）的数据。")
    var source: String?

    /// The years a report can count: CalendarDate arithmetic beyond these would overflow.
    static let years = 1900...9999

    func validate() throws {
        if let year, !Self.years.contains(year) {
            throw ValidationError("统计年度 \(year) 超出范围：请给出 \(Self.years.lowerBound) 至 \(Self.years.upperBound) 之间的年份，例如 --year 2025。")
        }
    }

    func run() throws {
        if content.isSystemLibrary { return try reportSystem() }
        if source != nil { throw ValidationError("--source 只用于系统文件库：policy report library.yml --source 来源id。") }
        let checked = try Pipeline.check(
            content: content.url, displayRoot: content.display, asOf: asOf,
            now: ProcessEnvironment.now)
        let library = checked.library
        if checked.hasErrors {
            printError("注意：内容有 \(checked.diagnostics.errorCount) 个错误（运行 policy check 查看），有问题的文件可能未计入统计。\n")
        }
        let asOf = asOf ?? CalendarDate.today(in: library.site.timeZone, now: ProcessEnvironment.now)
        let complete = asOf.month == 12 && asOf.day == 31 ? asOf.year : asOf.year - 1
        let report = library.annualReport(year: year ?? complete, asOf: asOf, since: since)
        print(format.render(report, site: library.site), terminator: "")
    }

    /// The whole system's figures (every bureau's documents), or one source's (`--source`).
    private func reportSystem() throws {
        let checked = try SystemPipeline.check(
            manifest: content.url, displayPath: content.display, asOf: asOf, now: ProcessEnvironment.now, strict: false)
        if checked.hasErrors {
            printError("注意：系统文件库有 \(checked.diagnostics.errorCount) 个错误（运行 policy check 查看），有问题的来源可能未计入统计。\n")
        }
        let library: Library
        if let source {
            guard let member = checked.system.members.first(where: { $0.origin.source == source }) else {
                let known = checked.system.members.map(\.origin.source).joined(separator: "、")
                throw ValidationError("library.yml 中没有可用的来源“\(source)”；可用的来源：\(known)。")
            }
            library = member.library
        } else {
            library = checked.system.merged
        }
        let complete = checked.asOf.month == 12 && checked.asOf.day == 31 ? checked.asOf.year : checked.asOf.year - 1
        let report = library.annualReport(year: year ?? complete, asOf: checked.asOf, since: since)
        print(format.render(report, site: library.site), terminator: "")
    }
}

extension AnnualReportFormat: ExpressibleByArgument {}

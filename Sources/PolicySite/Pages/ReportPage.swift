import PolicyCore
import PolicyModel
import PolicyReport
import PolicyWrite

/// `report/`: the annual-report figures for the latest complete year and the year so far,
/// with the staff lists at the as-of date, and each year's figures as CSV and JSON.
struct ReportPage {
    struct Context: Encodable {
        let page: PageChrome
        let title: String
        let asOf: DateText
        let years: [YearSection]
        let reviewWindowMonths: Int
        let reviewUntil: DateText
        let dueList: NonEmptyList<Listed>?
        let lapsedSince: DateText
        let lapsedList: NonEmptyList<Listed>?
        let exemptList: NonEmptyList<Listed>?
    }

    struct YearSection: Encodable {
        /// `2025年度（全年）`, `2026年度（截至2026年11月29日）`.
        let heading: String
        let sectionID: String
        let rows: [Row]
        let documentsPublished: Int
        let documentsInterpreted: Int
        let documentsExempt: Int
        let interpretationTotal: Int
        let sameDay: Int
        let sameDayShare: String
        let forms: [FormFigure]
        let exemptDocuments: NonEmptyList<DocumentLink>?
        let details: [Detail]
        let csvHref: String
        let jsonHref: String
    }

    struct Row: Encodable {
        let kind: String
        let issued: Int
        let repealed: Int
        let inForce: Int
    }

    struct FormFigure: Encodable {
        let form: String
        let count: Int
    }

    /// The documents behind one figure, for checking it.
    struct Detail: Encodable {
        let label: String
        let documents: NonEmptyList<DocumentLink>?
    }

    struct Listed: Encodable {
        let link: DocumentLink
        let when: DateText?
        let remark: String?
    }

    let context: SiteContext

    /// The latest complete year and the current one (just one when the as-of date is 31 December).
    var years: [Int] {
        let asOf = context.asOf
        let complete = asOf.month == 12 && asOf.day == 31 ? asOf.year : asOf.year - 1
        return complete == asOf.year ? [complete] : [complete, asOf.year]
    }

    func render() throws -> [String] {
        let directory = SitePath.report
        let link = Linker(page: directory)
        let library = context.library
        let reports = years.map { library.annualReport(year: $0, asOf: context.asOf) }
        let staff = reports[0]
        let listed = { (items: [AnnualReport.Listed]) in
            NonEmptyList.of(
                items.map {
                    Listed(
                        link: context.documentLink($0.document, from: link, live: false),
                        when: $0.date.map(DateText.init), remark: $0.note)
                })
        }
        let title = "政府信息公开年度报告数据"
        let ctx = Context(
            page: context.chrome(directory, title: title, crumbs: [(title, nil)]), title: title,
            asOf: DateText(context.asOf), years: reports.map { section($0, link) },
            reviewWindowMonths: staff.reviewWindowMonths,
            reviewUntil: DateText(context.asOf.adding(months: staff.reviewWindowMonths)),
            dueList: listed(staff.dueForEvaluation), lapsedSince: DateText(staff.since), lapsedList: listed(staff.lapsed),
            exemptList: listed(staff.exempt))
        var files: [OutputFile] = []
        for report in reports {
            files.append(.text(SitePath.reportFile(report.year, "csv"), "\u{FEFF}" + AnnualReportFormat.csv.render(report, site: context.site)))
            files.append(.text(SitePath.reportFile(report.year, "json"), AnnualReportFormat.json.render(report, site: context.site)))
        }
        return [try context.page(directory, template: "report", ctx)] + (try context.output.add(files))
    }

    private func section(_ r: AnnualReport, _ link: Linker) -> YearSection {
        let links = { (documents: [Document]) in NonEmptyList.of(documents.map { context.documentLink($0, from: link, live: false) }) }
        let i = r.interpretations
        return YearSection(
            heading: r.periodText, sectionID: "y\(r.year)",
            rows: r.rows.map { Row(kind: $0.kind.chinese, issued: $0.issued.count, repealed: $0.repealed.count, inForce: $0.inForce.count) },
            documentsPublished: i.documentsPublished.count, documentsInterpreted: i.documentsInterpreted.count,
            documentsExempt: i.documentsExempt.count, interpretationTotal: i.total, sameDay: i.sameDay,
            sameDayShare: AnnualReport.percent(i.sameDayShare),
            forms: i.byForm.map { FormFigure(form: $0.form.chinese, count: $0.count) },
            exemptDocuments: links(i.documentsExempt),
            details: r.rows.flatMap { row in
                zip(AnnualReport.columns, [row.issued, row.repealed, row.inForce]).map { column, documents in
                    Detail(label: "\(row.kind.chinese) · \(column)（\(documents.count)）", documents: links(documents))
                }
            },
            csvHref: link.href(SitePath.reportFile(r.year, "csv")), jsonHref: link.href(SitePath.reportFile(r.year, "json")))
    }
}

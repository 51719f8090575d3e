import PolicyCore

/// The figures of the annual government-information disclosure report (政府信息公开工作年度
/// 报告, 国办公开办函〔2021〕30号 format) that the library can give exactly, plus the
/// interpretation figures and the lists staff work from. Computed once here; `policy report`
/// and the site's report page only format it.
///
/// Definitions, for a year Y and an as-of date; the counting period runs from 1 January Y to
/// the cut-off, which is 31 December Y or the as-of date if earlier (a year not yet over is
/// counted to date):
/// - 本年制发件数 (issued): documents of the kind whose `published` falls in the period.
/// - 本年废止件数 (repealed): documents of the kind whose status changed, on a day in the
///   period, from 现行有效 or 尚未生效 to 已废止 (own `repealed` date, or a cleanup result
///   废止 taking effect) or to 已失效 (the day after `expires`, or a cleanup result 宣布失效
///   taking effect). A version first replaced by a revision (已修改) and repealed or lapsed
///   only later is not counted again: revising is not repealing, and the revision is counted
///   as issued.
/// - 现行有效件数 (in force at year end): documents of the kind whose status on the cut-off
///   day is 现行有效 (a document signed but not yet in force is not counted).
public struct AnnualReport: Sendable {
    public struct KindFigures: Sendable {
        public let kind: DocumentKind
        public let issued: [Document]
        public let repealed: [Document]
        public let inForce: [Document]
    }

    /// A document on a staff list, with the date that put it there.
    public struct Listed: Sendable {
        public let document: Document
        public let status: StatusReport
        /// `expires` on the evaluation list, the day the status began on the lapsed list.
        public let date: CalendarDate?
        public let note: String?
    }

    public struct Interpretations: Sendable {
        /// Documents published in the period (any kind).
        public let documentsPublished: [Document]
        /// Of those, the ones with at least one interpretation.
        public let documentsInterpreted: [Document]
        /// Of those, the ones exempt from interpretation (`exempt`).
        public let documentsExempt: [Document]
        /// Of those, the ones whose exemption does not say who approved it and when (PI007).
        public var documentsExemptUnapproved: [Document] { documentsExempt.filter { $0.exempt?.isDecision != true } }
        /// Interpretations published in the period, each form (all forms, 0 when none).
        public let byForm: [(form: InterpretationForm, count: Int)]
        /// Interpretations published in the period.
        public let total: Int
        /// Of those, published on their document's publication day (同步发布, `InterpretationTiming`).
        public let sameDay: Int

        /// `sameDay / total`, nil when there were none.
        public var sameDayShare: Double? { total == 0 ? nil : Double(sameDay) / Double(total) }
    }

    public let year: Int
    public let asOf: CalendarDate
    public let start: CalendarDate
    /// The last day counted: 31 December, or the as-of date while the year is not over.
    public let cutoff: CalendarDate
    public var isComplete: Bool { cutoff.month == 12 && cutoff.day == 31 }

    /// 规章 and 行政规范性文件, in that order (the table's rows).
    public let rows: [KindFigures]
    public let interpretations: Interpretations

    // Staff lists, at the as-of date.
    public let reviewWindowMonths: Int
    /// Normative documents in force (or about to be) whose validity ends within the review
    /// window from the as-of date — to be evaluated before they lapse; soonest first.
    public let dueForEvaluation: [Listed]
    /// The start of the lapsed list (`--since`, by default 1 January of the year).
    public let since: CalendarDate
    /// Documents no longer in force at the as-of date whose status began on or after `since`
    /// (repealed, expired or superseded); newest first.
    public let lapsed: [Listed]
    /// Every document carrying an `exempt` reason, newest first.
    public let exempt: [Listed]
}

extension Library {
    public func annualReport(year: Int, asOf: CalendarDate, since: CalendarDate? = nil) -> AnnualReport {
        let start = CalendarDate(year: year, month: 1, day: 1)!
        let cutoff = min(CalendarDate(year: year, month: 12, day: 31)!, asOf)
        let period = start...max(start, cutoff)
        let inPeriod = { (date: CalendarDate) in cutoff >= start && period.contains(date) }

        let rows = [DocumentKind.regulation, .normative].map { kind in
            let all = documents(of: kind)
            return AnnualReport.KindFigures(
                kind: kind,
                issued: all.filter { inPeriod($0.published) },
                repealed: all.filter { d in
                    statusChanges(of: d).contains { c in
                        inPeriod(c.date) && c.from.isCurrent && (c.to.status == .repealed || c.to.status == .expired)
                    }
                },
                inForce: all.filter { status(of: $0, at: cutoff).status == .inForce })
        }

        let published = documents.filter { inPeriod($0.published) }
        let interpretations = self.interpretations.filter { inPeriod($0.published) }
        let figures = AnnualReport.Interpretations(
            documentsPublished: published,
            documentsInterpreted: published.filter { !$0.interpretations.isEmpty },
            documentsExempt: published.filter { $0.exempt != nil },
            byForm: InterpretationForm.allCases.map { form in (form, interpretations.filter { $0.form == form }.count) },
            total: interpretations.count,
            sameDay: interpretations.filter { timing(of: $0)?.verdict == .sameDay }.count)

        let window = site.validity.reviewWindowMonths
        let horizon = asOf.adding(months: window)
        let due = documents(of: .normative).compactMap { d -> AnnualReport.Listed? in
            let report = status(of: d, at: asOf)
            guard report.status.isCurrent, let expires = d.expires, expires >= asOf, expires <= horizon else { return nil }
            return AnnualReport.Listed(document: d, status: report, date: expires, note: nil)
        }.sorted { ($0.date!, $0.document.id) < ($1.date!, $1.document.id) }

        let lapsedSince = since ?? start
        let lapsed = documents.compactMap { d -> AnnualReport.Listed? in
            let report = status(of: d, at: asOf)
            guard !report.status.isCurrent, let began = report.since, began >= lapsedSince, began <= asOf else { return nil }
            return AnnualReport.Listed(document: d, status: report, date: began, note: explanation(of: report, for: d))
        }.sorted { ($0.date!, $1.document.id) > ($1.date!, $0.document.id) }

        let exempt = documents.filter { $0.exempt != nil }.map {
            AnnualReport.Listed(document: $0, status: status(of: $0, at: asOf), date: $0.published, note: $0.exempt?.chinese)
        }

        return AnnualReport(
            year: year, asOf: asOf, start: start, cutoff: cutoff, rows: rows, interpretations: figures,
            reviewWindowMonths: window, dueForEvaluation: due, since: lapsedSince, lapsed: lapsed,
            exempt: exempt)
    }
}

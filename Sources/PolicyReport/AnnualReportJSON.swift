import Foundation
import PolicyCore
import PolicyModel

/// The report as JSON: sorted keys, explicit nulls, ids sorted within every count, so the
/// same content and dates give the same bytes. `version` rises only on incompatible change.
struct AnnualReportJSON {
    static let version = 1

    let report: AnnualReport
    let site: SiteConfig

    func render() -> String {
        let r = report
        let i = r.interpretations
        let root = Root(
            version: AnnualReportJSON.version, year: r.year, as_of: r.asOf.description,
            period: .init(start: r.start.description, end: r.cutoff.description, complete: r.isComplete),
            disclosure: r.rows.map { row in
                .init(
                    kind: row.kind.rawValue, kind_text: row.kind.chinese, issued: row.issued.count,
                    repealed: row.repealed.count, in_force: row.inForce.count, issued_ids: ids(row.issued),
                    repealed_ids: ids(row.repealed), in_force_ids: ids(row.inForce))
            },
            interpretations: .init(
                documents_published: i.documentsPublished.count, documents_interpreted: i.documentsInterpreted.count,
                documents_exempt: ids(i.documentsExempt), documents_exempt_unapproved: ids(i.documentsExemptUnapproved),
                total: i.total, same_day: i.sameDay,
                same_day_share: Nullable(i.sameDayShare.map { ($0 * 10000).rounded() / 10000 }),
                by_form: Dictionary(uniqueKeysWithValues: i.byForm.map { ($0.form.rawValue, $0.count) })),
            review_window_months: r.reviewWindowMonths, due_for_evaluation: r.dueForEvaluation.map(entry),
            lapsed_since: r.since.description, lapsed: r.lapsed.map(entry),
            exempt: r.exempt.map { l in
                let x = l.document.exempt
                return entry(
                    l,
                    exemption: .init(
                        reason: x?.reason ?? "", approved_by: Nullable(x?.approvedBy),
                        approved_on: Nullable(x?.approvedOn?.description)))
            })
        // Encoding strings, numbers and booleans cannot fail.
        let data = (try? JSONEncoder.stable.encode(root)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func ids(_ documents: [Document]) -> [String] { documents.map(\.id).sorted() }

    private func entry(_ l: AnnualReport.Listed) -> Entry { entry(l, exemption: nil) }

    private func entry(_ l: AnnualReport.Listed, exemption: Entry.Exemption?) -> Entry {
        let d = l.document
        return Entry(
            id: d.id, title: d.title, number: Nullable(d.number), kind: d.kind.rawValue,
            status: l.status.status.rawValue, status_text: l.status.status.chinese,
            date: Nullable(l.date?.description), note: Nullable(l.note),
            url: site.baseURL + SitePath.encoded(SitePath.document(d.id)), exemption: exemption)
    }

    // MARK: - The file's shape (docs: `policy report --format json`); names are its keys.

    private struct Root: Encodable {
        struct Period: Encodable {
            let start, end: String
            let complete: Bool
        }

        struct Row: Encodable {
            let kind, kind_text: String
            let issued, repealed, in_force: Int
            let issued_ids, repealed_ids, in_force_ids: [String]
        }

        struct Interpretations: Encodable {
            let documents_published, documents_interpreted: Int
            let documents_exempt, documents_exempt_unapproved: [String]
            let total, same_day: Int
            let same_day_share: Nullable<Double>
            let by_form: [String: Int]
        }

        let version, year: Int
        let as_of: String
        let period: Period
        let disclosure: [Row]
        let interpretations: Interpretations
        let review_window_months: Int
        let due_for_evaluation: [Entry]
        let lapsed_since: String
        let lapsed: [Entry]
        let exempt: [Entry]
    }

    private struct Entry: Encodable {
        struct Exemption: Encodable {
            let reason: String
            let approved_by, approved_on: Nullable<String>
        }

        let id, title: String
        let number: Nullable<String>
        let kind, status, status_text: String
        let date, note: Nullable<String>
        let url: String
        /// Only in the `exempt` list.
        let exemption: Exemption?
    }
}

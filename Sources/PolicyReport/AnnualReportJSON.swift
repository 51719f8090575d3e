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
        let root: [String: Any] = [
            "version": AnnualReportJSON.version,
            "year": r.year,
            "as_of": r.asOf.description,
            "period": ["start": r.start.description, "end": r.cutoff.description, "complete": r.isComplete],
            "disclosure": r.rows.map { row -> [String: Any] in
                ["kind": row.kind.rawValue, "kind_text": row.kind.chinese,
                 "issued": row.issued.count, "repealed": row.repealed.count, "in_force": row.inForce.count,
                 "issued_ids": ids(row.issued), "repealed_ids": ids(row.repealed), "in_force_ids": ids(row.inForce)]
            },
            "interpretations": [
                "documents_published": i.documentsPublished.count,
                "documents_interpreted": i.documentsInterpreted.count,
                "documents_exempt": ids(i.documentsExempt),
                "documents_exempt_unapproved": ids(i.documentsExemptUnapproved),
                "total": i.total,
                "same_day": i.sameDay,
                "same_day_share": i.sameDayShare.map { ($0 * 10000).rounded() / 10000 } as Any? ?? NSNull(),
                "by_form": Dictionary(uniqueKeysWithValues: i.byForm.map { ($0.form.rawValue, $0.count) }),
            ] as [String: Any],
            "review_window_months": r.reviewWindowMonths,
            "due_for_evaluation": r.dueForEvaluation.map(entry),
            "lapsed_since": r.since.description,
            "lapsed": r.lapsed.map(entry),
            "exempt": r.exempt.map { l -> [String: Any] in
                var e = entry(l)
                let x = l.document.exempt
                e["exemption"] = ["reason": x?.reason ?? "", "approved_by": x?.approvedBy ?? NSNull(),
                                  "approved_on": x?.approvedOn?.description ?? NSNull()] as [String: Any]
                return e
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: root,
                                                options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func ids(_ documents: [Document]) -> [String] { documents.map(\.id).sorted() }

    private func entry(_ l: AnnualReport.Listed) -> [String: Any] {
        let d = l.document
        return ["id": d.id, "title": d.title, "number": d.number ?? NSNull(), "kind": d.kind.rawValue,
                "status": l.status.status.rawValue, "status_text": l.status.status.chinese,
                "date": l.date?.description ?? NSNull(), "note": l.note ?? NSNull(),
                "url": site.baseURL + SitePath.encoded(SitePath.document(d.id))]
    }
}

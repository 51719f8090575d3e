import Foundation

/// A document's machine-readable description for its page's `<head>`: schema.org
/// `Legislation` as JSON-LD (data, not script, so a strict CSP allows it) and the matching
/// Dublin Core `<meta>` tags.
struct LinkedData {
    struct MetaTag {
        let name: String
        let content: String
    }

    /// The JSON object, safe to put between `<script type="application/ld+json">` tags.
    let jsonHTML: String
    let tags: [MetaTag]

    init(context: SiteContext, document d: Document) {
        let library = context.library
        let report = library.status(of: d, at: context.asOf)
        let status = report.status
        let url = { (id: String) in context.site.baseURL + SitePath.encoded(SitePath.document(id)) }
        var json: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Legislation",
            "@id": url(d.id),
            "url": url(d.id),
            "name": d.title,
            "legislationType": d.kind.chinese,
            "legislationDate": d.signed.description,
            "datePublished": d.published.description,
            "legislationDateOfApplicability": d.effective.description,
            "legislationLegalForce": "https://schema.org/" + LinkedData.legalForce(status),
            "legislationPassedBy": d.issuers.map { ["@type": "Organization", "name": $0] },
            "inLanguage": context.site.language,
        ]
        if let number = d.number { json["legislationIdentifier"] = number }
        if let expires = d.expires { json["expires"] = expires.description }
        if let office = d.office { json["legislationResponsible"] = ["@type": "Organization", "name": office] }
        if !d.keywords.isEmpty { json["keywords"] = d.keywords.joined(separator: ",") }
        if !d.topics.isEmpty { json["about"] = d.topics }
        // Version chain: a revision is based on, and changes, the versions it supersedes.
        let earlier = d.supersedes.filter { library.document($0) != nil }.map(url)
        if !earlier.isEmpty {
            json["isBasedOn"] = earlier
            json["legislationChanges"] = earlier
        }
        let repealed = (library.repeals[d.id] ?? []).sorted().map(url)
        if !repealed.isEmpty { json["legislationRepeals"] = repealed }
        if let official = d.official, context.publishedFiles(of: d).contains(official) {
            json["workExample"] = [
                "@type": "LegislationObject",
                "contentUrl": context.site.baseURL + SitePath.encoded(SitePath.bundleFile(d.id, official)),
                "legislationLegalValue": "https://schema.org/OfficialLegalValue",
            ]
        }
        jsonHTML = LinkedData.scriptSafe(json)

        var tags = [MetaTag(name: "dcterms.title", content: d.title)]
        if let number = d.number { tags.append(MetaTag(name: "dcterms.identifier", content: number)) }
        tags += d.issuers.map { MetaTag(name: "dcterms.creator", content: $0) }
        tags.append(MetaTag(name: "dcterms.type", content: d.kind.chinese))
        tags.append(MetaTag(name: "dcterms.created", content: d.signed.description))
        tags.append(MetaTag(name: "dcterms.issued", content: d.published.description))
        // DCMI Period: effective date to the last day it applied (or applies), open-ended
        // while in force without an expiry date.
        let lastDay = report.status.isCurrent ? d.expires : report.since?.adding(days: -1)
        let end = lastDay.map { " end=\($0);" } ?? ""
        tags.append(MetaTag(name: "dcterms.valid", content: "start=\(d.effective);\(end) scheme=W3C-DTF;"))
        if !d.topics.isEmpty { tags.append(MetaTag(name: "dcterms.subject", content: d.topics.joined(separator: "; "))) }
        tags.append(MetaTag(name: "dcterms.language", content: context.site.language))
        tags.append(MetaTag(name: "dcterms.status", content: status.chinese))
        self.tags = tags
    }

    /// schema.org `LegalForceStatus`: only 现行有效 binds now; 尚未生效 does not yet, and
    /// 已修改 / 已失效 / 已废止 no longer do.
    static func legalForce(_ status: ValidityStatus) -> String {
        status == .inForce ? "InForce" : "NotInForce"
    }

    /// Compact JSON with `<`, `>` and `&` written as `\u003c`… — those characters only
    /// occur inside JSON strings, and escaped there a title holding `</script>` or `<!--`
    /// cannot end the element or open a comment.
    static func scriptSafe(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var out = ""
        for c in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch c {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

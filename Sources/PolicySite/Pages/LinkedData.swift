import Foundation
import PolicyCore
import PolicyModel

/// A document's machine-readable description for its page's `<head>`: schema.org
/// `Legislation` as JSON-LD (data, not script, so a strict CSP allows it) and the matching
/// Dublin Core `<meta>` tags.
struct LinkedData: Encodable {
    struct MetaTag: Encodable {
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
        let earlier = d.supersedes.filter { library.document($0) != nil }.map(url)
        let repealed = (library.repeals[d.id] ?? []).sorted().map(url)
        let official = d.official.flatMap { official in
            context.publishedFiles(of: d).contains(official) ? official : nil
        }
        let json = Legislation(
            id: url(d.id), url: url(d.id), name: d.title, legislationType: d.kind.chinese,
            legislationDate: d.signed.description, datePublished: d.published.description,
            legislationDateOfApplicability: d.effective.description,
            legislationLegalForce: "https://schema.org/" + LinkedData.legalForce(status),
            legislationPassedBy: d.issuers.map { Organization(name: $0) },
            inLanguage: context.site.language,
            legislationIdentifier: d.number, expires: d.expires?.description,
            legislationResponsible: d.office.map { Organization(name: $0) },
            keywords: d.keywords.isEmpty ? nil : d.keywords.joined(separator: ","),
            about: d.topics.isEmpty ? nil : d.topics,
            // Version chain: a revision is based on, and changes, the versions it supersedes.
            isBasedOn: earlier.isEmpty ? nil : earlier, legislationChanges: earlier.isEmpty ? nil : earlier,
            legislationRepeals: repealed.isEmpty ? nil : repealed,
            workExample: official.map {
                LegislationObject(contentUrl: context.site.baseURL + SitePath.encoded(SitePath.bundleFile(d.id, $0)))
            })
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
    static func scriptSafe(_ object: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
        // Most documents need no escape at all: look before rebuilding the string.
        let needsEscape =
            json.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }
            || json.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
        guard needsEscape else { return json }
        var out = ""
        for c in json.unicodeScalars {
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

/// schema.org `Legislation`, the JSON-LD of a document page. Nil fields are left out.
private struct Legislation: Encodable {
    let context = "https://schema.org"
    let type = "Legislation"
    let id: String
    let url: String
    let name: String
    let legislationType: String
    let legislationDate: String
    let datePublished: String
    let legislationDateOfApplicability: String
    let legislationLegalForce: String
    let legislationPassedBy: [Organization]
    let inLanguage: String
    let legislationIdentifier: String?
    let expires: String?
    let legislationResponsible: Organization?
    let keywords: String?
    let about: [String]?
    let isBasedOn: [String]?
    let legislationChanges: [String]?
    let legislationRepeals: [String]?
    let workExample: LegislationObject?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", id = "@id"
        case url, name, legislationType, legislationDate, datePublished, legislationDateOfApplicability
        case legislationLegalForce, legislationPassedBy, inLanguage, legislationIdentifier, expires
        case legislationResponsible, keywords, about, isBasedOn, legislationChanges, legislationRepeals, workExample
    }
}

private struct Organization: Encodable {
    let type = "Organization"
    let name: String

    enum CodingKeys: String, CodingKey {
        case type = "@type", name
    }
}

private struct LegislationObject: Encodable {
    let type = "LegislationObject"
    let contentUrl: String
    let legislationLegalValue = "https://schema.org/OfficialLegalValue"

    enum CodingKeys: String, CodingKey {
        case type = "@type", contentUrl, legislationLegalValue
    }
}

import Foundation
import PolicyCore
import PolicyModel
import PolicyWrite

/// `documents.json`: the library as open data — every document with its relations and its
/// status on the as-of date. Sorted keys and ids, explicit nulls, so diffs stay readable.
struct OpenData {
    struct Root: Encodable {
        let version = 1
        let generated_as_of: String
        let documents: [Entry]
    }

    struct Entry: Encodable {
        let id, kind, title: String
        let number: String?
        let issuers: [String]
        let office: String?
        let signed, published, effective: String
        let expires: String?
        let topics, keywords, supersedes, superseded_by: [String]
        let repeal: Repeal?
        let status, status_text, url: String
        let interpretations: [InterpretationEntry]
        /// In a system library: the bureau's source id, level and region (absent otherwise).
        let origin: DocumentOrigin?

        // Written by hand so absent values are `null` rather than missing keys.
        enum Keys: String, CodingKey {
            case id, kind, title, number, issuers, office, signed, published, effective, expires, topics, keywords
            case supersedes, superseded_by, repeal, status, status_text, url, interpretations
            case source, level, region
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(id, forKey: .id); try c.encode(kind, forKey: .kind); try c.encode(title, forKey: .title)
            try c.encode(number, forKey: .number); try c.encode(issuers, forKey: .issuers)
            try c.encode(office, forKey: .office); try c.encode(signed, forKey: .signed)
            try c.encode(published, forKey: .published); try c.encode(effective, forKey: .effective)
            try c.encode(expires, forKey: .expires); try c.encode(topics, forKey: .topics)
            try c.encode(keywords, forKey: .keywords); try c.encode(supersedes, forKey: .supersedes)
            try c.encode(superseded_by, forKey: .superseded_by); try c.encode(repeal, forKey: .repeal)
            try c.encode(status, forKey: .status); try c.encode(status_text, forKey: .status_text)
            try c.encode(url, forKey: .url); try c.encode(interpretations, forKey: .interpretations)
            if let origin {
                try c.encode(origin.source, forKey: .source); try c.encode(origin.level.rawValue, forKey: .level)
                try c.encode(origin.region, forKey: .region)
            }
        }
    }

    struct Repeal: Encodable {
        let date: String
        let by: String?
        let note: String?

        enum Keys: String, CodingKey { case date, by, note }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(date, forKey: .date); try c.encode(by, forKey: .by); try c.encode(note, forKey: .note)
        }
    }

    struct InterpretationEntry: Encodable {
        let id, title, form, published, url: String
    }

    let context: SiteContext

    func render() throws -> OutputFile {
        let library = context.library
        let feeds = Feeds(context: context)
        let entries = library.documents.sorted { $0.id < $1.id }.map { d in
            let status = library.status(of: d, at: context.asOf).status
            return Entry(
                id: d.id, kind: d.kind.rawValue, title: d.title, number: d.number, issuers: d.issuers, office: d.office,
                signed: d.signed.description, published: d.published.description, effective: d.effective.description,
                expires: d.expires?.description, topics: d.topics, keywords: d.keywords, supersedes: d.supersedes,
                superseded_by: (library.supersededBy[d.id] ?? []).sorted(),
                repeal: d.repeal.map { Repeal(date: $0.date.description, by: $0.by, note: $0.note) },
                status: status.rawValue, status_text: status.chinese, url: feeds.absolute(SitePath.document(d.id)),
                interpretations: d.interpretations.map { i in
                    InterpretationEntry(
                        id: i.id, title: i.title, form: i.form.rawValue, published: i.published.description,
                        url: feeds.absolute(SitePath.interpretation(i)))
                }, origin: d.origin)
        }
        var data = try JSONEncoder.stable.encode(Root(generated_as_of: context.asOf.description, documents: entries))
        data.append(0x0A)
        return OutputFile(SitePath.openData, .data(data))
    }
}

/// The fields the content format knows, per kind of file: the unknown-field, required-field
/// and date rules all read them from here.
enum Schema {
    enum Role: Sendable {
        case document(RawLibrary.Bundle)
        case interpretation(RawLibrary.Bundle)
        case cleanup
    }

    static let documentFields = ["title", "kind", "number", "issuer", "office", "signed", "published", "effective",
                                 "expires", "topics", "keywords", "supersedes", "repealed", "official",
                                 "attachments", "exempt", "changes"]
    static let interpretationFields = ["title", "form", "published", "office", "media"]
    static let cleanupFields = ["title", "published", "effective", "results"]
    static let nested: [String: [String]] = [
        "repealed": ["date", "by", "note"],
        "attachments": ["file", "title"],
        "media": ["file", "alt", "poster", "captions", "transcript"],
        "results": ["document", "result", "note"],
        "changes": ["date", "note"],
    ]

    static func fields(for role: Role) -> [String] {
        switch role {
        case .document: documentFields
        case .interpretation: interpretationFields
        case .cleanup: cleanupFields
        }
    }

    /// Date fields at the top level and inside nested mappings (`repealed.date`).
    static func dateFields(for role: Role) -> [String] {
        switch role {
        case .document: ["signed", "published", "effective", "expires"]
        case .interpretation: ["published"]
        case .cleanup: ["published", "effective"]
        }
    }
}

extension RawLibrary {
    /// Every Markdown file with front matter, with what it is.
    var markdownFiles: [(file: SourceFile, role: Schema.Role)] {
        var all: [(SourceFile, Schema.Role)] = []
        for bundle in bundles {
            if let index = bundle.index { all.append((index, .document(bundle))) }
            all += bundle.interpretations.map { ($0, .interpretation(bundle)) }
        }
        all += cleanups.map { ($0, .cleanup) }
        return all
    }
}

/// The closest known name to a misspelt one, for "did you mean" hints.
enum Suggest {
    static func nearest(_ word: String, in candidates: [String], maxDistance: Int = 3) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(maxDistance, max(1, word.count / 2)) else { return nil }
        return best.0
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

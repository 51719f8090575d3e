import PolicyCore

/// Where the library-service pages and files live: the version comparisons, the Q&A
/// library, interpretations by form, the report figures and the per-section feeds.
extension SitePath {
    package static let questionBank = "qa/"
    package static let questionBankData = "qa.json"
    /// The Q&A library by channel and by the document concerned.
    package static let questionsByChannel = "qa/by-channel/"
    package static let questionsByDocument = "qa/by-document/"
    /// A standalone Q&A entry's own page (its id is never `by-channel` or `by-document`: PQ001).
    /// `qa/<id>/`; for a system library's qualified id `<source>/<id>`, the page in that
    /// bureau's section, `<source>/qa/<id>/`.
    package static func questionEntry(_ id: String) -> String {
        guard let slash = id.firstIndex(of: "/") else { return "qa/\(id)/" }
        return "\(id[..<slash])/qa/\(id[id.index(after: slash)...])/"
    }
    package static let interpretations = "interpretations/"
    package static let report = "report/"
    package static let documentsFeed = "feeds/documents.xml"
    package static let interpretationsFeed = "feeds/interpretations.xml"
    package static let statusFeed = "feeds/status.xml"

    /// `d/<new>/compare/<old>/`: the 新旧对照 of two versions, under the newer one.
    package static func comparison(old: String, new: String) -> String {
        "\(documentFolder(new))/compare/\(old.split(separator: "/").last.map(String.init) ?? old)/"
    }
    /// `report/report-2025.csv`, `.json`: one year's figures for download.
    package static func reportFile(_ year: Int, _ type: String) -> String { "report/report-\(year).\(type)" }
}

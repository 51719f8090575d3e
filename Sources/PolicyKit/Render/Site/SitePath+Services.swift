/// Where the library-service pages and files live: the version comparisons, the Q&A
/// library, interpretations by form, the report figures and the per-section feeds.
extension SitePath {
    static let questionBank = "qa/"
    static let questionBankData = "qa.json"
    static let interpretations = "interpretations/"
    static let report = "report/"
    static let documentsFeed = "feeds/documents.xml"
    static let interpretationsFeed = "feeds/interpretations.xml"
    static let statusFeed = "feeds/status.xml"

    /// `d/<new>/compare/<old>/`: the 新旧对照 of two versions, under the newer one.
    static func comparison(old: String, new: String) -> String { "d/\(new)/compare/\(old)/" }
    /// `report/report-2025.csv`, `.json`: one year's figures for download.
    static func reportFile(_ year: Int, _ type: String) -> String { "report/report-\(year).\(type)" }
}

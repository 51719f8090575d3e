import Foundation
import PolicyCore
import PolicyLoad

/// `site.yml`: the settings every rule and page reads. Every field has a default, so a
/// missing or partial file still gives a working library.
public struct SiteConfig: Sendable {
    public struct InterpretationPolicy: Sendable {
        public var requiredFor: Set<DocumentKind> = Set(DocumentKind.allCases)
        public var requiredSince: CalendarDate? = CalendarDate(year: 2019, month: 1, day: 1)
        public var maxLagWorkingDays = 0
        /// Topic → heading words that count as covering it, in file order.
        public var mustCover: [(topic: String, words: [String])] = [
            ("背景依据", ["背景", "依据"]),
            ("主要内容", ["主要内容", "政策措施", "主要措施"]),
            ("关键词", ["关键词", "名词解释"]),
        ]
        /// Share of an interpretation's sentences found verbatim in its document above which
        /// it "mostly restates" the document.
        public var maxOverlap = 0.5
    }

    public struct Validity: Sendable {
        public var maxYears = 5
        public var maxYearsProvisional = 2
        public var reviewWindowMonths = 6
    }

    /// `privacy`: values that look personal but are public (official hotlines, office
    /// mailboxes), and extra patterns (regular expressions) to block.
    public struct Privacy: Sendable {
        public var allow: [String] = []
        /// Regular expressions (Swift Regex syntax); an invalid one is reported by `site-config`.
        public var patterns: [String] = []
    }

    /// `headnote`: the words of the 题注 of regulations, which issuers use differently —
    /// 公布 (立法法) or the older 发布; an amendment by decision 修正 or, in some provinces
    /// and in the State Council's texts, 修订.
    public struct HeadnoteWords: Sendable {
        public static let promulgatedChoices = ["公布", "发布"]
        public static let amendedChoices = ["修正", "修订"]
        public var promulgated = "公布"
        public var amended = "修正"
    }

    /// `website`: who runs the site and its registrations, for the footer and the
    /// government-website meta tags (政府网站发展指引). Every value is optional.
    public struct Website: Sendable {
        /// 主办单位; `issuer` when not given.
        public var sponsor: String?
        /// SiteDomain; the host of `base_url` when not given.
        public var domain: String?
        /// 网站标识码 (SiteIDCode), issued by the national government-website registry.
        public var idCode: String?
        /// ICP备案号, e.g. `京ICP备05070218号`.
        public var icp: String?
        /// 公安机关备案号, e.g. `京公网安备11010202000001号`.
        public var publicSecurity: String?
        /// A contact line for the footer (`联系电话：0000-12315`).
        public var contact: String?

        /// The record number's digits, which beian.mps.gov.cn looks a record up by; nil
        /// without a 公安备案 number or when it holds no digits.
        public var publicSecurityCode: String? {
            let digits = publicSecurity?.filter { $0.isASCII && $0.isNumber } ?? ""
            return digits.isEmpty ? nil : digits
        }
    }

    public var title = "政策文件库"
    /// The public address, always ending in `/`; pages link relatively, so any sub-path works.
    public var baseURL = "https://www.example.gov.cn/"
    public var issuer = ""
    public var language = "zh-CN"
    public var timeZone = TimeZone(identifier: "Asia/Shanghai")!
    public var interpretation = InterpretationPolicy()
    public var validity = Validity()
    public var disclosureMaxWorkingDays = 20
    public var privacy = Privacy()
    /// `index_no.pattern`: the 索引号 format, a regular expression a whole 索引号 must match
    /// (e.g. `^\d{8}-\d{2}-\d{4}-\d{4}$`); nil means any text (still unique).
    public var indexNumberPattern: String?
    public var headnote = HeadnoteWords()
    public var website = Website()
    /// In a bureau's section of a system library, the system site's title: its pages link
    /// back to the system's home page. Never read from site.yml.
    public var systemTitle: String?

    public init() {}

    /// 主办单位: `website.sponsor`, else the issuer; nil when neither is set.
    public var sponsor: String? { website.sponsor ?? (issuer.isEmpty ? nil : issuer) }

    /// SiteDomain: `website.domain`, else the host of `base_url`.
    public var domain: String { website.domain ?? URL(string: baseURL)?.host ?? "" }

    /// Reads `site.yml`; fields that are absent or malformed keep their defaults (the
    /// `site-config` rule reports the malformed ones).
    public init(_ yaml: FrontMatter?) {
        guard let yaml else { return }
        title = yaml.string("title") ?? title
        if let url = yaml.string("base_url") { baseURL = url.hasSuffix("/") ? url : url + "/" }
        issuer = yaml.string("issuer") ?? issuer
        language = yaml.string("language") ?? language
        if let zone = yaml.string("timezone").flatMap(TimeZone.init(identifier:)) { timeZone = zone }
        if let i = yaml.mapping("interpretation") {
            let kinds = i.strings("required_for").compactMap(DocumentKind.init(alias:))
            if i.has("required_for") { interpretation.requiredFor = Set(kinds) }
            if i.has("required_since") { interpretation.requiredSince = i.date("required_since") }
            interpretation.maxLagWorkingDays = i.string("max_lag_working_days").flatMap(Int.init) ?? 0
            if let cover = i.mapping("must_cover") {
                interpretation.mustCover = cover.entries.map { entry in
                    (entry.key, cover.strings(entry.key))
                }
            }
            if let overlap = i.string("max_overlap").flatMap(Double.init) { interpretation.maxOverlap = overlap }
        }
        if let v = yaml.mapping("validity") {
            validity.maxYears = v.string("max_years").flatMap(Int.init) ?? validity.maxYears
            validity.maxYearsProvisional = v.string("max_years_provisional").flatMap(Int.init) ?? validity.maxYearsProvisional
            validity.reviewWindowMonths = v.string("review_window_months").flatMap(Int.init) ?? validity.reviewWindowMonths
        }
        if let p = yaml.mapping("privacy") {
            privacy.allow = p.strings("allow")
            privacy.patterns = p.strings("patterns")
        }
        indexNumberPattern = yaml.mapping("index_no")?.string("pattern")
        if let h = yaml.mapping("headnote") {
            if let word = h.string("promulgated"), HeadnoteWords.promulgatedChoices.contains(word) { headnote.promulgated = word }
            if let word = h.string("amended"), HeadnoteWords.amendedChoices.contains(word) { headnote.amended = word }
        }
        if let w = yaml.mapping("website") {
            website.sponsor = w.string("sponsor")
            website.domain = w.string("domain")
            website.idCode = w.string("id_code")
            website.icp = w.string("icp")
            website.publicSecurity = w.string("public_security")
            website.contact = w.string("contact")
        }
        if let d = yaml.mapping("disclosure") {
            disclosureMaxWorkingDays = d.string("max_working_days").flatMap(Int.init) ?? disclosureMaxWorkingDays
        }
    }

    /// The path part of `base_url` (`/zcwj/`), for the sitemap and feed.
    public var basePath: String { URL(string: baseURL)?.path.appendingSlash ?? "/" }
}

extension String {
    var appendingSlash: String { hasSuffix("/") ? self : self + "/" }
}

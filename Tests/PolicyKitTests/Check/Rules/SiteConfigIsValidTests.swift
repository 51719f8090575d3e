import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// PF008 site-config (`SiteConfigIsValid`).
final class SiteConfigIsValidTests: XCTestCase {
    func testMissingSiteConfig() throws {
        var fixture = MarkedFixture()
        fixture.remove("site.yml")
        try fixture.check().assertFinds("PF008", .error, file: "content/site.yml", line: 1)
    }

    /// base_url must be a full address: pages and the feed are built from it.
    func testBaseURLWithoutScheme() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "base_url: https://www.example.gov.cn/zcwj/", with: "base_url: 1️⃣www.example.gov.cn/zcwj/")
        try fixture.check().assertFindings(["1️⃣": .error("PF008", "base_url")])
    }

    /// A newline in base_url would start a line of its own in robots.txt (`Sitemap: …`).
    func testBaseURLWithANewlineOrControlCharacter() throws {
        for value in [
            "\"https://www.example.gov.cn/zcwj/\\nDisallow: /\"", "\"https://www.example.gov.cn/\\tzcwj/\"",
            "\"https://www.example.gov.cn/zcwj/\\u0085x\"", "\"https://www.example.gov.cn/zc wj/\"",
        ] {
            var fixture = MarkedFixture()
            fixture.replace(in: "site.yml", "base_url: https://www.example.gov.cn/zcwj/", with: "base_url: \(value)")
            try fixture.check().assertFinds("PF008", .error, file: "content/site.yml", line: 2, message: "控制字符")
        }
    }

    func testUnknownTimeZone() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "timezone: Asia/Shanghai", with: "timezone: 1️⃣Asia/Beijing")
        try fixture.check().assertFindings(["1️⃣": .error("PF008", "Asia/Beijing")])
    }

    func testNegativeNumberSetting() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "max_lag_working_days: 0", with: "max_lag_working_days: 1️⃣-1")
        try fixture.check().assertFindings(["1️⃣": .error("PF008", "max_lag_working_days")])
    }

    func testNonNumericSetting() throws {
        var fixture = MarkedFixture()
        fixture.replace(in: "site.yml", "max_working_days: 20", with: "max_working_days: 二十")
        try fixture.check().assertFinds("PF008", .error, file: "content/site.yml", line: 14, message: "disclosure.max_working_days")
    }

    /// http:// works too, and a site.yml with only a title falls back to the defaults.
    func testMinimalSiteConfig() throws {
        var fixture = MarkedFixture()
        fixture["site.yml"] = "title: 测试\nbase_url: http://localhost:8000/\n"
        try fixture.check().assertNoFindings()
    }
}

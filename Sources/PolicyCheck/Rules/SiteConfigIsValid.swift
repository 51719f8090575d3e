import Foundation
import PolicyCore
import PolicyModel

/// PF008: `site.yml` exists and its values can be used.
struct SiteConfigIsValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PF008", name: "site-config", severity: .error,
        summary: "site.yml is missing, or base_url, timezone, a number setting or a headnote word cannot be used.",
        fix: "按 docs/content-format.md 的示例填写 content/site.yml。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let file = context.raw.site else {
            return [finding(SourceLocation(file: "\(context.raw.displayRoot)/site.yml"), "缺少站点设置 site.yml。")]
        }
        guard let fm = file.frontMatter else { return [] }
        var found: [Diagnostic] = []
        if let url = fm.string("base_url"), url.unicodeScalars.contains(where: SiteConfigIsValid.isControlOrSpace) {
            // A newline would start a line of its own in robots.txt, the feed and the sitemap.
            found.append(
                finding(
                    fm.location(of: "base_url"), "base_url 中含有换行、空格或其他控制字符。",
                    fix: "写作一行完整网址，不含空格和换行，如 https://www.example.gov.cn/zcwj/。"))
        } else if let url = fm.string("base_url"), !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url) == nil {
            found.append(
                finding(
                    fm.location(of: "base_url"), "base_url“\(url)”不是完整网址。",
                    fix: "写作完整网址，如 https://www.example.gov.cn/zcwj/。"))
        }
        if let zone = fm.string("timezone"), TimeZone(identifier: zone) == nil {
            found.append(finding(fm.location(of: "timezone"), "未知时区“\(zone)”。", fix: "写作 Asia/Shanghai。"))
        }
        let numbers = [
            ("interpretation", "max_lag_working_days"), ("validity", "max_years"),
            ("validity", "max_years_provisional"), ("validity", "review_window_months"),
            ("disclosure", "max_working_days"),
        ]
        for (section, key) in numbers {
            guard let m = fm.mapping(section), let value = m.string(key), Int(value).map({ $0 >= 0 }) != true else { continue }
            found.append(finding(m.location(of: key), "\(section).\(key) 的值“\(value)”不是非负整数。"))
        }
        if let headnote = fm.mapping("headnote") {
            for (key, choices) in [
                ("promulgated", SiteConfig.HeadnoteWords.promulgatedChoices),
                ("amended", SiteConfig.HeadnoteWords.amendedChoices),
            ] {
                guard let word = headnote.string(key), !choices.contains(word) else { continue }
                found.append(
                    finding(
                        headnote.location(of: key), "headnote.\(key) 的值“\(word)”无效。",
                        fix: "可用的值：\(choices.joined(separator: "、"))。"))
            }
        }
        if let privacy = fm.mapping("privacy") {
            for pattern in privacy.strings("patterns") where (try? Regex(pattern)) == nil {
                found.append(finding(privacy.location(of: "patterns"), "privacy.patterns 中的正则表达式“\(pattern)”无效。"))
            }
        }
        return found
    }

    static func isControlOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
    }
}

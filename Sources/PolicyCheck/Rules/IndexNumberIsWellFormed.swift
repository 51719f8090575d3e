import PolicyCore
import PolicyModel

/// PF015: a 索引号 (`index_no`) matches the format set in `site.yml` (`index_no.pattern`)
/// and names one document only — it is how the government-information catalogue finds it.
struct IndexNumberIsWellFormed: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PF015", name: "index-number-format", severity: .error,
        summary:
            "An index_no (索引号) does not match site.yml's index_no.pattern, is used by two documents, or the pattern itself is not a valid regular expression.",
        fix: "按 site.yml 中 index_no.pattern 规定的格式填写索引号，每件文件一个，不得重复。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var regex: Regex<AnyRegexOutput>?
        if let pattern = context.site.indexNumberPattern {
            do { regex = try Regex(pattern) } catch {
                let location =
                    context.raw.site?.frontMatter?.mapping("index_no")?.location(of: "pattern")
                    ?? SourceLocation(file: "\(context.raw.displayRoot)/site.yml")
                return [
                    finding(
                        location, "index_no.pattern 中的正则表达式“\(pattern)”无效。",
                        fix: "写作有效的正则表达式，如 ^\\d{8}-\\d{2}-\\d{4}-\\d{4}$。")
                ]
            }
        }
        var owners: [String: Document] = [:]
        for doc in context.library.documents.sorted(by: { $0.id < $1.id }) {
            guard let number = doc.indexNumber else { continue }
            let location = doc.source.frontMatter?.location(of: "index_no") ?? doc.source.location()
            if let regex, (try? regex.wholeMatch(in: number)) == nil {
                found.append(finding(location, "索引号“\(number)”不符合 site.yml 规定的格式（\(context.site.indexNumberPattern!)）。"))
            }
            if let first = owners[number] {
                found.append(
                    finding(
                        location, "索引号“\(number)”与\(first.quotedTitle)（\(first.bundlePath)）重复。",
                        fix: "核对索引号：每件文件的索引号唯一。"))
            } else {
                owners[number] = doc
            }
        }
        return found
    }
}

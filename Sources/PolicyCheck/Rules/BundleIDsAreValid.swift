import Foundation
import PolicyCore
import PolicyLoad

/// PF007: bundle folder names are the documents' permanent URLs: well-formed, unique even
/// ignoring case (two ids differing in case collide on some file systems), with an index.md.
struct BundleIDsAreValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PF007", name: "bundle-id", severity: .error,
        summary: "A bundle folder name is malformed or not unique (case-insensitively), or the bundle has no index.md.",
        fix: "文件夹名只用小写英文字母、数字和连字符（如 2024-food-labels），全库唯一；文件夹中须有 index.md。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: [String: RawLibrary.Bundle] = [:]
        for bundle in context.raw.bundles {
            let location = bundle.index?.location() ?? SourceLocation(file: bundle.displayPath)
            if !BundleID.isWellFormed(bundle.id) {
                found.append(finding(location, "文件夹名“\(bundle.id)”不符合编号规则。"))
            }
            let key = bundle.id.lowercased().precomposedStringWithCanonicalMapping
            if let first = seen[key] {
                found.append(
                    finding(
                        location, "编号“\(bundle.id)”与 \(first.displayPath) 重复。",
                        fix: "给其中一个文件夹改用新的编号；已发布的编号不要改动。"))
            } else {
                seen[key] = bundle
            }
            // An index.md that could not be read is reported by PF001, not as missing.
            // A linked index.md is reported by PF010, not as missing.
            let linked = context.raw.loadProblems.contains {
                $0.kind == .symlink && $0.location.file == bundle.displayPath + "index.md"
            }
            if !bundle.files.contains("index.md") && !linked {
                found.append(
                    finding(
                        location, "文件夹 \(bundle.displayPath) 中没有 index.md（文件正文）。",
                        fix: "在文件夹中添加 index.md，或用 policy new 新建文件夹。"))
            }
        }
        return found
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PF001: every content file is UTF-8 text of a sane size, and every file the site publishes
/// can be read. The loader applies the first part (a Markdown file it cannot read has nothing
/// else to check); the rule itself asks whether each published bundle file is readable, so a
/// file without read permission stops `check`, not `build` halfway through copying.
struct FileIsReadable: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF001", name: "file-readable", severity: .error,
        summary: "A content file cannot be read: not UTF-8 (e.g. GBK, UTF-16), contains NUL bytes, is too large, is not a regular file (a pipe), or a published file lacks read permission.",
        fix: "将文件另存为 UTF-8 编码的纯文本后重新提交。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for doc in context.library.documents {
            guard let bundle = context.raw.bundle(id: doc.id) else { continue }
            for file in context.raw.publishedFiles(of: doc) where access(context.raw.rootPath + "/" + bundle.path + "/" + file, R_OK) != 0 {
                found.append(finding(SourceLocation(file: bundle.displayPath + file),
                                     "无法读取要发布的文件“\(file)”：\(String(cString: strerror(errno)))。",
                                     fix: "检查文件权限（例如 chmod a+r \(file)），或从仓库重新检出该文件。"))
            }
        }
        return found
    }
}

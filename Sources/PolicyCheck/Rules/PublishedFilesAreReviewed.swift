import PolicyCore
import PolicyLoad
import PolicyModel

/// PP003: the privacy and secrecy review (PP001, PP002) reads every file the site can
/// publish; a file it could not read is said so, never passed in silence. Without
/// `pdftotext` (Debian's poppler-utils) one warning lists every PDF left unread. A published
/// file of a kind the review cannot read at all (a spreadsheet, a Word document, an archive)
/// is named too: a recipient list in an .xlsx is the classic leak. Pictures, audio and
/// video are left to the people who make them.
struct PublishedFilesAreReviewed: Rule {
    static let descriptor = RuleDescriptor(
        code: "PP003", name: "unreviewed-file", severity: .warning,
        summary:
            "A file the site can publish could not be read for the privacy and secrecy review: PDFs when pdftotext (poppler-utils) is not installed (one warning listing them), a PDF that pdftotext cannot read (damaged, encrypted), a text file (transcript, captions, attachment) not in UTF-8 or too large, or a published file of a kind the review cannot read (a spreadsheet, a Word document, an archive).",
        fix: "该文件未经隐私和保密审查：请人工审查，并修复或替换文件后重新检查。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let unread = context.raw.bundles.flatMap(\.texts).filter { $0.unread != nil }
        var found: [Diagnostic] = []
        let noTool = unread.filter { $0.unread == .noPDFTool }.sorted { $0.displayPath < $1.displayPath }
        if let first = noTool.first {
            let names = noTool.map(\.displayPath)
            let listed = names.prefix(20).joined(separator: "、") + (names.count > 20 ? " 等 \(names.count) 个文件" : "")
            found.append(
                finding(
                    SourceLocation(file: first.displayPath),
                    "未安装 pdftotext，\(noTool.count) 个 PDF 文件未经隐私和保密审查：\(listed)。",
                    fix: "安装 poppler-utils（apt-get install poppler-utils，或 make deps）后重新运行 policy check。"))
        }
        for doc in context.library.documents {
            guard let bundle = context.raw.bundle(id: doc.id) else { continue }
            for file in context.publishedFiles(of: doc) where BundleText.format(of: file) == nil && !MediaFile.isMedia(file) {
                found.append(
                    finding(
                        SourceLocation(file: bundle.displayPath + file),
                        "要发布的文件“\(file)”的格式无法自动审查，其中的个人信息和密级标志未经检查。",
                        fix: "人工审查该文件；能转为 PDF、CSV 或纯文本发布的，改用这些格式。"))
            }
        }
        for text in unread {
            let why: String, fix: String?
            switch text.unread {
            case .noPDFTool, nil: continue
            case .pdfFailed(let reason):
                (why, fix) = (reason, "确认 PDF 能正常打开且未加密；如为加密文件，请提供未加密的版本。")
            case .notUTF8:
                (why, fix) = ("文件不是 UTF-8 文本", "转换为 UTF-8 后再提交，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件。")
            case .tooLarge(let size):
                (why, fix) = ("文件或其文字超过 \(ContentLoader.maxFileBytes >> 20) MB（\(ContentLoader.megabytes(size)) MB）", "拆分过大的文件，或人工审查后再发布。")
            case .unreadable:
                (why, fix) = ("无法读取文件", nil)
            }
            found.append(finding(SourceLocation(file: text.displayPath), "\(why)，未经隐私和保密审查。", fix: fix))
        }
        return found
    }
}

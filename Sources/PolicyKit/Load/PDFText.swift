import Foundation

/// The text of a PDF, page by page, from `pdftotext` (Debian's poppler-utils). The PDF is
/// never parsed in-process: a hostile PDF meets a separate program, bounded in time and in
/// how much text it may return.
enum PDFText {
    /// Longer than this and `pdftotext` is stopped: a real document is read in a second or two.
    static let timeout: TimeInterval = 60

    /// `pdftotext` on `PATH`, looked up once per run; nil when it is not installed.
    static let tool: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// The pages of the PDF at `path` (`pdftotext` ends each with a form feed), or why not.
    /// A scan has pages without text: there is nothing to review there (no OCR is done).
    static func pages(of path: String, limit: Int) -> Result<[String], BundleText.Unread> {
        guard let tool else { return .failure(.noPDFTool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // -q: no warnings on stderr; -enc UTF-8 -eol unix: one encoding and line end on any system.
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.pdfFailed("无法运行 pdftotext")) }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        var data = Data()
        var tooLarge = false
        let reader = out.fileHandleForReading
        while let chunk = try? reader.read(upToCount: 1 << 16), !chunk.isEmpty {
            data.append(chunk)
            if data.count > limit {
                tooLarge = true
                process.terminate()
                break
            }
        }
        process.waitUntilExit()
        deadline.cancel()
        if tooLarge { return .failure(.tooLarge(data.count)) }
        guard process.terminationReason == .exit else { return .failure(.pdfFailed("pdftotext 超时未完成")) }
        guard process.terminationStatus == 0 else {
            return .failure(.pdfFailed("pdftotext 无法读取（文件损坏或加密？）"))
        }
        var pages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.count > 1, pages.last?.trimmed.isEmpty == true { pages.removeLast() }
        return .success(pages)
    }
}

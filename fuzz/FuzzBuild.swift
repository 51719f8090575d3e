// libFuzzer entry point over the whole `check` → `build` path: one input is written as a small
// content folder, loaded by ContentLoader from disk (size limit, encoding, front matter, YAML
// guard, Yams, cmark-gfm), modelled, checked by every rule and — when the check passes, as
// `policy build` would — rendered in full (every page, the feeds, the search index) and
// written by SiteWriter into a temporary output folder that each input's site replaces.
//
// An input holds up to three files, separated by a line `@@@@`:
//   1. normative/2024-fuzz/index.md   (front matter + Markdown)
//   2. normative/2024-fuzz/解读.md     (default: a valid interpretation)
//   3. calendar.yml                    (default: a short valid calendar)
// so that one input can be a hostile document, a hostile interpretation or a hostile calendar.
//
// The properties checked, beyond "no crash, no ASan report":
//   - every finding has a message and a line;
//   - whatever `check` passes, `build` renders and writes (it may not throw);
//   - the written site is not empty;
//   - the document and each of its interpretations that `check` passed are in the library
//     (none silently dropped).
//
// Built by fuzz/build.sh with `swiftc -sanitize=fuzzer,address`; run by `make fuzz`.
import Foundation
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// One scratch folder per fuzzing process (fork jobs each get their own), reused for every input.
private let scratch: URL = {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("policy-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: url)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory
        .appendingPathComponent("policy-fuzz-\(ProcessInfo.processInfo.processIdentifier)").path) }
    return url
}()

private let theme = try! Theme(overrides: nil)
private let asOf = CalendarDate(year: 2025, month: 6, day: 30)!

private let siteYAML = Data("""
    title: 模糊测试用政策文件库
    base_url: https://www.example.gov.cn/zcwj/
    issuer: 示例省市场监督管理局
    language: zh-CN
    timezone: Asia/Shanghai

    """.utf8)

private let defaultInterpretation = Data("""
    ---
    title: 《模糊测试文件》政策解读
    form: text
    published: 2024-03-01
    ---

    ## 一、背景依据

    依据有关规定制定。

    ## 二、主要内容

    明确了主要措施。

    ## 三、关键词

    名词解释。

    """.utf8)

private let defaultCalendar = Data("holidays: [2024-01-01, 2024-02-10..2024-02-17]\nworkdays: [2024-02-04]\n".utf8)

private let separator = Data("\n@@@@\n".utf8)

/// Splits the input into at most three parts at `separator`.
private func parts(of data: Data) -> [Data] {
    var parts: [Data] = []
    var rest = data[...]
    while parts.count < 2, let range = rest.range(of: separator) {
        parts.append(Data(rest[..<range.lowerBound]))
        rest = rest[range.upperBound...]
    }
    parts.append(Data(rest))
    return parts
}

/// `precondition` whose message survives -O (libFuzzer then prints it with the stack).
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let files = parts(of: Data(bytes: bytes, count: count))
    let content = scratch.appendingPathComponent("content")
    let bundle = content.appendingPathComponent("normative/2024-fuzz")
    let fm = FileManager.default
    try? fm.removeItem(at: content)
    try! fm.createDirectory(at: bundle, withIntermediateDirectories: true)
    try! siteYAML.write(to: content.appendingPathComponent("site.yml"))
    try! (files.count > 2 ? files[2] : defaultCalendar).write(to: content.appendingPathComponent("calendar.yml"))
    try! files[0].write(to: bundle.appendingPathComponent("index.md"))
    try! (files.count > 1 ? files[1] : defaultInterpretation).write(to: bundle.appendingPathComponent("解读.md"))
    try! Data("%PDF-1.4\n".utf8).write(to: bundle.appendingPathComponent("正式版本.pdf"))

    let checked: Pipeline.Checked
    do {
        checked = try Pipeline.check(content: content, displayRoot: "content")
    } catch {
        return 0  // a PolicyError the command line prints (unreadable folder and the like)
    }
    for finding in checked.diagnostics {
        require(!finding.message.isEmpty && finding.location.line >= 1, "finding without message or line: \(finding)")
    }
    guard !checked.hasErrors else { return 0 }

    // What `check` passes, `build` must render and write.
    let output = scratch.appendingPathComponent("site")
    let renderer = SiteRenderer(library: checked.library, raw: checked.raw, asOf: asOf, theme: theme)
    let written: Int
    do {
        written = try SiteWriter(output: output).write { try renderer.render(into: $0) }
    } catch {
        fatalError("check passed but build failed: \(error)")
    }
    require(written > 0, "check passed but the site is empty")
    require(checked.library.documents.count == 1, "check passed but the document is not in the library")
    require(checked.library.documents[0].interpretations.count == checked.raw.bundles[0].interpretations.count,
            "check passed but an interpretation is not in the library")
    return 0
}

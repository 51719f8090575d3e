// libFuzzer entry point over the loader and the check: one input is one index.md (front
// matter + Markdown body). It is decoded the way ContentLoader decodes a file, split and
// composed (SourceFile: fences, YAML size guard, Yams), its body parsed and rendered to HTML
// (cmark-gfm, the unsafe-URL neutraliser), and the whole library — the input as a normative
// document beside fixed site.yml and calendar.yml — modelled and checked by every rule.
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

private let site = SourceFile(relativePath: "site.yml", displayPath: "content/site.yml", yaml: """
    title: 模糊测试用政策文件库
    base_url: https://www.example.gov.cn/zcwj/
    issuer: 示例省市场监督管理局
    language: zh-CN
    timezone: Asia/Shanghai
    """)

private let calendar = SourceFile(relativePath: "calendar.yml", displayPath: "content/calendar.yml",
                                  yaml: "holidays: [2024-01-01, 2024-02-10..2024-02-17]\nworkdays: [2024-02-04]\n")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Array(UnsafeBufferPointer(start: bytes, count: count))
    // As ContentLoader.readText: size limit, then encoding problems become diagnostics.
    guard data.count <= ContentLoader.maxFileBytes, case .success(let text) = TextEncoding.decode(data) else {
        _ = TextEncoding.looksLikeGB18030(data)
        return 0
    }
    let index = SourceFile(relativePath: "normative/2024-fuzz/index.md",
                           displayPath: "content/normative/2024-fuzz/index.md", text: text)
    let document = MarkdownDocument(index.body, firstLine: index.bodyFirstLine)
    _ = document.read()
    _ = document.html { url, _ in url }
    let bundle = RawLibrary.Bundle(id: "2024-fuzz", kind: .normative, path: "normative/2024-fuzz",
                                   displayPath: "content/normative/2024-fuzz/", index: index,
                                   interpretations: [index], files: ["index.md", "a.pdf"])
    let raw = RawLibrary(site: site, calendar: calendar, bundles: [bundle], cleanups: [index],
                         loadProblems: [], displayRoot: "content", rootPath: "/nonexistent")
    let library = ModelBuilder(raw: raw).build()
    let findings = Checker().check(raw, library)
    for finding in findings {
        precondition(!finding.message.isEmpty && finding.location.line >= 1, "finding without message or line")
    }
    return 0
}

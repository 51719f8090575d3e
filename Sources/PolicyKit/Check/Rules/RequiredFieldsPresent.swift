/// PF004: the fields without which a document cannot be published or listed.
struct RequiredFieldsPresent: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF004", name: "required-field", severity: .error,
        summary: "A required field is missing: title, office, signed, published; number for regulations and normative documents; title, form, published (and media for graphic/video/animation) for interpretations; title, published, results for cleanup batches.",
        fix: "在 front matter 中补上该字段。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            for field in required(role, fm) where !fm.has(field) || (fm.string(field) == nil && fm.node(field)?.scalar != nil) {
                found.append(finding(fm.startLocation, "缺少必填字段“\(field)”（\(Self.meaning[field] ?? field)）。",
                                     fix: "在 front matter 中添加一行：\(field): \(Self.example[field] ?? "…")"))
            }
            if case .document = role {
                for change in fm.mappings("changes") {
                    let entry = change.entries.first?.keyLocation ?? change.startLocation
                    for field in ["date", "note"] where change.string(field) == nil {
                        found.append(finding(entry, "修订记录条目缺少“\(field)”。",
                                             fix: "每条修订记录写作 { date: 2024-05-10, note: 更正第三条中的错别字 }。"))
                    }
                }
            }
            if case .cleanup = role {
                for result in fm.mappings("results") {
                    // At the entry itself: a nested mapping's startLocation is the front matter's first line.
                    let entry = result.entries.first?.keyLocation ?? result.startLocation
                    for field in ["document", "result"] where result.string(field) == nil {
                        found.append(finding(entry, "清理结果条目缺少“\(field)”。",
                                             fix: "每条结果写作 { document: 文件编号, result: 继续有效|修改|废止|宣布失效 }。"))
                    }
                }
            }
        }
        return found
    }

    private func required(_ role: Schema.Role, _ fm: FrontMatter) -> [String] {
        switch role {
        case .document(let bundle):
            let kind = fm.string("kind").flatMap(DocumentKind.init(alias:)) ?? bundle.kind
            return ["title", "office", "signed", "published"] + (kind.requiresNumber ? ["number"] : [])
        case .interpretation:
            let form = fm.string("form").flatMap(InterpretationForm.init(alias:))
            return ["title", "form", "published"] + (form?.needsMedia == true ? ["media"] : [])
        case .cleanup:
            return ["title", "published", "results"]
        }
    }

    static let meaning = ["title": "标题", "office": "起草处室", "signed": "成文日期", "published": "发布日期",
                          "number": "文号", "form": "解读形式", "media": "图片或视频文件", "results": "清理结果列表"]
    static let example = ["title": "《……》", "office": "法规处", "signed": "2024-01-15", "published": "2024-01-20",
                          "number": "示市监规〔2024〕1号", "form": "text", "media": "{ file: 图解.png, alt: 图片内容说明 }",
                          "results": "[{ document: 文件编号, result: 继续有效 }]"]
}

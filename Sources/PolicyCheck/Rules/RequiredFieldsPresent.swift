import PolicyCore
import PolicyLoad

/// PF004: the fields without which a document cannot be published or listed.
struct RequiredFieldsPresent: Rule {
    static let descriptor = RuleDescriptor(
        code: "PF004", name: "required-field", severity: .error,
        summary:
            "A required field is missing, or present in a shape that cannot be used (a list or mapping where one value is meant; an attachment without file, a cleanup result without document or result): title, office, signed, published; number for regulations and normative documents; title, form, published (and media for graphic/video/animation) for interpretations; title, published, results for cleanup batches.",
        fix: "在 front matter 中补上该字段。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (file, role) in context.markdownFiles {
            guard let fm = file.frontMatter else { continue }
            for field in Self.required(role, fm) where !fm.has(field) || (fm.string(field) == nil && fm.node(field)?.scalar != nil) {
                found.append(
                    finding(
                        fm.startLocation, "缺少必填字段“\(field)”（\(Self.meaning[field] ?? field)）。",
                        fix: "在 front matter 中添加一行：\(field): \(Self.example[field] ?? "…")"))
            }
            for amendment in fm.mappings("amended_by") {
                let entry = amendment.entries.first?.keyLocation ?? amendment.startLocation
                var missing: [String] = []
                if amendment.string("date") == nil { missing.append("date（修正日期）") }
                if amendment.string("title") == nil && amendment.string("number") == nil { missing.append("title 或 number（修正决定的标题或令号）") }
                if !missing.isEmpty {
                    found.append(
                        finding(
                            entry, "修正记录（amended_by）条目缺少\(missing.joined(separator: "、"))。",
                            fix: "每条写作 { title: 示例省人民政府关于修改……的决定, date: 2024-03-01, number: 示例省人民政府令第250号 }，title 与 number 至少写一项。"))
                }
            }
            // Present but unusable: a required field of the wrong shape, or a mapping
            // (an attachment, a cleanup result) without the key it cannot do without.
            let needed = Set(Self.required(role, fm))
            for problem in fm.shapeProblems(Schema.shapes(for: role))
            where problem.missingKey != nil || (needed.contains(problem.field) && problem.path == problem.field) {
                let (text, fix) = problem.message
                found.append(finding(fm.location(of: problem), text, fix: fix))
            }
        }
        return found
    }

    static func required(_ role: Schema.Role, _ fm: FrontMatter) -> [String] {
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

    static let meaning = [
        "title": "标题", "office": "起草处室", "signed": "成文日期", "published": "发布日期",
        "number": "文号", "form": "解读形式", "media": "图片或视频文件", "results": "清理结果列表",
    ]
    static let example = [
        "title": "《……》", "office": "法规处", "signed": "2024-01-15", "published": "2024-01-20",
        "number": "示市监规〔2024〕1号", "form": "text", "media": "{ file: 图解.png, alt: 图片内容说明 }",
        "results": "[{ document: 文件编号, result: 继续有效 }]",
    ]
}

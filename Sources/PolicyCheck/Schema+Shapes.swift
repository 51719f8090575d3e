/// The shape of every field, per kind of file: one line per field. `Schema`'s field lists
/// are read from these tables, so a new field is added here and nowhere else.
extension Schema {
    static let documentShapes: [FieldSpec] = [
        FieldSpec("title", .text, example: "title: 示例省食品标签管理办法"),
        FieldSpec("kind", .text, example: "kind: normative"),
        FieldSpec("number", .text, example: "number: 示市监规〔2024〕3号"),
        FieldSpec("issuer", .texts, example: "issuer: [示例省市场监督管理局, 示例省商务厅]"),
        FieldSpec("office", .text, example: "office: 法规处"),
        FieldSpec("signed", .date, example: "signed: 2024-03-01"),
        FieldSpec("published", .date, example: "published: 2024-03-08"),
        FieldSpec("effective", .date, example: "effective: 2024-04-01"),
        FieldSpec("expires", .date, example: "expires: 2029-03-31"),
        FieldSpec("topics", .texts, example: "topics: [食品安全, 标签]"),
        FieldSpec("keywords", .texts, example: "keywords: [预包装食品]"),
        FieldSpec("supersedes", .texts, example: "supersedes: 2019-food-labels"),
        FieldSpec("implements", .texts, example: "implements: province/2024-food-labels"),
        FieldSpec(
            "repealed",
            .mapping([
                FieldSpec("date", .date, required: true, example: "date: 2025-01-01"),
                FieldSpec("by", .text, example: "by: 2025-food-labels"),
                FieldSpec("note", .text, example: "note: 被新办法废止"),
            ]), example: "repealed: { date: 2025-01-01, by: 2025-food-labels }"),
        FieldSpec("official", .text, example: "official: 正式版.pdf"),
        FieldSpec(
            "attachments",
            .list(
                .mapping([
                    FieldSpec("file", .text, required: true, example: "file: 附件1.pdf"),
                    FieldSpec("title", .text, example: "title: 附件1 标签样式"),
                ])), example: "attachments: [{ file: 附件1.pdf, title: 附件1 标签样式 }]"),
        // Shapes only, for fields whose meaning is being added alongside (issue 16's merge).
        FieldSpec(
            "exempt",
            .either(
                .text,
                .mapping([
                    FieldSpec("reason", .text, example: "reason: 涉密"),
                    FieldSpec("approved_by", .text, example: "approved_by: 办公室"),
                    FieldSpec("approved_on", .date, example: "approved_on: 2024-03-01"),
                ])), example: "exempt: { reason: 内部管理文件, approved_by: 办公室, approved_on: 2024-03-01 }"),
        FieldSpec("disclosure", .text, example: "disclosure: 主动公开"),
        FieldSpec("index_no", .text, example: "index_no: 11330000002482088X/2024-00001"),
        FieldSpec(
            "changes",
            .list(
                .mapping([
                    FieldSpec("date", .date, example: "date: 2024-05-01"),
                    FieldSpec("note", .text, example: "note: 更正附件"),
                ])), example: "changes: [{ date: 2024-05-01, note: 更正附件 }]"),
        FieldSpec(
            "amended_by",
            .list(
                .mapping([
                    FieldSpec("title", .text, example: "title: 关于修改……的决定"),
                    FieldSpec("date", .date, example: "date: 2025-01-01"),
                    FieldSpec("number", .text, example: "number: 示市监规〔2025〕1号"),
                ])), example: "amended_by: [{ title: 关于修改……的决定, date: 2025-01-01 }]"),
    ]

    static let interpretationShapes: [FieldSpec] = [
        FieldSpec("title", .text, example: "title: 《示例省食品标签管理办法》政策解读"),
        FieldSpec("form", .text, example: "form: text"),
        FieldSpec("published", .date, example: "published: 2024-03-08"),
        FieldSpec("office", .text, example: "office: 法规处"),
        FieldSpec(
            "media",
            .mapping([
                FieldSpec("file", .text, example: "file: 图解.png"),
                FieldSpec("alt", .text, example: "alt: 图片内容说明"),
                FieldSpec("poster", .text, example: "poster: 封面.png"),
                FieldSpec("captions", .text, example: "captions: 字幕.vtt"),
                FieldSpec("transcript", .text, example: "transcript: 文字稿.txt"),
            ]), example: "media: { file: 解读.mp4, captions: 字幕.vtt }"),
    ]

    static let cleanupShapes: [FieldSpec] = [
        FieldSpec("title", .text, example: "title: 2024 年规范性文件清理结果"),
        FieldSpec("number", .text, example: "number: 示市监规〔2024〕9号"),
        FieldSpec("published", .date, example: "published: 2024-12-20"),
        FieldSpec("effective", .date, example: "effective: 2025-01-01"),
        FieldSpec(
            "results",
            .list(
                .mapping([
                    FieldSpec("document", .text, required: true, example: "document: 2019-food-labels"),
                    FieldSpec("result", .text, required: true, example: "result: 废止"),
                    FieldSpec("note", .text, example: "note: 已被新办法取代"),
                ])), example: "results: [{ document: 文件编号, result: 继续有效 }]"),
    ]

    /// `site.yml`: only the settings the model reads; any other key is left alone.
    static let siteShapes: [FieldSpec] = [
        FieldSpec("title", .text, example: "title: 示例省市场监督管理局政策文件库"),
        FieldSpec("base_url", .text, example: "base_url: https://www.example.gov.cn/zcwj/"),
        FieldSpec("issuer", .text, example: "issuer: 示例省市场监督管理局"),
        FieldSpec("language", .text, example: "language: zh-CN"),
        FieldSpec("timezone", .text, example: "timezone: Asia/Shanghai"),
        FieldSpec(
            "interpretation",
            .mapping([
                FieldSpec("required_for", .texts, example: "required_for: [regulation, normative, policy]"),
                FieldSpec("required_since", .date, example: "required_since: 2019-01-01"),
                FieldSpec("max_lag_working_days", .text, example: "max_lag_working_days: 0"),
                FieldSpec("must_cover", .anyMapping, example: "must_cover: { 背景依据: [背景, 依据] }"),
                FieldSpec("max_overlap", .text, example: "max_overlap: 0.5"),
            ]), example: "interpretation: { required_since: 2019-01-01 }"),
        FieldSpec(
            "validity",
            .mapping([
                FieldSpec("max_years", .text, example: "max_years: 5"),
                FieldSpec("max_years_provisional", .text, example: "max_years_provisional: 2"),
                FieldSpec("review_window_months", .text, example: "review_window_months: 6"),
            ]), example: "validity: { max_years: 5 }"),
        FieldSpec(
            "disclosure",
            .mapping([
                FieldSpec("max_working_days", .text, example: "max_working_days: 20")
            ]), example: "disclosure: { max_working_days: 20 }"),
        FieldSpec(
            "index_no",
            .mapping([
                FieldSpec("pattern", .text, example: "pattern: '\\d{9}/\\d{4}-\\d{5}'")
            ]), example: "index_no: { pattern: '\\d{9}/\\d{4}-\\d{5}' }"),
        FieldSpec(
            "headnote",
            .mapping([
                FieldSpec("promulgated", .text, example: "promulgated: 公布"),
                FieldSpec("amended", .text, example: "amended: 修正"),
            ]), example: "headnote: { promulgated: 公布, amended: 修正 }"),
        FieldSpec(
            "website",
            .mapping([
                FieldSpec("sponsor", .text, example: "sponsor: 示例省市场监督管理局"),
                FieldSpec("domain", .text, example: "domain: www.example.gov.cn"),
                FieldSpec("id_code", .text, example: "id_code: '0000000000'"),
                FieldSpec("icp", .text, example: "icp: 示ICP备00000000号"),
                FieldSpec("public_security", .text, example: "public_security: 示公网安备00000000000000号"),
                FieldSpec("contact", .text, example: "contact: 联系电话：0000-12315"),
            ]), example: "website: { sponsor: 示例省市场监督管理局, id_code: '0000000000' }"),
        FieldSpec(
            "privacy",
            .mapping([
                FieldSpec("allow", .texts, example: "allow: [12315]"),
                FieldSpec("patterns", .texts, example: "patterns: ['内部\\d+']"),
            ]), example: "privacy: { allow: [12315] }"),
    ]

    static let calendarShapes: [FieldSpec] = [
        FieldSpec("holidays", .texts, example: "holidays: [2024-01-01, 2024-02-10..2024-02-17]"),
        FieldSpec("workdays", .texts, example: "workdays: [2024-02-04]"),
    ]

    static func shapes(for role: Role) -> [FieldSpec] {
        switch role {
        case .document: documentShapes
        case .interpretation: interpretationShapes
        case .cleanup: cleanupShapes
        }
    }
}

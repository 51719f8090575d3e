/// The one place tests write front matter: ordered `key: value` lines with the base
/// fixture's values as defaults, changed per test with `with(_:)`, and a document made of
/// them with `document(body:)`. Values are written as given (already YAML), so a test can
/// put a flow mapping, a quoted string or a deliberately broken value in any field.
///
///     FrontMatter.normative.with(["number": "示市监规〔2024〕9号", "expires": nil]).document(body: "第一条 ……")
struct FrontMatter {
    private(set) var fields: [(key: String, value: String)]

    init(_ fields: KeyValuePairs<String, String>) {
        self.fields = fields.map { ($0.key, $0.value) }
    }

    /// The order fields take when `with(_:)` adds one: the order of the content format's
    /// tables (docs/content-format.md). Keys not listed go last, in the order added.
    static let order = [
        "title", "number", "issuer", "office", "kind", "form", "signed", "published",
        "effective", "expires", "media",
    ]

    /// The base normative document of `ContentFixture` (line 2 `title`, 3 `number`, 4 `office`,
    /// 5 `signed`, 6 `published`, 7 `effective`, 8 `expires` once written as a document).
    static let normative = FrontMatter([
        "title": "示例省食品标签管理办法",
        "number": "示市监规〔2024〕3号",
        "office": "食品安全协调处",
        "signed": "2024-03-01",
        "published": "2024-03-08",
        "effective": "2024-04-01",
        "expires": "2029-03-31",
    ])

    /// A second, valid document of another kind for tests that need two: a 其他政策文件 (no
    /// number, no validity period), to be added under `policies/`.
    static let policy = FrontMatter([
        "title": "关于开展食品标签专项检查的通知",
        "office": "食品安全协调处",
        "signed": "2024-05-06",
        "published": "2024-05-08",
    ])

    /// The base text interpretation of `ContentFixture` (line 3 `form`, 4 `published`).
    static let textInterpretation = FrontMatter([
        "title": "《示例省食品标签管理办法》政策解读",
        "form": "text",
        "published": "2024-03-08",
    ])

    /// A copy with `changes`: a value replaces a field where it stands or is added in
    /// `order`; nil removes the field.
    func with(_ changes: KeyValuePairs<String, String?>) -> FrontMatter {
        var copy = self
        for (key, value) in changes {
            if let index = copy.fields.firstIndex(where: { $0.key == key }) {
                if let value { copy.fields[index].value = value } else { copy.fields.remove(at: index) }
            } else if let value {
                copy.fields.insert((key, value), at: copy.insertionIndex(for: key))
            }
        }
        return copy
    }

    private func insertionIndex(for key: String) -> Int {
        guard let rank = Self.order.firstIndex(of: key) else { return fields.count }
        return fields.firstIndex { field in Self.order.firstIndex(of: field.key).map { $0 > rank } ?? true } ?? fields.count
    }

    /// The `key: value` lines, without the `---` fences or a final newline.
    var yaml: String { fields.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }

    /// A whole Markdown file: fenced front matter, a blank line and the body as given.
    func document(body: String) -> String { "---\n\(yaml)\n---\n\n\(body)" }
}

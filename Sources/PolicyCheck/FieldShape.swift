import Yams
import PolicyCore
import PolicyLoad

/// The shape a front-matter or settings value must have for the model to use it. Checked by
/// `required-field` (PF004, a required field present but unusable) and `unknown-value` (PF006,
/// any other field of the wrong shape), so that a value the model would silently skip — a
/// title given as a list, `media` given as a file name — is an error, never a lost page.
indirect enum FieldShape: Sendable {
    /// One scalar: text, a number or a word (`title: 示例`, `max_years: 5`).
    case text
    /// One scalar meant as a `YYYY-MM-DD` day; its format is `date-format`'s (PF005) to judge.
    case date
    /// A list whose every item has the inner shape.
    case list(FieldShape)
    /// A mapping; the keys listed are checked, others are `unknown-field`'s (PF003).
    case mapping([FieldSpec])
    /// Either shape (`issuer: A` or `issuer: [A, B]`).
    case either(FieldShape, FieldShape)

    /// One text or a list of texts.
    static let texts = FieldShape.either(.text, .list(.text))
    /// A mapping that allows any keys (the settings' `must_cover: {话题: [词, …]}`).
    static let anyMapping = FieldShape.mapping([])

    /// The keys of a mapping, of a list of mappings, or of the mapping alternative.
    var mappingKeys: [String]? {
        switch self {
        case .mapping(let keys): keys.isEmpty ? nil : keys.map(\.name)
        case .list(let item): item.mappingKeys
        case .either(let a, let b): a.mappingKeys ?? b.mappingKeys
        case .text, .date: nil
        }
    }

    /// What the shape is, in the words of the message.
    var chinese: String {
        switch self {
        case .text: "一个值（一段文字）"
        case .date: "一个 YYYY-MM-DD 日期"
        case .list(let item): "列表，每项为\(item.chinese)"
        case .mapping(let keys) where keys.isEmpty: "映射（键: 值）"
        case .mapping(let keys): "映射（含 \(keys.map(\.name).joined(separator: "、")) 等键）"
        case .either(let a, let b): "\(a.chinese)或\(b.chinese)"
        }
    }
}

/// One field of a shape table: its name, shape, whether a mapping must hold it, and an
/// example of a correct line shown in the fix.
struct FieldSpec: Sendable {
    let name: String
    let shape: FieldShape
    /// Inside a mapping: the mapping is unusable without this key (`attachments[].file`).
    let required: Bool
    let example: String

    init(_ name: String, _ shape: FieldShape, required: Bool = false, example: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.example = example
    }
}

/// A value whose shape is not the one the table gives, or a mapping that lacks a required key.
struct ShapeProblem {
    /// Top-level field the problem is under (`attachments`).
    let field: String
    /// Full path for the message (`attachments[2].file`).
    let path: String
    let node: Node
    let spec: FieldSpec
    /// The key a mapping lacks; nil when the value itself has the wrong shape.
    let missingKey: String?

    /// What the value is, for "这里是…".
    var found: String {
        switch node {
        case .scalar: "一个值"
        case .sequence: "列表"
        case .mapping: "映射"
        case .alias: "别名"
        }
    }
}

extension FieldShape {
    /// Every place under `node` that does not match, with paths below `path`.
    /// A null scalar (`~`, nothing after the colon) counts as absent and matches anything.
    func problems(_ node: Node, spec: FieldSpec, field: String, path: String) -> [ShapeProblem] {
        if node.isNull { return [] }
        func mismatch() -> [ShapeProblem] {
            [ShapeProblem(field: field, path: path, node: node, spec: spec, missingKey: nil)]
        }
        switch self {
        case .text, .date:
            return node.scalar == nil ? mismatch() : []
        case .list(let item):
            guard let items = node.sequence else { return mismatch() }
            let itemSpec = FieldSpec(spec.name, item, example: spec.example)
            return items.enumerated().flatMap { i, child in
                item.problems(child, spec: itemSpec, field: field, path: "\(path)[\(i + 1)]")
            }
        case .mapping(let keys):
            guard let mapping = node.mapping else { return mismatch() }
            var found: [ShapeProblem] = []
            for key in keys {
                let value = mapping.first { $0.key.scalar?.string == key.name }?.value
                if let value, !value.isNull {
                    found += key.shape.problems(value, spec: key, field: field, path: "\(path).\(key.name)")
                } else if key.required {
                    found.append(ShapeProblem(field: field, path: path, node: node, spec: spec, missingKey: key.name))
                }
            }
            return found
        case .either(let a, let b):
            let first = a.problems(node, spec: spec, field: field, path: path)
            if first.isEmpty { return [] }
            let second = b.problems(node, spec: spec, field: field, path: path)
            if second.isEmpty { return [] }
            // Report against the alternative the value is closest to in kind.
            let matchesKind = { (shape: FieldShape) -> Bool in
                switch (shape, node) {
                case (.list, .sequence), (.mapping, .mapping), (.text, .scalar), (.date, .scalar): true
                default: false
                }
            }
            if matchesKind(a) { return first }
            if matchesKind(b) { return second }
            return mismatch()
        }
    }
}

extension Node {
    /// `~`, `null` or an empty value: the same as leaving the field out.
    var isNull: Bool {
        guard let text = scalar?.string.trimmed else { return false }
        return text.isEmpty || text == "~" || text == "null"
    }
}

extension FrontMatter {
    /// The shape problems of every field of `table` present here, in table order.
    func shapeProblems(_ table: [FieldSpec]) -> [ShapeProblem] {
        table.flatMap { spec -> [ShapeProblem] in
            guard let node = node(spec.name) else { return [] }
            return spec.shape.problems(node, spec: spec, field: spec.name, path: spec.name)
        }
    }

    /// Where a problem is: the offending value, or the key of the field it is under.
    func location(of problem: ShapeProblem) -> SourceLocation {
        locationOfNode(problem.node) ?? location(of: problem.field)
    }
}

extension ShapeProblem {
    /// The Chinese message and fix for one problem.
    var message: (text: String, fix: String) {
        if let missingKey {
            return (
                "“\(path)”缺少“\(missingKey)”，无法使用。",
                "写作：\(spec.example)"
            )
        }
        return (
            "字段“\(path)”应为\(spec.shape.chinese)，这里是\(found)，无法使用。",
            "写作：\(spec.example)"
        )
    }
}

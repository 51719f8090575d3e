import Yams
import PolicyCore

/// A YAML mapping from front matter, read field by field with each field's file position.
///
/// Values are read from the scalars' source text, never through Yams' implicit typing, so a
/// date stays a calendar day and `0012` stays a string.
public struct FrontMatter: Sendable {
    public struct Entry: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: Node
    }

    public let entries: [Entry]
    private let firstLine: Int
    private let file: String

    init(mapping: Node.Mapping, firstLine: Int, file: String) {
        self.firstLine = firstLine
        self.file = file
        entries = mapping.map { key, value in
            Entry(
                key: key.scalar?.string ?? "\(key)",
                keyLocation: FrontMatter.location(key.mark, firstLine: firstLine, file: file),
                value: value)
        }
    }

    public var keys: [String] { entries.map(\.key) }

    /// By index, not `first(where:)`: that copied every entry it passed (key, location and
    /// node, a handful of retains each), and rules and the model ask for fields thousands of times.
    public func node(_ key: String) -> Node? {
        for i in entries.indices where entries[i].key == key { return entries[i].value }
        return nil
    }

    public func has(_ key: String) -> Bool { node(key) != nil }

    /// The position of a field's value, or of its key, or of the front matter's first line.
    public func location(of key: String) -> SourceLocation {
        guard let entry = entries.first(where: { $0.key == key }) else {
            return SourceLocation(file: file, line: firstLine, column: 1)
        }
        return locationOfNode(entry.value) ?? entry.keyLocation
    }

    public func locationOfNode(_ node: Node) -> SourceLocation? {
        node.mark.map { FrontMatter.location($0, firstLine: firstLine, file: file) }
    }

    /// A scalar's text, trimmed; nil for a missing field, a list, a mapping or an empty value.
    public func string(_ key: String) -> String? {
        guard let text = node(key)?.scalar?.string.trimmed,
            !text.isEmpty, text != "~", text != "null"
        else { return nil }
        return text
    }

    /// A scalar or a list of scalars, as a list (`issuer: A` and `issuer: [A, B]` both work).
    public func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        if let seq = node.sequence {
            return seq.compactMap { $0.scalar?.string.trimmed }.filter { !$0.isEmpty }
        }
        return string(key).map { [$0] } ?? []
    }

    public func date(_ key: String) -> CalendarDate? { string(key).flatMap(CalendarDate.init) }

    /// A nested mapping (e.g. `repealed`, `media`) read the same way.
    public func mapping(_ key: String) -> FrontMatter? {
        guard let node = node(key), let map = node.mapping else { return nil }
        return FrontMatter(mapping: map, firstLine: firstLine, file: file)
    }

    /// A list of mappings (e.g. `attachments`, `results`), each with its own positions.
    public func mappings(_ key: String) -> [FrontMatter] {
        guard let seq = node(key)?.sequence else { return [] }
        return seq.compactMap { $0.mapping.map { FrontMatter(mapping: $0, firstLine: firstLine, file: file) } }
    }

    /// Where the mapping's first key is: a batch entry's own line (`- question: …`).
    public var firstKeyLocation: SourceLocation { entries.first?.keyLocation ?? startLocation }

    /// The front matter's first line (the line after the opening `---`).
    public var startLocation: SourceLocation { SourceLocation(file: file, line: firstLine, column: 1) }

    private static func location(_ mark: Mark?, firstLine: Int, file: String) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }
}

// Yams' Node is a plain value tree that is never mutated after composing.
extension Node: @retroactive @unchecked Sendable {}

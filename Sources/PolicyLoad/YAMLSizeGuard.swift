import CLibYAML
import PolicyCore

/// Measures a YAML text before Yams composes it, so that a "billion laughs" file — a few
/// lines of anchors (`&a`) and aliases (`*a`) that stand for billions of values — is refused
/// with a diagnostic instead of hanging the check, and so that a file of a few kilobytes
/// cannot stand for megabytes of values that every page would then repeat.
///
/// Composing itself shares aliased values, but Yams hashes every mapping key to find
/// duplicates, and a key that is an alias of such a tree takes exponential time; so does
/// anything that ever walks the tree. That is why this cannot be measured on the composed
/// `Node` tree: the guard reads libyaml's event stream instead (linear in the text, no tree)
/// and counts the bytes of every value as if each alias were written out in full. Yams has no
/// public event API and keeps its libyaml internal, so the guard uses libyaml's own C API
/// (`CLibYAML`, Debian's libyaml-dev: the same 0.2.5 API Yams bundles).
///
/// The budget is in bytes, not values: 2,000 aliases of one 6,000-character string are only
/// 2,000 values but 36 MB of text. Without aliases a text spells out every value itself, so
/// only what aliases add is limited, in proportion to the text: the site's size stays
/// bounded by the content's (docs/site.md, "Output size").
enum YAMLSizeGuard {
    /// What aliases may add beyond the text's own bytes: as much again as the text, plus
    /// this — enough for an anchor reused in a few fields.
    static let maxAliasBytes = 1024

    struct TooLarge: Error {
        /// 1-based line and column of the event at which the limit was passed.
        let line: Int
        let column: Int
        /// The bytes the text would expand to, at least (counting stops at the limit).
        let expandedBytes: Int
    }

    /// The expanded size a text is allowed: twice its own length, and `maxAliasBytes`.
    static func limit(for yaml: String) -> Int { 2 * yaml.utf8.count + maxAliasBytes }

    /// Throws `TooLarge` when the text's values, each alias written out in full, take more
    /// than `limit` bytes (a scalar its length, a list or mapping one byte more than its
    /// items, so that empty values count too). Syntax errors are left for Yams to report
    /// with its own message (the guard then simply returns).
    static func check(_ yaml: String, limit: Int? = nil) throws {
        // Without an alias every value is written out in the text: nothing to expand.
        if !yaml.utf8.contains(UInt8(ascii: "*")) { return }
        let limit = limit ?? Self.limit(for: yaml)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return }
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Expanded size of each open collection, innermost last; of each anchor, when closed.
            var open: [(size: Int, anchor: String?)] = []
            var anchors: [String: Int] = [:]
            var total = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return }  // syntax error: Yams reports it
                defer { yaml_event_delete(&event) }
                var size = 0  // size of a finished node to add to its parent, 0 when none finished
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    size = max(1, Int(event.data.scalar.length))
                    if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = size }
                case YAML_ALIAS_EVENT:
                    size = event.data.alias.anchor.flatMap { anchors[String(cString: $0)] } ?? 1
                case YAML_SEQUENCE_START_EVENT:
                    open.append((1, event.data.sequence_start.anchor.map { String(cString: $0) }))
                case YAML_MAPPING_START_EVENT:
                    open.append((1, event.data.mapping_start.anchor.map { String(cString: $0) }))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let closed = open.popLast() {
                        size = closed.size
                        if let anchor = closed.anchor { anchors[anchor] = closed.size }
                    }
                default:
                    break
                }
                guard size > 0 else { continue }
                // Sizes are capped at the limit so that sums never overflow.
                if open.isEmpty {
                    total = min(limit + 1, total + size)
                } else {
                    open[open.count - 1].size = min(limit + 1, open[open.count - 1].size + size)
                }
                if total > limit || (open.last?.size ?? 0) > limit {
                    throw TooLarge(
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                        expandedBytes: max(total, open.last?.size ?? 0))
                }
            }
        }
    }
}

import CYaml
import PolicyCore

/// Measures a YAML text before Yams composes it, so that a "billion laughs" file — a few
/// lines of anchors (`&a`) and aliases (`*a`) that stand for billions of values — is refused
/// with a diagnostic instead of hanging the check.
///
/// Composing itself shares aliased values, but Yams hashes every mapping key to find
/// duplicates, and a key that is an alias of such a tree takes exponential time; so does
/// anything that ever walks the tree. The guard reads libyaml's event stream (linear in the
/// text, no tree) and counts every value as if each alias were written out in full.
enum YAMLSizeGuard {
    /// More values than any front matter or settings file needs (the 2018–2026 calendar
    /// has a few hundred), and few enough that walking them is instant.
    static let maxExpandedNodes = 50_000

    struct TooLarge: Error {
        /// 1-based line and column of the event at which the limit was passed.
        let line: Int
        let column: Int
        let usesAliases: Bool
    }

    /// Throws `TooLarge` when the text expands to more than `limit` nodes. Syntax errors are
    /// left for Yams to report with its own message (the guard then simply returns).
    static func check(_ yaml: String, limit: Int = maxExpandedNodes) throws {
        // Without an alias every node is written out, in about a byte at the very least
        // (`{a,b}` is five nodes in five bytes): YAML shorter than half the limit and without
        // `*` cannot reach it. That is almost all front matter; skipping this second parse of
        // it saved 2% of a check.
        if yaml.utf8.count * 2 < limit, !yaml.utf8.contains(UInt8(ascii: "*")) { return }
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
            var usesAliases = false
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return }  // syntax error: Yams reports it
                defer { yaml_event_delete(&event) }
                var size = 0  // size of a finished node to add to its parent, 0 when none finished
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    size = 1
                    if let anchor = event.data.scalar.anchor { anchors[String(cString: anchor)] = 1 }
                case YAML_ALIAS_EVENT:
                    usesAliases = true
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
                    throw TooLarge(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                                   usesAliases: usesAliases)
                }
            }
        }
    }
}

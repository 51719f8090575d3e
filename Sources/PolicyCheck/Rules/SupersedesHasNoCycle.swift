import PolicyCore

/// PR002: version chains run one way; a cycle would make every version "superseded".
struct SupersedesHasNoCycle: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PR002", name: "supersedes-cycle", severity: .error,
        summary: "Documents supersede each other in a cycle.",
        fix: "supersedes 只写在新版本中，指向它取代的旧版本；旧版本不要反过来指向新版本。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        let library = context.library
        var reported = Set<String>()
        var found: [Diagnostic] = []
        for start in library.documents where !reported.contains(start.id) {
            // Follow supersedes links depth-first; meeting the start again closes a cycle.
            var path: [String] = []
            var stack: [(String, [String])] = [(start.id, [])]
            var visited = Set<String>()
            while let (id, trail) = stack.popLast() {
                guard visited.insert(id).inserted, let doc = library.document(id) else { continue }
                for next in doc.supersedes where next != id {
                    if next == start.id { path = trail + [id, next]; break }
                    stack.append((next, trail + [id]))
                }
                if !path.isEmpty { break }
            }
            guard !path.isEmpty else { continue }
            path.forEach { reported.insert($0) }
            found.append(
                finding(
                    start.source.frontMatter?.location(of: "supersedes") ?? start.source.location(),
                    "修订关系形成循环：\(path.joined(separator: " → "))。"))
        }
        return found
    }
}

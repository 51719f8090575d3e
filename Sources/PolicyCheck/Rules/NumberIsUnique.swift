import PolicyCore
import PolicyModel

/// PN003: 三统一 — one number, one document.
struct NumberIsUnique: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PN003", name: "number-duplicate", severity: .error,
        summary: "Two documents carry the same 文号.",
        fix: "核对文号：同一文号只能对应一件文件。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        var owners: [String: [Document]] = [:]
        for doc in context.library.documents {
            guard let number = doc.number else { continue }
            owners[DocumentNumber.normalized(number), default: []].append(doc)
        }
        return owners.values.filter { $0.count > 1 }.flatMap { docs in
            let sorted = docs.sorted { $0.id < $1.id }
            return sorted.dropFirst().map { doc in
                finding(
                    doc.source.frontMatter?.location(of: "number") ?? doc.source.location(),
                    "文号“\(doc.number!)”与\(sorted[0].quotedTitle)（\(sorted[0].bundlePath)）重复。")
            }
        }
    }
}

import PolicyCore
import PolicyModel

/// PL003: every source says where its content is — a local folder (`path`) or a git
/// repository (`git`, with `ref` and `folder`) — and it can be reached.
struct SourceLocationIsValid: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL003", name: "source-location", severity: .error,
        summary: "A source names no content (path or git), names both, gives ref or folder without git, or its folder, repository or branch cannot be reached.",
        fix: "写 path: ../province（library.yml 所在目录下的内容目录），或 git: 仓库地址，可加 ref: 分支或标签、folder: 仓库中的内容目录。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let system = context.system, let fm = system.manifest.file.frontMatter else { return [] }
        var found: [Diagnostic] = []
        for entry in fm.mappings("sources") {
            let name = entry.string("id").map { "来源“\($0)”" } ?? "来源"
            let hasPath = entry.string("path") != nil, hasGit = entry.string("git") != nil
            if !hasPath && !hasGit {
                found.append(finding(entry.startLocationOfEntry, "\(name)没有写明内容在哪里（path 或 git）。"))
            } else if hasPath && hasGit {
                found.append(finding(entry.location(of: "git"), "\(name)同时写了 path 和 git：只能二选一。", fix: "保留一项：本地目录用 path，git 仓库用 git。"))
            } else if hasPath {
                for key in ["ref", "folder"] where entry.has(key) {
                    found.append(
                        finding(entry.location(of: key), "\(name)的 \(key) 只对 git 来源有意义。", fix: "删除 \(key)，或把 path 改为 git: 仓库地址。"))
                }
            }
            if let id = entry.string("id"), case .unavailable(let reason)? = system.gates[id] {
                found.append(finding(entry.location(of: hasGit ? "git" : "path"), "\(name)无法读取：\(reason)。"))
            }
        }
        return found
    }
}

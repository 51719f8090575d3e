import PolicyCore
import PolicyModel

/// PL005: every source's content passed its own gate. A git source whose new commit fails
/// is built from the commit library.lock recorded as passed (a warning for `build`, an
/// error for `check`); with no such commit, or for a local folder, the system cannot be built.
struct SourceGatePassed: Rule {
    static let scope = RuleScope.library
    static let descriptor = RuleDescriptor(
        code: "PL005", name: "source-gate", severity: .error,
        summary:
            "A source's content fails its own check: the build uses its commit recorded in library.lock, or, without one, cannot include the source and stops.",
        fix: "按该来源的诊断修正它的内容（在它自己的仓库中运行 policy check）；修正并通过检查后，构建会自动改用新提交并更新 library.lock。")

    func check(_ context: CheckContext) -> [Diagnostic] {
        guard let system = context.system, let fm = system.manifest.file.frontMatter else { return [] }
        var found: [Diagnostic] = []
        for entry in fm.mappings("sources") {
            guard let id = entry.string("id"), let gate = system.gates[id] else { continue }
            let location = entry.location(of: "id")
            switch gate {
            case .passed, .unavailable: break
            case .fellBack(let failed, let errors, let locked):
                found.append(
                    finding(
                        location,
                        "来源“\(id)”的提交 \(failed.prefix(12)) 未通过检查（\(errors) 个错误）：\(system.strict ? "构建将" : "本次")使用 library.lock 中 \(locked.passed) 通过检查的提交 \(locked.commit.prefix(12))，该来源的新改动暂不发布。",
                        severity: system.strict ? .error : .warning))
            case .failed(let commit, let errors):
                let why =
                    commit.map { "提交 \($0.prefix(12)) 未通过检查（\(errors) 个错误），且 library.lock 中没有可用的已通过提交" }
                    ?? "内容未通过检查（\(errors) 个错误），本地目录没有可退回的已通过版本"
                found.append(
                    finding(location, "来源“\(id)”的\(why)：不能构建系统文件库（不会悄悄略去该来源的文件）。"))
            }
        }
        return found
    }
}

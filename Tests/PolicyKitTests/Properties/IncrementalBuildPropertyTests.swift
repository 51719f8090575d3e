import Foundation
import PropertyBased
import Testing
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// The promise of `policy build` (docs/architecture.md, "Incremental builds"): a build into a
/// folder that holds an earlier build is byte for byte the clean build of the same content.
///
/// Random sequences of edits, additions, deletions and renames over every kind of input of
/// the sample library — a document's `index.md`, an interpretation, a transcript, a caption
/// file, a PDF, an image or other attachment, a cleanup batch, `site.yml`, `calendar.yml` and
/// the files of a `--theme` folder — each followed by an incremental build (`buildIfChanged`,
/// what `policy build` runs) and a clean build into an empty folder; the two output folders
/// must hold the same files with the same bytes. A failing sequence is shrunk to the
/// shortest one that still fails, and its steps are printed.
///
/// Each run draws new sequences; `make fuzz-incremental` runs the suite many times over.
@Suite(.serialized) struct IncrementalBuildPropertyTests {
    static let asOf = CalendarDate("2026-11-29")!

    /// One step, decoded from a random number so that shrinking the number gives a simpler
    /// step (smaller numbers pick the first kind and the first file).
    struct Step: CustomStringConvertible {
        let kind: Int
        let pick: Int

        static let kinds = 16

        init(_ number: Int) {
            kind = number % Self.kinds
            pick = number / Self.kinds
        }

        var description: String {
            let names = [
                "edit a document's index.md", "edit an interpretation", "edit a transcript", "edit a caption file",
                "change a PDF, image or attachment", "edit a cleanup batch", "change site.yml's title",
                "add a holiday to calendar.yml", "add a document", "delete an added document or a stray file",
                "rename an added document or a cleanup batch", "override a theme template", "override a theme asset",
                "delete a theme file", "add a stray file to a bundle", "rewrite a file with the same bytes",
            ]
            return "\(names[kind]) #\(pick)"
        }
    }

    /// A copy of the sample library and a theme folder, and the edits made to them.
    final class Workspace {
        let base: URL
        var content: URL { base.appendingPathComponent("content") }
        var theme: URL { base.appendingPathComponent("theme") }
        var site: URL { base.appendingPathComponent("site") }
        private var serial = 0

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-incremental-property-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SampleContent.root, to: content)
            try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try Data("/* 站点自己的样式 */\n".utf8).write(to: theme.appendingPathComponent("assets/extra.css"))
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        /// Regular files below `folder`, relative paths, sorted.
        func files(under folder: URL) -> [String] {
            var found: [String] = []
            FolderWalk.walk(folder.path) { path, _, kind in
                if kind == .file { found.append(path) }
                return kind == .folder
            }
            return found.sorted()
        }

        private func bundleFiles(_ keep: (String) -> Bool) -> [String] {
            files(under: content).filter { path in
                ["regulations/", "normative/", "policies/"].contains(where: path.hasPrefix) && keep(path)
            }
        }

        private func choose(_ items: [String], _ pick: Int) -> String? { items.isEmpty ? nil : items[pick % items.count] }

        private func append(_ text: String, to relative: String, in folder: URL? = nil) throws {
            let url = (folder ?? content).appendingPathComponent(relative)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        }

        private func replace(_ old: String, with new: String, in relative: String) throws {
            let url = content.appendingPathComponent(relative)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }

        private var addedBundles: [String] {
            files(under: content).filter { $0.hasPrefix("policies/2026-added-") && $0.hasSuffix("/index.md") }
                .map { String($0.dropLast("/index.md".count)) }
        }

        /// Applies `step`; returns what it did, for the report of a failing sequence.
        func apply(_ step: Step) throws -> String {
            serial += 1
            let n = serial
            let fm = FileManager.default
            switch step.kind {
            case 0:
                guard let file = choose(bundleFiles { $0.hasSuffix("/index.md") }, step.pick) else { break }
                try append("\n\n第\(n)次修改时追加的一句正文。\n", to: file)
                return "appended to \(file)"
            case 1:
                guard let file = choose(bundleFiles { $0.hasSuffix(".md") && !$0.hasSuffix("/index.md") }, step.pick) else { break }
                try append("\n\n解读第\(n)次补充的一句。\n", to: file)
                return "appended to \(file)"
            case 2:
                guard let file = choose(bundleFiles { $0.hasSuffix(".txt") }, step.pick) else { break }
                try append("\n\n文字稿第\(n)次追加的一段。\n", to: file)
                return "appended to \(file)"
            case 3:
                guard let file = choose(bundleFiles { $0.hasSuffix(".vtt") }, step.pick) else { break }
                try append("\n00:09:\(10 + n % 50).000 --> 00:09:\(10 + n % 50).500\n第\(n)条追加的字幕。\n", to: file)
                return "appended a cue to \(file)"
            case 4:
                let binary = bundleFiles { !$0.hasSuffix(".md") && !$0.hasSuffix(".txt") && !$0.hasSuffix(".vtt") }
                guard let file = choose(binary, step.pick) else { break }
                try append("\n% changed \(n)\n", to: file)
                return "appended bytes to \(file)"
            case 5:
                guard let file = choose(files(under: content).filter { $0.hasPrefix("cleanup/") }, step.pick) else { break }
                try append("\n\n清理说明第\(n)次补充。\n", to: file)
                return "appended to \(file)"
            case 6:
                let text = try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
                guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) else { break }
                try replace(String(line), with: "title: 示例省市场监督管理局政策文件库（第\(n)版）", in: "site.yml")
                return "retitled the site"
            case 7:
                let day = String(format: "2025-%02d-%02d", 1 + step.pick % 12, 1 + step.pick % 28)
                try replace("holidays:\n", with: "holidays:\n  - \(day)\n", in: "calendar.yml")
                return "added the holiday \(day)"
            case 8:
                let id = "2026-added-\(n)"
                try fm.createDirectory(at: content.appendingPathComponent("policies/\(id)"), withIntermediateDirectories: true)
                try """
                ---
                title: 示例省市场监督管理局第\(n)号内部工作规则
                kind: policy
                issuer: 示例省市场监督管理局办公室
                office: 法规处
                signed: 2026-03-02
                published: 2026-03-0\(2 + step.pick % 5)
                topics: [机关管理]
                keywords: [工作规则]
                exempt:
                  reason: 内部管理性质，不涉及公众权利义务
                  approved_by: 局长办公会
                  approved_on: 2026-03-02
                ---

                **第一条** 为规范机关内部工作，制定本规则（第\(n)号）。

                """.write(to: content.appendingPathComponent("policies/\(id)/index.md"), atomically: true, encoding: .utf8)
                return "added policies/\(id)"
            case 9:
                let strays = bundleFiles { $0.contains("/草稿-") }
                if let bundle = choose(addedBundles, step.pick) {
                    try fm.removeItem(at: content.appendingPathComponent(bundle))
                    return "deleted \(bundle)"
                } else if let stray = choose(strays, step.pick) {
                    try fm.removeItem(at: content.appendingPathComponent(stray))
                    return "deleted \(stray)"
                }
            case 10:
                if let bundle = choose(addedBundles, step.pick) {
                    let renamed = "policies/2026-added-\(n)"
                    try fm.moveItem(at: content.appendingPathComponent(bundle), to: content.appendingPathComponent(renamed))
                    return "renamed \(bundle) to \(renamed)"
                }
                guard let batch = choose(files(under: content).filter { $0.hasPrefix("cleanup/") }, step.pick) else { break }
                let renamed = String(batch.dropLast(3)) + "-\(n).md"
                try fm.moveItem(at: content.appendingPathComponent(batch), to: content.appendingPathComponent(renamed))
                return "renamed \(batch) to \(renamed)"
            case 11:
                let templates = Theme.builtIn.filter { $0.name.hasSuffix(".mustache") }
                let (name, bytes) = templates[step.pick % templates.count]
                let folder = theme.appendingPathComponent("templates")
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                try (Data(bytes) + Data("{{! 第\(n)次修改 }}\n".utf8)).write(to: folder.appendingPathComponent(name))
                return "overrode templates/\(name)"
            case 12:
                let assets = Theme.builtIn.filter { !$0.name.hasSuffix(".mustache") }.map(\.name) + ["extra.css"]
                let name = assets[step.pick % assets.count]
                try Data("/* 第\(n)次修改 */\nbody { margin: \(n)px; }\n".utf8).write(to: theme.appendingPathComponent("assets/\(name)"))
                return "overrode assets/\(name)"
            case 13:
                guard let file = choose(files(under: theme), step.pick) else { break }
                try fm.removeItem(at: theme.appendingPathComponent(file))
                return "deleted theme/\(file)"
            case 14:
                guard let index = choose(bundleFiles { $0.hasSuffix("/index.md") }, step.pick) else { break }
                let stray = String(index.dropLast("index.md".count)) + "草稿-\(n).txt"
                try Data("未发布的草稿\(n)\n".utf8).write(to: content.appendingPathComponent(stray))
                return "added \(stray)"
            default:
                let all = files(under: content)
                guard let file = choose(all, step.pick) else { break }
                let url = content.appendingPathComponent(file)
                try Data(contentsOf: url).write(to: url)
                return "rewrote \(file) unchanged"
            }
            return "nothing to do"
        }

        private func options(_ output: URL) -> Pipeline.BuildOptions {
            .init(output: output, asOf: IncrementalBuildPropertyTests.asOf, themeDirectory: theme)
        }

        /// What `policy build` does into the same folder each time; nil when the check refused.
        func buildIncrementally() throws -> Bool {
            switch try Pipeline.buildIfChanged(content: content, displayRoot: "content", options: options(site)) {
            case .built(let built): return !built.checked.hasErrors
            case .unchanged: return true
            }
        }

        /// A build into a folder no build wrote before. False when the check refused.
        func buildClean(into output: URL) throws -> Bool {
            !(try Pipeline.build(content: content, displayRoot: "content", options: options(output)).checked.hasErrors)
        }

        /// The files that differ between two output folders (missing from one, or other bytes).
        func differences(_ a: URL, _ b: URL) throws -> [String] {
            let left = files(under: a), right = files(under: b)
            var differing = Set(left).symmetricDifference(right).sorted()
            for path in Set(left).intersection(right).sorted()
            where try Data(contentsOf: a.appendingPathComponent(path)) != Data(contentsOf: b.appendingPathComponent(path)) {
                differing.append(path)
            }
            return differing
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func everyIncrementalBuildEqualsACleanBuild() async throws {
        await propertyCheck(count: 5, input: Gen.int(in: 0...(Step.kinds * 40 - 1)).array(of: 1...3)) { numbers in
            let steps = numbers.map(Step.init)
            let workspace = try Workspace()
            #expect(try workspace.buildIncrementally(), "the sample library builds")
            var done: [String] = []
            for (k, step) in steps.enumerated() {
                done.append("\(step): \(try workspace.apply(step))")
                let incremental = try workspace.buildIncrementally()
                let clean = workspace.base.appendingPathComponent("clean-\(k)")
                let cleanBuilt = try workspace.buildClean(into: clean)
                #expect(incremental == cleanBuilt, "the check disagrees after: \(done.joined(separator: "; "))")
                if incremental && cleanBuilt {
                    let differing = try workspace.differences(workspace.site, clean)
                    #expect(differing.isEmpty, "differs from a clean build: \(differing.prefix(10)) after: \(done.joined(separator: "; "))")
                }
                try? FileManager.default.removeItem(at: clean)
            }
        }
    }
}

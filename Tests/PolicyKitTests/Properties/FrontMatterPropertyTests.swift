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

/// Random front matter — the schema's fields, each with a random shape: values, lists,
/// mappings, nulls, numbers, dates, long strings — that the YAML library accepts. Whatever
/// it is, `check` reports an error, or `build` renders the document and its interpretation;
/// and the site stays under the documented size bound (docs/site.md, "Output size").
/// A failure prints the seed that makes the case.
@Suite struct FrontMatterPropertyTests {
    /// One random YAML value, written in flow style (JSON-like, which YAML accepts).
    struct ValueMaker {
        var random: SeededGenerator

        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &random)! }

        /// A value that fits `shape` most of the time, and anything at all otherwise.
        mutating func value(for shape: FieldShape, depth: Int = 0) -> String {
            if chance(0.3) { return anything(depth: depth) }
            switch shape {
            case .text: return scalar()
            case .date: return pick(["2024-03-08", "2024-03-01", "2023-12-31", "2024-02-30", "2024/3/8"])
            case .list(let item):
                return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in value(for: item, depth: depth + 1) }.joined(separator: ", ") + "]"
            case .mapping(let keys):
                let chosen = keys.filter { _ in chance(0.6) }
                return "{" + chosen.map { "\($0.name): \(value(for: $0.shape, depth: depth + 1))" }.joined(separator: ", ") + "}"
            case .either(let a, let b): return chance(0.5) ? value(for: a, depth: depth) : value(for: b, depth: depth)
            }
        }

        mutating func scalar() -> String {
            switch Int.random(in: 0..<9, using: &random) {
            case 0: return "~"
            case 1: return String(Int.random(in: -5...100_000, using: &random))
            case 2: return pick(["true", "no", "3.5", "0012", "0x1F", ".inf"])
            case 3: return pick(["2024-03-08", "2024-03-08T10:00:00Z"])
            case 4: return quoted(String(repeating: pick(["标", "a", "😀", "\u{301}"]), count: Int.random(in: 150...260, using: &random)))
            case 5: return quoted(String(repeating: "长", count: Int.random(in: 1000...6000, using: &random)))
            case 6: return quoted(pick(["", " ", "<script>alert(1)</script>", "a: b", "# 注释", "\u{1}", "示市监规〔2024〕3号"]))
            case 7: return pick(["policy", "normative", "regulation", "规章", "text", "qa", "video", "graphic", "2024-food-labels"])
            default: return quoted(pick(["示例省食品标签管理办法", "法规处", "a.pdf", "解读.mp4", "图片说明"]))
            }
        }

        mutating func anything(depth: Int) -> String {
            guard depth < 3 else { return scalar() }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in anything(depth: depth + 1) }.joined(separator: ", ") + "]"
            case 1:
                let keys = ["file", "date", "a", "title", "result", "document", "alt"]
                return "{"
                    + (0..<Int.random(in: 0...3, using: &random)).map { i in "\(keys[(i + depth) % keys.count]): \(anything(depth: depth + 1))" }.joined(
                        separator: ", ") + "}"
            default: return scalar()
            }
        }

        func quoted(_ text: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [text])
            return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
        }

        /// Front matter that starts valid (`valid`) and has up to three of `table`'s fields
        /// given random values, one field per line.
        mutating func frontMatter(_ table: [FieldSpec], valid: KeyValuePairs<String, String>) -> String {
            var lines = Dictionary(uniqueKeysWithValues: valid.map { ($0.key, $0.value) })
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let spec = pick(table)
                lines[spec.name] = chance(0.1) ? nil : value(for: spec.shape)
            }
            return table.compactMap { spec in lines[spec.name].map { "\(spec.name): \($0)" } }.joined(separator: "\n")
        }
    }

    static let bundle = "policies/2024-generated"

    @Test func checkErrsOrBuildRendersWithinTheBound() async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var maker = ValueMaker(random: SeededGenerator(seed: UInt64(seed)))
            var fixture = ContentFixture()
            let document = maker.frontMatter(
                Schema.documentShapes,
                valid: [
                    "title": "示例省生成文件管理办法", "kind": "policy", "office": "法规处", "signed": "2024-03-01",
                    "published": "2024-03-08", "effective": "2024-04-01", "topics": "[食品安全]", "keywords": "[标签]",
                ])
            let interpretation = maker.frontMatter(
                Schema.interpretationShapes,
                valid: [
                    "title": "政策解读", "form": "text", "published": "2024-03-08",
                ])
            fixture["\(Self.bundle)/index.md"] = "---\n\(document)\n---\n\n第一条 为加强管理，制定本办法。\n"
            fixture["\(Self.bundle)/解读.md"] = "---\n\(interpretation)\n---\n\n## 背景依据\n\n背景。\n\n## 主要内容\n\n内容。\n\n## 关键词\n\n词。\n"
            let hostile = HostileFixture(fixture)
            let built: (CheckResult, URL)
            do { built = try hostile.build() } catch {
                Issue.record("seed \(seed): build threw \(error)\n\(document)\n\(interpretation)")
                return
            }
            let (result, site) = built
            if result.diagnostics.contains(where: { $0.severity == .error }) {
                #expect(!FileManager.default.fileExists(atPath: site.path), "seed \(seed): nothing built on errors")
                return
            }
            let page = site.appendingPathComponent("d/2024-generated/index.html")
            #expect(
                FileManager.default.fileExists(atPath: page.path),
                "seed \(seed): check passed but the document is not on the site\n\(document)")
            let interpretationPage = site.appendingPathComponent("d/2024-generated/解读/index.html")
            #expect(
                FileManager.default.fileExists(atPath: interpretationPage.path),
                "seed \(seed): check passed but the interpretation is not on the site\n\(interpretation)")
            let siteBytes = OutputBoundTests.bytes(under: site), contentBytes = OutputBoundTests.bytes(under: hostile.content)
            #expect(
                siteBytes <= OutputBoundTests.fixed + OutputBoundTests.perInputByte * contentBytes,
                "seed \(seed): \(siteBytes) site bytes from \(contentBytes) content bytes")
        }
    }
}

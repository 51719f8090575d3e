import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

/// Keeps the registry honest: stable, well-formed codes and names, every rule file
/// registered, every rule tested, and docs/rules.md in step with the code.
final class RuleRegistryTests: XCTestCase {
    /// The package root, found from this file's path (Tests/PolicyKitTests/Check/…).
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var descriptors: [RuleDescriptor] { RuleRegistry.all.map { $0.descriptor } }

    func testCodesAreUniqueAndWellFormed() throws {
        let codes = descriptors.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count, "duplicate codes: \(codes)")
        let pattern = try NSRegularExpression(pattern: #"^P[A-Z]\d{3}$"#)
        for code in codes {
            XCTAssertNotNil(pattern.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)), "malformed code \(code)")
        }
    }

    func testNamesAreUniqueKebabCase() throws {
        let names = descriptors.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "duplicate names: \(names)")
        let pattern = try NSRegularExpression(pattern: #"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"#)
        for name in names {
            XCTAssertNotNil(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), "not kebab-case: \(name)")
        }
    }

    func testDescriptorsAreFilledIn() {
        for d in descriptors {
            XCTAssertFalse(d.summary.isEmpty, d.code)
            XCTAssertFalse(d.fix.isEmpty, d.code)
            XCTAssertTrue(d.fix.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "fix of \(d.code) should be Chinese")
        }
    }

    func testLookupByCodeOrName() {
        XCTAssertEqual(RuleRegistry.rule(code: "PI001")?.descriptor.name, "interpretation-required")
        XCTAssertEqual(RuleRegistry.rule(code: "interpretation-required")?.descriptor.code, "PI001")
        XCTAssertNil(RuleRegistry.rule(code: "PX999"))
    }

    /// Every file in Rules/ declares a rule type, and every declared rule type is registered
    /// (a rule written but not listed would silently never run).
    func testEveryRuleFileIsRegistered() throws {
        let folder = Self.packageRoot.appendingPathComponent("Sources/PolicyCheck/Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty, "no rule files found at \(folder.path)")
        let registered = Set(RuleRegistry.all.map { String(describing: $0) })
        let declaration = try NSRegularExpression(
            pattern: #"(?m)^\s*(?:public\s+|internal\s+)?(?:struct|final class|class|enum)\s+(\w+)\s*:\s*(?:[\w, ]*,\s*)?Rule\b"#)
        var declared: Set<String> = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let names = declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            }
            XCTAssertFalse(names.isEmpty, "\(file) declares no Rule type")
            for name in names {
                XCTAssertTrue(registered.contains(name), "\(name) in \(file) is not listed in RuleRegistry.all")
                declared.insert(name)
            }
        }
        XCTAssertEqual(declared, registered, "registered rules without a file in Rules/: \(registered.subtracting(declared))")
    }

    /// docs/rules.md is generated (`policy rules --markdown > docs/rules.md`) and must match.
    func testRulesDocumentMatchesRegistry() throws {
        let url = Self.packageRoot.appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, RuleTable.markdown(), "docs/rules.md is stale: run `policy rules --markdown > docs/rules.md`")
        for d in descriptors { XCTAssertTrue(text.contains("| \(d.code) |"), d.code) }
    }

    /// Every code has at least one test that names it in Tests/PolicyKitTests/Check/ (or below),
    /// with `assertFinds("CODE"` or a marker expectation `.error("CODE"` / `.warning("CODE"`.
    func testEveryRuleIsExercisedByATest() throws {
        let folder = Self.packageRoot.appendingPathComponent("Tests/PolicyKitTests/Check")
        var tests = ""
        // Check/ and its sub-folders (Check/Rules/ holds one test file per rule).
        for file in FileManager.default.subpaths(atPath: folder.path) ?? []
        where file.hasSuffix(".swift") && file != "RuleRegistryTests.swift" {
            tests += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        for d in descriptors {
            XCTAssertTrue(Self.assertsFinding(of: d.code, in: tests), "no test asserts a finding of \(d.code) \(d.name)")
        }
    }

    /// Every rule has its own test file, Check/Rules/<RuleTypeName>Tests.swift, declaring the
    /// class of that name, with at least one failing case (a finding of its code asserted) and
    /// one passing case (a clean check asserted) — so a newcomer finds a rule's tests by its
    /// name and adds a rule by copying one file.
    func testEveryRuleHasItsOwnTestFile() throws {
        let folder = Self.packageRoot.appendingPathComponent("Tests/PolicyKitTests/Check/Rules")
        for rule in RuleRegistry.all {
            let name = "\(rule)Tests"
            let url = folder.appendingPathComponent(name + ".swift")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("\(rule.descriptor.code) has no test file Tests/PolicyKitTests/Check/Rules/\(name).swift")
                continue
            }
            XCTAssertTrue(text.contains("final class \(name): XCTestCase"), "\(name).swift should declare class \(name)")
            XCTAssertTrue(
                Self.assertsFinding(of: rule.descriptor.code, in: text),
                "\(name).swift asserts no finding of \(rule.descriptor.code) (a failing case)")
            XCTAssertTrue(
                ["assertClean(", "assertNoFindings(", "assertNoErrors("].contains { text.contains($0) },
                "\(name).swift has no passing case (assertClean, assertNoFindings or assertNoErrors)")
        }
    }

    private static func assertsFinding(of code: String, in text: String) -> Bool {
        ["assertFinds(\"\(code)\"", ".error(\"\(code)\"", ".warning(\"\(code)\"", ".notice(\"\(code)\""].contains { text.contains($0) }
    }
}

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

/// `check --changed-since`: file-level findings only for touched bundles, library-wide ones always.
final class ChangedContentTests: XCTestCase {
    func testLibraryWideRulesAreMarked() {
        let library = Set(RuleRegistry.all.filter { $0.scope == .library }.map { $0.descriptor.code })
        XCTAssertEqual(
            library,
            [
                "PF007", "PF008", "PF009", "PR001", "PR002", "PR003", "PN003", "PM004",
                "PR004", "PR005", "PF015", "PS003", "PF014", "PQ004", "PQ005", "PQ006",
                // The system library's rules: about library.yml and the sources as a whole.
                "PL001", "PL002", "PL003", "PL004", "PL005", "PL006",
            ])
    }

    private func finding(_ rule: RuleDescriptor, _ file: String) -> Diagnostic {
        Diagnostic(rule, at: SourceLocation(file: file, line: 1), "x")
    }

    func testKeepsTouchedBundlesAndLibraryFindings() {
        let all = [
            finding(InterpretationIsPresent.descriptor, "content/normative/old/index.md"),
            finding(InterpretationIsPresent.descriptor, "content/normative/new/index.md"),
            finding(FrontMatterParses.descriptor, "content/normative/new/解读.md"),
            finding(NumberIsWellFormed.descriptor, "content/normative/newer/index.md"),  // a prefix is not the bundle
            finding(ReferencesResolve.descriptor, "content/normative/old/index.md"),
            finding(NumberIsUnique.descriptor, "content/normative/old/index.md"),
            finding(RequiredFieldsPresent.descriptor, "content/cleanup/2024.md"),
            finding(RequiredFieldsPresent.descriptor, "content/cleanup/2025.md"),
        ]
        let changed = ChangedContent(paths: ["normative/new/index.md", "cleanup/2025.md", "normative/gone/index.md"])
        XCTAssertEqual(changed.bundles, ["normative/gone", "normative/new"])
        let kept = changed.filter(all, displayRoot: "content").map { "\($0.rule.code) \($0.location.file)" }
        XCTAssertEqual(
            kept,
            [
                "PI001 content/normative/new/index.md",
                "PF002 content/normative/new/解读.md",
                "PR001 content/normative/old/index.md",
                "PN003 content/normative/old/index.md",
                "PF004 content/cleanup/2025.md",
            ])
    }

    /// Exemptions, withheld and scheduled documents are listed on every run, whatever changed.
    func testNoticesAreAlwaysKept() {
        let all = [
            finding(InterpretationExemptIsDecided.descriptor, "content/normative/old/index.md"),
            finding(ScheduledIsListed.descriptor, "content/normative/old/index.md"),
        ]
        let kept = ChangedContent(paths: ["normative/new/index.md"]).filter(all, displayRoot: "content")
        XCTAssertEqual(kept.map(\.rule.code), ["PI007", "PS001"])
    }

    func testSettingsChangeKeepsEverything() {
        let all = [finding(InterpretationIsPresent.descriptor, "content/normative/old/index.md")]
        XCTAssertEqual(ChangedContent(paths: ["site.yml"]).filter(all, displayRoot: "content").count, 1)
        XCTAssertEqual(ChangedContent(paths: ["calendar.yml"]).filter(all, displayRoot: "content").count, 1)
        XCTAssertEqual(ChangedContent(paths: []).filter(all, displayRoot: "content").count, 0)
    }
}

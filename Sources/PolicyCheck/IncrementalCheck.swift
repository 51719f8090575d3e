import PolicyCore
import PolicyLoad
import PolicyModel

/// The findings of a check, sorted by what they are about, so that a check after an edit
/// inside a few bundles (`policy serve`) runs again only what the edit can change: the
/// `.library` rules over everything, the `.file` rules over the edited bundles alone, and
/// every other bundle keeps its `.file` findings. A `.file` rule's findings about a bundle
/// depend on that bundle and the settings only (`RuleScope.file`), so the result is the
/// same as a whole check's; a change to the settings or the cleanup files needs a whole one.
public struct CheckFindings: Sendable {
    /// `.file` rules' findings by the bundle folder they are about (`normative/<id>`); the
    /// key "" holds those about anything else (settings, cleanup files).
    let byBundle: [String: [Diagnostic]]
    /// Every finding, in report order.
    public let all: [Diagnostic]

    init(fileFindings: [Diagnostic], libraryFindings: [Diagnostic], displayRoot: String) {
        byBundle = Dictionary(grouping: fileFindings) { Self.bundle(of: $0.location.file, displayRoot: displayRoot) ?? "" }
        all = Array(Set(fileFindings + libraryFindings)).sortedForReport()
    }

    private init(byBundle: [String: [Diagnostic]], libraryFindings: [Diagnostic]) {
        self.byBundle = byBundle
        all = Array(Set(byBundle.values.flatMap { $0 } + libraryFindings)).sortedForReport()
    }

    /// `normative/<id>` for a shown path inside (or of) a bundle folder; nil for anything else.
    static func bundle(of file: String, displayRoot: String) -> String? {
        guard file.hasPrefix(displayRoot + "/") else { return nil }
        let parts = file.dropFirst(displayRoot.count + 1).split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, DocumentKind.allCases.contains(where: { $0.folder == parts[0] }) else { return nil }
        return "\(parts[0])/\(parts[1])"
    }

    func replacing(bundles: Set<String>, with fileFindings: [Diagnostic], libraryFindings: [Diagnostic], displayRoot: String)
        -> CheckFindings
    {
        var byBundle = byBundle
        for bundle in bundles { byBundle[bundle] = nil }
        for finding in fileFindings {
            guard let bundle = Self.bundle(of: finding.location.file, displayRoot: displayRoot), bundles.contains(bundle) else {
                continue
            }
            byBundle[bundle, default: []].append(finding)
        }
        return CheckFindings(byBundle: byBundle, libraryFindings: libraryFindings)
    }
}

extension Checker {
    /// A whole check, its findings kept by what they are about (for `recheck`).
    public func findings(_ raw: RawLibrary, _ library: Library, asOf: CalendarDate) -> CheckFindings {
        let context = CheckContext(raw: raw, library: library, asOf: asOf)
        let (file, library) = split(rules.parallelMap { ($0, $0.check(context)) })
        return CheckFindings(fileFindings: file, libraryFindings: library, displayRoot: raw.displayRoot)
    }

    /// The findings after the bundles at `bundles` (`normative/<id>`) changed and nothing
    /// else did (`raw` and `library` are the whole library after the change; `previous` are
    /// the findings before it).
    public func recheck(
        _ raw: RawLibrary, _ library: Library, asOf: CalendarDate, bundles: Set<String>, previous: CheckFindings
    ) -> CheckFindings {
        let whole = CheckContext(raw: raw, library: library, asOf: asOf)
        let libraryRules = rules.filter { type(of: $0).scope == .library }
        let fileRules = rules.filter { type(of: $0).scope == .file }
        let libraryFindings = libraryRules.parallelMap { $0.check(whole) }.flatMap { $0 }
        // The edited bundles alone, with the settings: all a `.file` rule may read about them.
        let edited = RawLibrary(
            site: raw.site, calendar: raw.calendar, bundles: raw.bundles.filter { bundles.contains($0.path) }, cleanups: [],
            loadProblems: raw.loadProblems.filter {
                CheckFindings.bundle(of: $0.location.file, displayRoot: raw.displayRoot).map(bundles.contains) ?? false
            },
            displayRoot: raw.displayRoot, rootPath: raw.rootPath)
        let part = CheckContext(raw: edited, library: ModelBuilder(raw: edited).build(), asOf: asOf)
        let fileFindings = fileRules.parallelMap { $0.check(part) }.flatMap { $0 }
        return previous.replacing(
            bundles: bundles, with: fileFindings, libraryFindings: libraryFindings, displayRoot: raw.displayRoot)
    }

    private func split(_ results: [(any Rule, [Diagnostic])]) -> (file: [Diagnostic], library: [Diagnostic]) {
        var file: [Diagnostic] = []
        var library: [Diagnostic] = []
        for (rule, findings) in results {
            if type(of: rule).scope == .file { file += findings } else { library += findings }
        }
        return (file, library)
    }
}

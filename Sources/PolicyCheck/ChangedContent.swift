import PolicyCore
import PolicyLoad

/// The part of a content folder a change touched, for `policy check --changed-since`:
/// findings of `.file` rules are kept only for the bundles (and settings or cleanup files)
/// with a changed file; `.library` rules' findings are always kept. A change to `site.yml`
/// or `calendar.yml` can change any bundle's findings, so it keeps everything. Notices are
/// always kept: every run lists every exemption, withheld and scheduled document.
public struct ChangedContent: Sendable {
    /// Changed files, relative to the content folder (`normative/<id>/index.md`).
    public let paths: Set<String>

    public init(paths: Set<String>) {
        self.paths = paths
    }

    /// Whether a library setting changed, which puts every bundle back in scope.
    public var touchesSettings: Bool { paths.contains("site.yml") || paths.contains("calendar.yml") }

    /// The touched bundle folders (`normative/<id>`), sorted.
    public var bundles: [String] {
        Set(paths.compactMap(GitHistory.bundlePath(of:))).sorted()
    }

    /// The findings this change is answerable for.
    public func filter(_ diagnostics: [Diagnostic], displayRoot: String) -> [Diagnostic] {
        guard !touchesSettings else { return diagnostics }
        let scopes = Dictionary(RuleRegistry.all.map { ($0.descriptor.code, $0.scope) }, uniquingKeysWith: { a, _ in a })
        let files = Set(paths.map { "\(displayRoot)/\($0)" })
        let folders = bundles.map { "\(displayRoot)/\($0)/" }
        return diagnostics.filter { d in
            // Notices (exemptions, withheld and scheduled documents) are listed on every run.
            if d.severity == .notice { return true }
            // A code no rule declares (none today) is kept: better reported twice than missed.
            guard scopes[d.rule.code] ?? .library == .file else { return true }
            let file = d.location.file
            return files.contains(file) || folders.contains { file.hasPrefix($0) || file == String($0.dropLast()) }
        }
    }
}

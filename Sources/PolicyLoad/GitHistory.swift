import Foundation
import PolicyCore

/// Reads the history of every bundle with one `git log` over the whole content folder (not
/// one process per bundle) and maps each commit to the bundles whose files it touched.
///
/// Only commit hashes, dates and paths are read, never messages: a commit message is a
/// note between colleagues (it may name a person or hold a phone number) and nothing of it
/// may reach the public site. What a page says about changes comes from the bundle's own,
/// reviewed `changes:` list.
///
/// No git, no repository, or a shallow clone (whose first commit is not the real one, so
/// 收录日期 would be wrong) gives `LibraryHistory.none`: the pages then have no history
/// section, and nothing is reported.
public enum GitHistory {
    /// NUL before each commit and between its fields: the only byte no path can hold. Hash and
    /// commit time only (no `%s`: messages are not read at all).
    static let format = "--format=%x00%H%x00%ct"

    public static func load(content: URL, timeZone: TimeZone) -> LibraryHistory {
        let directory = content.standardizedFileURL
        guard let shallow = Git.run(["rev-parse", "--is-shallow-repository"], in: directory), shallow.status == 0,
            String(decoding: shallow.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "false",
            let log = Git.run(["log", "-z", "--no-color", format, "--name-only", "--relative", "--", "."], in: directory),
            log.status == 0
        else { return .none }
        return parse(log.stdout, timeZone: timeZone)
    }

    /// Parses `git log -z --format=<format> --name-only` output, a list of NUL-separated
    /// tokens: per commit an empty token, then hash and timestamp, then its paths relative to
    /// the content folder (never empty; the first after a newline). The fields are taken by
    /// position.
    static func parse(_ output: Data, timeZone: TimeZone) -> LibraryHistory {
        var changes: [String: [BundleHistory.Change]] = [:]
        let tokens = output.split(separator: 0, omittingEmptySubsequences: false)
        var i = 0
        while i < tokens.count {
            guard tokens[i].isEmpty, i + 2 < tokens.count else { i += 1; continue }
            let hash = String(decoding: tokens[i + 1], as: UTF8.self)
            guard !hash.isEmpty, hash.allSatisfy(\.isHexDigit), let seconds = TimeInterval(String(decoding: tokens[i + 2], as: UTF8.self)) else {
                i += 1
                continue
            }
            let change = BundleHistory.Change(
                commit: hash,
                date: CalendarDate(instant: Date(timeIntervalSince1970: seconds), in: timeZone))
            var touched: Set<String> = []
            i += 3
            while i < tokens.count, !tokens[i].isEmpty {
                let path = String(decoding: tokens[i], as: UTF8.self).trimmingCharacters(in: .newlines)
                if let bundle = bundlePath(of: path) { touched.insert(bundle) }
                i += 1
            }
            // git log lists commits newest first; keep that order per bundle.
            for bundle in touched { changes[bundle, default: []].append(change) }
        }
        return LibraryHistory(bundles: changes.compactMapValues { BundleHistory(changes: $0) })
    }

    /// `normative/<id>` for a path inside a bundle folder, nil for anything else.
    package static func bundlePath(of path: String) -> String? {
        let components = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        guard components.count == 3, DocumentKind.allCases.contains(where: { $0.folder == components[0] }),
            !components[1].hasPrefix(".")
        else { return nil }
        return "\(components[0])/\(components[1])"
    }
}

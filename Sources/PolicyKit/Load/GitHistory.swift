import Foundation

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
    /// Record separator before each commit, unit separator between its fields: hash and
    /// commit time only (no `%s`: messages are not read at all).
    static let format = "--format=%x1e%H%x1f%ct"

    public static func load(content: URL, timeZone: TimeZone) -> LibraryHistory {
        let directory = content.standardizedFileURL
        guard let shallow = Git.run(["rev-parse", "--is-shallow-repository"], in: directory), shallow.status == 0,
              String(decoding: shallow.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "false",
              let log = Git.run(["log", "-z", "--no-color", format, "--name-only", "--relative", "--", "."], in: directory),
              log.status == 0
        else { return .none }
        return parse(log.stdout, timeZone: timeZone)
    }

    /// Parses `git log -z --format=<format> --name-only` output: per commit a record
    /// separator, `hash US timestamp`, NUL, a newline, then NUL-terminated paths
    /// relative to the content folder.
    static func parse(_ output: Data, timeZone: TimeZone) -> LibraryHistory {
        var changes: [String: [BundleHistory.Change]] = [:]
        for record in output.split(separator: 0x1e) {
            let parts = record.split(separator: 0, omittingEmptySubsequences: false)
            guard let header = parts.first else { continue }
            let fields = header.split(separator: 0x1f, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 2, let seconds = TimeInterval(fields[1]) else { continue }
            let change = BundleHistory.Change(commit: fields[0],
                                              date: CalendarDate(instant: Date(timeIntervalSince1970: seconds), in: timeZone))
            var touched: Set<String> = []
            for name in parts.dropFirst() {
                let path = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .newlines)
                if let bundle = bundlePath(of: path) { touched.insert(bundle) }
            }
            // git log lists commits newest first; keep that order per bundle.
            for bundle in touched { changes[bundle, default: []].append(change) }
        }
        return LibraryHistory(bundles: changes.compactMapValues { BundleHistory(changes: $0) })
    }

    /// `normative/<id>` for a path inside a bundle folder, nil for anything else.
    static func bundlePath(of path: String) -> String? {
        let components = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: true)
        guard components.count == 3, DocumentKind.allCases.contains(where: { $0.folder == components[0] }),
              !components[1].hasPrefix(".")
        else { return nil }
        return "\(components[0])/\(components[1])"
    }
}

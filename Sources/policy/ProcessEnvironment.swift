import Foundation
import PolicyCore

/// The one place the tool reads environment variables; the library gets their values as
/// arguments (`RunEnvironment`, `StageClock.enabled`).
enum ProcessEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }

    /// `SOURCE_DATE_EPOCH` (reproducible builds): "now" is that instant, so two builds of one
    /// commit are byte-identical; a value that is not an integer is ignored.
    static var now: Date {
        variables["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
    }

    static var run: RunEnvironment {
        RunEnvironment(
            now: now, homeFolder: variables["HOME"].flatMap { $0.isEmpty ? nil : $0 },
            // The benchmark's switch for a site without a search index (bench/search_bench.py).
            buildsSearchIndex: variables["POLICY_SEARCH_INDEX"] != "off")
    }

    /// `POLICY_TIMINGS=1` prints each stage's wall and CPU time to standard error.
    static var timings: Bool { variables["POLICY_TIMINGS"] != nil }

    /// The first executable called `name` in a folder of `PATH`; nil when there is none.
    static func executable(_ name: String) -> String? {
        (variables["PATH"] ?? "").split(separator: ":").lazy.map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

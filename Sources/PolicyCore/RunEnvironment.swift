import Foundation

/// What a run takes from its surroundings: the clock, the user's home folder and the
/// benchmark's switch for the search index. The command line fills it from the process's
/// environment (`SOURCE_DATE_EPOCH`, `HOME`, `POLICY_SEARCH_INDEX`); nothing below the command
/// line reads an environment variable, so every input of a build is visible in its arguments.
public struct RunEnvironment: Sendable {
    /// "Now": the wall clock, or `SOURCE_DATE_EPOCH`'s instant for reproducible builds.
    public var now: Date
    /// The user's home folder, which `build --out` refuses to replace.
    public var homeFolder: String?
    /// Whether the site gets its search index (the benchmark measures a build without one).
    public var buildsSearchIndex: Bool

    public init(now: Date = Date(), homeFolder: String? = nil, buildsSearchIndex: Bool = true) {
        self.now = now
        self.homeFolder = homeFolder
        self.buildsSearchIndex = buildsSearchIndex
    }
}

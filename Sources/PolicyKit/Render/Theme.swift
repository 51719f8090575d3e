import Foundation

/// The page templates and static assets. PLACEHOLDER — being written.
public struct Theme: Sendable {
    public init(overrides: URL?) throws {}
}

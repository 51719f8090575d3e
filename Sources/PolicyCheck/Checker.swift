import PolicyCore
import PolicyLoad
import PolicyModel

/// Runs every rule over a loaded library and gathers all findings — never stopping at the first.
public struct Checker: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = RuleRegistry.all.map { $0.init() }) {
        self.rules = rules
    }

    public func check(_ raw: RawLibrary, _ library: Library, asOf: CalendarDate? = nil) -> [Diagnostic] {
        let context = CheckContext(raw: raw, library: library, asOf: asOf)
        // Rules are independent readers of the same immutable context.
        let findings = rules.parallelMap { rule in
            StageClock.measure("check: \(rule.descriptor.code)") { rule.check(context) }
        }.flatMap { $0 }
        return Array(Set(findings)).sortedForReport()
    }
}

import Foundation

/// Prints how long each pipeline stage took to standard error when `POLICY_TIMINGS` is set —
/// for profiling a slow build (see docs/benchmarks.md), never part of normal output.
enum StageClock {
    static let enabled = ProcessInfo.processInfo.environment["POLICY_TIMINGS"] != nil

    /// Runs `body`, reporting its wall time under `stage` when timings are on.
    static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            FileHandle.standardError.write(Data("[timing] \(stage): \(String(format: "%.0f", ms)) ms, peak \(peakMiB) MiB\n".utf8))
        }
        return try body()
    }

    /// Reports a fact about a stage (what a cache held) when timings are on.
    static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[timing] \(text())\n".utf8))
    }

    /// The process's peak resident memory so far.
    private static var peakMiB: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }
}

import Foundation

/// Prints how long each pipeline stage took to standard error when `POLICY_TIMINGS` is set —
/// for profiling a slow build (see docs/benchmarks.md), never part of normal output.
enum StageClock {
    static let enabled = ProcessInfo.processInfo.environment["POLICY_TIMINGS"] != nil

    /// Runs `body`, reporting its wall time under `stage` when timings are on.
    static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = cpuMilliseconds
        defer {
            let ms = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            let report = "[timing] \(stage): \(ms) ms, CPU \(cpuMilliseconds - startCPU) ms, peak \(peakMiB) MiB\n"
            FileHandle.standardError.write(Data(report.utf8))
        }
        return try body()
    }

    /// Reports a fact about a stage (what a cache held) when timings are on.
    static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[timing] \(text())\n".utf8))
    }

    /// User and system CPU time of all the process's threads so far: with the stages on all
    /// cores, wall time alone hides what a stage costs.
    private static var cpuMilliseconds: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        let micros = usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return seconds * 1000 + micros / 1000
    }

    /// The process's peak resident memory so far.
    private static var peakMiB: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }
}

import Foundation

/// Prints how long each pipeline stage took to standard error when `POLICY_TIMINGS` is set —
/// for profiling a slow build (see docs/benchmarks.md), never part of normal output.
public enum StageClock {
    /// Set once by the command line (`POLICY_TIMINGS`) before any stage runs.
    public nonisolated(unsafe) static var enabled = false

    /// Runs `body`, reporting its wall time and the process's CPU time under `stage` when
    /// timings are on.
    package static func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = cpuMicroseconds
        defer {
            let ms = (DispatchTime.now().uptimeNanoseconds - start + 500_000) / 1_000_000
            let cpuMS = (cpuMicroseconds - startCPU + 500) / 1000
            let report = "[timing] \(stage): \(ms) ms, process CPU \(cpuMS) ms, peak \(peakMiB) MiB\n"
            FileHandle.standardError.write(Data(report.utf8))
        }
        return try body()
    }

    /// Reports a fact about a stage (what a cache held) when timings are on.
    package static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("[timing] \(text())\n".utf8))
    }

    /// User and system CPU time of all the process's threads so far. A stage's figure is the
    /// whole process's while it ran: that is its cost when it runs alone (load, model, check),
    /// but stages that run side by side (the rules; the index and the pages) share it.
    private static var cpuMicroseconds: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        let micros = usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
        return seconds * 1_000_000 + micros
    }

    /// The process's peak resident memory so far.
    private static var peakMiB: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }
}

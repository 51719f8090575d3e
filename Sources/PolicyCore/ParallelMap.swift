import Foundation

extension Collection where Index == Int, Self: Sendable, Element: Sendable {
    /// `map` spread over all cores, results in the original order. For independent work on
    /// each document (reading, parsing, checking), which is where a build spends its time.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // Deinitialized, not only deallocated: the slots hold the results, which would
        // otherwise never be released (a leak of every result in a long-running preview).
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot, so no lock is needed.
        nonisolated(unsafe) let slots = results
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: count) { i in
                slots[i] = transform(self[startIndex + i])
            }
        }
        return results.map { $0! }
    }
}

/// `0..<count` cut into consecutive ranges, about four per core (fewer when `count` is
/// small), for work whose items are too small to be a `parallelMap` iteration each:
/// `parallelMap` over the ranges, and the results come back in the items' order.
package func stripes(of count: Int) -> [Range<Int>] {
    let n = Swift.min(count, 4 * ProcessInfo.processInfo.activeProcessorCount)
    return (0..<n).map { t in count * t / n..<count * (t + 1) / n }
}

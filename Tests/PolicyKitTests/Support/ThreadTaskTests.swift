import Foundation
import XCTest
@testable import PolicyCore
@testable import PolicyLoad
@testable import PolicyModel
@testable import PolicyCheck
@testable import PolicyReport
@testable import PolicyWrite
@testable import PolicySearch
@testable import PolicySite
@testable import PolicyKit

final class ThreadTaskTests: XCTestCase {
    /// The work runs while the caller goes on, and its result can be read more than once.
    func testResultArrivesAndCanBeReadTwice() {
        let started = DispatchSemaphore(value: 0)
        let task = ThreadTask { () -> Int in
            started.signal()
            return (1...1000).reduce(0, +)
        }
        XCTAssertEqual(started.wait(timeout: .now() + 10), .success, "the work starts without being asked for")
        XCTAssertEqual(task.value, 500_500)
        XCTAssertEqual(task.value, 500_500)
    }

    /// Started from inside a `parallelMap` (as the search index is, beside the pages), the
    /// work's own `concurrentPerform` still runs on more than one thread.
    func testConcurrentPerformInsideRunsOnSeveralThreads() throws {
        try XCTSkipIf(ProcessInfo.processInfo.activeProcessorCount < 2, "one core")
        // More outer iterations than cores: a `concurrentPerform` nested in one runs on one thread.
        let counts = Array(0..<4 * ProcessInfo.processInfo.activeProcessorCount).parallelMap { job -> Int in
            guard job == 0 else { return 0 }
            return ThreadTask { () -> Int in
                let lock = NSLock()
                nonisolated(unsafe) var threads = Set<UInt>()
                DispatchQueue.concurrentPerform(iterations: 64) { _ in
                    usleep(2000)
                    lock.withLock { _ = threads.insert(UInt(pthread_self())) }
                }
                return threads.count
            }.value
        }
        XCTAssertGreaterThan(counts[0], 1)
    }
}

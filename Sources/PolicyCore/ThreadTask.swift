import Foundation

/// Work started on an OS thread of its own, whose result is collected later.
///
/// For a long job that runs beside other parallel work: inside a `concurrentPerform`
/// iteration (a `parallelMap`), libdispatch divides a nested `concurrentPerform`'s width by
/// the outer one's — with as many outer iterations as cores, the nested one runs on the
/// calling thread alone — so a job that splits its own work (the search index) would use one
/// core even after the other iterations were done. On its own thread, its
/// `concurrentPerform` gets every core the others leave free.
package final class ThreadTask<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the thread before it signals `finished`; read only after that.
    private var result: T?

    package init(_ body: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = body()
            finished.signal()
        }
        thread.stackSize = 8 << 20  // Foundation's default for a new Thread is smaller than a process's main stack
        thread.start()
    }

    /// The work's result, once it has ended.
    package var value: T {
        finished.wait()
        finished.signal()  // so that a second read does not wait forever
        return result!
    }
}

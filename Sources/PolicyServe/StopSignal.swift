import Dispatch
import Foundation
import PolicyCore

/// Waits for Ctrl-C (SIGINT) or SIGTERM. Their default action, ending the process at once,
/// is turned off while waiting so that the preview can stop its server and remove its
/// temporary folder first; a second signal during that ends the process the usual way.
public enum StopSignal {
    public static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let state = Once(signals: signals, continuation: continuation)
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { state.fire(number) }
                source.resume()
                state.keep(source)
            }
        }
    }

    /// Resumes the waiter once and restores the default actions.
    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private let signals: [Int32]
        private var continuation: CheckedContinuation<Int32, Never>?
        private var sources: [any DispatchSourceSignal] = []

        init(signals: [Int32], continuation: CheckedContinuation<Int32, Never>) {
            self.signals = signals
            self.continuation = continuation
        }

        func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

        func fire(_ number: Int32) {
            let waiting: CheckedContinuation<Int32, Never>? = lock.withLock {
                defer { continuation = nil }
                return continuation
            }
            guard let waiting else { return }
            for s in signals { signal(s, SIG_DFL) }
            lock.withLock { sources.forEach { $0.cancel() } }
            waiting.resume(returning: number)
        }
    }
}

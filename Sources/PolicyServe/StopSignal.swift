import Foundation
import PolicyCore

/// The write end of the pipe the signal handler writes to: a plain global, statically
/// initialised, so the handler reads it without any lazy initialisation.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// Ctrl-C (SIGINT) and SIGTERM for the preview. Their default action, ending the process at
/// once, is turned off from `install()` on — before the first build, so that a signal during
/// it is not lost either — so that the preview can stop its server and remove its temporary
/// folder first; a second signal during that ends the process the usual way.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private let signals: [Int32]
    private var received: Int32?
    private var continuation: CheckedContinuation<Int32, Never>?

    private init(signals: [Int32]) { self.signals = signals }

    /// Starts catching `signals` now; `wait()` returns the first one, whenever it came.
    ///
    /// A real handler, not SIG_IGN plus a dispatch signal source: with that, a SIGTERM sent
    /// while the first build kept the threads busy was sometimes never seen (the process
    /// ran on; with SIG_IGN a signal the source does not pick up is simply discarded). The
    /// handler only writes the number to a pipe (async-signal-safe); a thread reads it.
    public static func install(_ signals: [Int32] = [SIGINT, SIGTERM]) -> StopSignal {
        let stop = StopSignal(signals: signals)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return stop }  // no pipe: signals keep their default action
        signalPipe = fds[1]
        for number in signals {
            signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipe, &byte, 1)
            }
        }
        let reader = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while read(reader, &byte, 1) < 0, errno == EINTR {}
            stop.fire(Int32(byte))
        }
        thread.name = "policy.serve.signals"
        thread.start()
        return stop
    }

    /// The first signal caught since `install()` (at once if it has come already).
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let already: Int32? = lock.withLock {
                if received == nil { self.continuation = continuation }
                return received
            }
            if let already { continuation.resume(returning: already) }
        }
    }

    /// Records the first signal, restores the default actions and wakes the waiter.
    private func fire(_ number: Int32) {
        let (first, waiting): (Bool, CheckedContinuation<Int32, Never>?) = lock.withLock {
            guard received == nil else { return (false, nil) }
            received = number
            defer { continuation = nil }
            return (true, continuation)
        }
        guard first else { return }
        for s in signals { signal(s, SIG_DFL) }  // a second signal ends the process at once
        waiting?.resume(returning: number)
    }
}

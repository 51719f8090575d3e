import CSystemShims

/// Returns to the system the memory malloc keeps free after a burst of work on many threads:
/// glibc keeps it per thread arena, so a long-running process (`policy serve`, rebuilding its
/// search index after each edit) would otherwise grow towards the sum of its bursts' peaks.
package enum FreeMemory {
    package static func release() {
        _ = policy_release_free_memory()
    }

    /// Fewer arenas for a long-running process: freed memory is reused across threads
    /// instead of being kept by each thread's arena.
    package static func limitArenas(_ count: Int32 = 2) {
        _ = policy_limit_malloc_arenas(count)
    }
}

#ifndef POLICY_SYSTEM_SHIMS_H
#define POLICY_SYSTEM_SHIMS_H

/// Atomically swaps two existing paths (Linux renameat2 RENAME_EXCHANGE). Returns 0 on
/// success, -1 with errno set otherwise (e.g. EINVAL on file systems without support).
int policy_exchange_paths(const char *a, const char *b);

#include <stddef.h>

/// Whether `needle` occurs in `haystack`, byte for byte (glibc memmem, also a GNU extension).
int policy_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// The offset of the first `needle` in `haystack`, or -1 (glibc memmem).
long policy_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Hands the memory malloc holds free back to the system (glibc malloc_trim(0), which trims
/// every arena); 0 elsewhere. A long-running process whose work comes in bursts on many
/// threads (`policy serve`) otherwise keeps each burst's peak in each thread's arena.
int policy_release_free_memory(void);

/// Caps how many arenas glibc malloc makes (M_ARENA_MAX; by default 8 per core, each keeping
/// its own free memory); 0 elsewhere.
int policy_limit_malloc_arenas(int count);

#endif

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

#endif

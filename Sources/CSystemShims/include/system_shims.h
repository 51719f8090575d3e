#ifndef POLICY_SYSTEM_SHIMS_H
#define POLICY_SYSTEM_SHIMS_H

/// Atomically swaps two existing paths (Linux renameat2 RENAME_EXCHANGE). Returns 0 on
/// success, -1 with errno set otherwise (e.g. EINVAL on file systems without support).
int policy_exchange_paths(const char *a, const char *b);

#endif

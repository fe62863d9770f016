#ifndef JOURNEYMAP_CLINUX_H
#define JOURNEYMAP_CLINUX_H

/// Linux calls Swift's Glibc module does not import. Output sets are switched in with
/// renameat2(RENAME_EXCHANGE): both folders exist at every instant, so a reader or a crash
/// sees the old set or the new one, never a mix.

/// Swaps two paths on one file system atomically; 0, or -1 with errno set.
int jm_exchange(const char *a, const char *b);

/// Replaces this process with `path`, run with one argument (argv: path, argument); returns
/// only on failure, -1 with errno set. C builds the argument vector, so Swift passes strings
/// and no pointer.
int jm_exec1(const char *path, const char *argument);

#endif

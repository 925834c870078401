// The SQLite settings that only the variadic C function sqlite3_config can change.
#ifndef CREGISTRAR_H
#define CREGISTRAR_H

#include <stddef.h>
#include <stdint.h>

/// Turns off SQLite's memory statistics, which otherwise take a process-wide mutex on every
/// allocation SQLite makes. Has effect only before SQLite initialises; returns SQLite's result code
/// (SQLITE_MISUSE when it was too late).
int registrar_sqlite_disable_memory_statistics(void);

// Lets a read-only command open a registry on a read-only mount as `file:…?immutable=1`.
int registrar_sqlite_enable_uri_filenames(void);

/// Keeps glibc's mmap threshold at its starting 128 KiB. glibc raises it to the size of each large
/// block freed (up to 32 MiB), so after an import frees the 16 MB of sort keys of a shuffled roster's
/// order (`RecordOrder`), every smaller block came from the heap, which it seldom gives back: a
/// shuffled million-row first import peaked at 64.4 MiB, and 60.5 with the threshold fixed. Returns
/// mallopt's result (1 when set); 0 where the C library is not glibc.
int registrar_malloc_fixed_mmap_threshold(void);

#endif

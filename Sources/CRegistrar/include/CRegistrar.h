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

#endif

// The few routines RegistrarKit needs from C: the processor's SHA-256 instructions and one
// SQLite setting that only the variadic C function sqlite3_config can change.
#ifndef CREGISTRAR_H
#define CREGISTRAR_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the portable Swift rounds too.
const uint32_t *registrar_sha256_round_constants(void);

/// 1 when this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with), else 0.
int registrar_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` consecutive 64-byte blocks with the SHA
/// extensions. `state` is the eight working words a..h. Call only when the function above says 1.
void registrar_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Turns off SQLite's memory statistics, which otherwise take a process-wide mutex on every
/// allocation SQLite makes. Has effect only before SQLite initialises; returns SQLite's result code
/// (SQLITE_MISUSE when it was too late).
int registrar_sqlite_disable_memory_statistics(void);

// Lets a read-only command open a registry on a read-only mount as `file:…?immutable=1`.
int registrar_sqlite_enable_uri_filenames(void);

#endif

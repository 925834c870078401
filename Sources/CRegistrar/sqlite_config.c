#include "CRegistrar.h"
#include <sqlite3.h>

int registrar_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int registrar_sqlite_enable_uri_filenames(void) {
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int registrar_malloc_fixed_mmap_threshold(void) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#else
    return 0;
#endif
}

#ifndef COMMUNITYKIT_CSQLITE_SHIM_H
#define COMMUNITYKIT_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` (a cast macro Swift cannot import): SQLite copies the bound bytes.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif

#ifndef CHECKIN_CSQLITE_SHIM_H
#define CHECKIN_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro around a cast the Swift importer can't see:
// it tells SQLite to copy bound text before the call returns.
static inline void checkin_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index,
                                                      const char *text, int length) {
  sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "ld-database.h"
#include "ld-store.h"

G_BEGIN_DECLS

char       *ld_test_make_tmpdir    (void);
void        ld_test_remove_tree    (const char   *path);
char       *ld_test_src_path       (const char   *relative);

/* A real database file, liaison-desk.db in a fresh directory (*@dir), opened into *@database
 * with its schema and seed lists, and the store over it; with @station, one station (id 1,
 * 水果湖代表联络站) is in it already. */
LdStore    *ld_test_open_store     (char        **dir,
                                    LdDatabase  **database,
                                    gboolean      station);
/* Drops the store, closes the database and removes the directory; clears all three. */
void        ld_test_close_store    (char        **dir,
                                    LdDatabase  **database,
                                    LdStore     **store);
/* A list that gathers "kind:id" of every ::changed of @store from now on; free it after the
 * store. */
GPtrArray  *ld_test_record_changes (LdStore      *store);
/* Runs @sql, failing the test when it fails. */
void        ld_test_exec_sql       (sqlite3      *db,
                                    const char   *sql);
/* The first column of the one row @sql returns. */
gint64      ld_test_query_int      (sqlite3      *db,
                                    const char   *sql);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "LDSK" — written to the header so another program's SQLite file is never mistaken for ours. */
#define LD_DATABASE_APPLICATION_ID 0x4C44534B

#define LD_DATABASE_ERROR (ld_database_error_quark ())

typedef enum
{
  LD_DATABASE_ERROR_FAILED,
  LD_DATABASE_ERROR_NOT_A_DATABASE, /* not SQLite, or another program's database */
  LD_DATABASE_ERROR_CORRUPT,        /* SQLite, but damaged or truncated */
  LD_DATABASE_ERROR_TOO_NEW,        /* written by a newer Liaison Desk */
  LD_DATABASE_ERROR_IN_USE,         /* another process has it open */
  LD_DATABASE_ERROR_READ_ONLY,
  LD_DATABASE_ERROR_NO_SPACE,
  LD_DATABASE_ERROR_BACKUP_FAILED,
  LD_DATABASE_ERROR_MIGRATION_FAILED,
} LdDatabaseError;

typedef enum
{
  LD_DATABASE_OPEN_DEFAULT  = 0,
  /* Skip the whole-file quick_check (seconds on a district's file). For a one-off reader that
   * meets any damage in what it reads and fails on it plainly: the command-line export. */
  LD_DATABASE_OPEN_NO_CHECK = 1 << 0,
} LdDatabaseOpenFlags;

#define LD_TYPE_DATABASE (ld_database_get_type ())

G_DECLARE_FINAL_TYPE (LdDatabase, ld_database, LD, DATABASE, GObject)

GQuark       ld_database_error_quark          (void);
char        *ld_database_default_path         (void);
int          ld_database_latest_version       (void);

LdDatabase  *ld_database_open                 (const char   *path,
                                               GError      **error);
LdDatabase  *ld_database_open_with_flags      (const char          *path,
                                               LdDatabaseOpenFlags  flags,
                                               GError             **error);
void         ld_database_open_async           (const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LdDatabase  *ld_database_open_finish          (GAsyncResult        *result,
                                               GError             **error);
/* A second, read-only connection to a database that is already open (with its lock) elsewhere,
 * for readers in a thread of their own (the district workbook): no lock, no migration, no
 * backup, nothing written. The file must be a Liaison Desk database at the latest version. */
LdDatabase  *ld_database_open_read_only       (const char   *path,
                                               GError      **error);
void         ld_database_close                (LdDatabase   *self);
const char  *ld_database_get_path             (LdDatabase   *self);
sqlite3     *ld_database_get_handle           (LdDatabase   *self);
int          ld_database_get_schema_version   (LdDatabase   *self);
const char  *ld_database_get_migration_backup (LdDatabase   *self);

gboolean     ld_database_begin_immediate      (LdDatabase   *self,
                                               GError      **error);
gboolean     ld_database_commit               (LdDatabase   *self,
                                               GError      **error);
void         ld_database_rollback             (LdDatabase   *self);
gboolean     ld_database_exec                 (LdDatabase   *self,
                                               const char   *sql,
                                               GError      **error);

char        *ld_database_backup_dir           (const char   *db_path);
char        *ld_database_backup               (LdDatabase   *self,
                                               guint         keep,
                                               GError      **error);
char        *ld_database_backup_if_due        (LdDatabase   *self,
                                               GDateTime    *now,
                                               guint         keep,
                                               GError      **error);
void         ld_database_backup_async         (LdDatabase          *self,
                                               guint                keep,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char        *ld_database_backup_finish        (LdDatabase          *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GPtrArray   *ld_database_list_backups         (const char   *db_path);
gboolean     ld_database_verify_file          (const char   *path,
                                               GError      **error);
gboolean     ld_database_restore              (const char   *db_path,
                                               const char   *backup_path,
                                               char        **kept_aside,
                                               GError      **error);

void         ld_database_set_error_from_sqlite (GError     **error,
                                                sqlite3     *db,
                                                int          rc,
                                                const char  *what);

G_END_DECLS

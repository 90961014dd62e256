/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ld-database.h"
#include "ld-fts.h"

/*
 * The one SQLite file that holds a station's records, opened so that a crash, a second copy of
 * the app, a damaged file or a file from a newer version can never cost the user data:
 *
 *  - an exclusive flock(2) on the file itself, held for the life of the connection, so that a
 *    second process gets a clear "in use" answer and the lock dies with its process;
 *  - nothing is written until the file has been recognised (header, application_id,
 *    user_version, quick_check): a file we refuse is left exactly as it was;
 *  - migrations are numbered SQL resources, each applied in one transaction, after a verified
 *    backup of the previous version;
 *  - backups are made with SQLite's online backup into a 0600 temporary file next to the target,
 *    checked with quick_check, fsync'ed and only then renamed into place.
 */

#if SQLITE_VERSION_NUMBER < LD_SQLITE_VERSION_MIN_REQUIRED
# error "SQLite is older than the required minimum"
#endif

#define BUSY_TIMEOUT_MS 5000
/* How long a write waits for another thread's transaction on the same connection. */
#define TX_WAIT_US      (5 * G_USEC_PER_SEC)
#define HEADER_SIZE     100

struct _LdDatabase
{
  GObject   parent_instance;

  /* Owned */
  char     *path;
  sqlite3  *db;
  char     *migration_backup;
  int       lock_fd;
  int       schema_version;

  /* One transaction at a time on the connection: a worker thread (an import) and the main
   * thread share it, and a transaction open there belongs to the thread that began it. */
  GMutex    tx_lock;
  GCond     tx_cond;
  GThread  *tx_owner;

  /* Whether the companions existed before we opened the file, so that a refused file is left
   * with nothing new beside it. */
  guint     had_wal : 1;
  guint     had_shm : 1;
};

typedef struct
{
  int         version;
  const char *resource;
} Migration;

/* Append only: a released migration never changes, and tests/fixtures keeps a database of every
 * earlier version to prove the path from it. */
static const Migration migrations[] = {
  { 1, RESOURCE_PATH "/db/0001-base.sql" },
  { 2, RESOURCE_PATH "/db/0002-search.sql" },
  { 3, RESOURCE_PATH "/db/0003-concerns.sql" },
  { 4, RESOURCE_PATH "/db/0004-suggestions.sql" },
};

/* Applies the search journal that the triggers of migrations 2 to 4 keep (see
 * data/db/0002-search.sql for why the triggers cannot write the FTS5 indexes themselves,
 * 0003-concerns.sql for the concerns journal and 0004-suggestions.sql for the suggestions
 * journal). Run inside every write transaction just before COMMIT, so the indexes commit or roll
 * back with the records. The only commit at version 3 is that of migration 4 itself, whose
 * transaction already holds the version 4 tables that the suggestions part names. */
#define SEARCH_JOURNAL_VERSION 3
static const char search_replay_sql[] =
  "INSERT INTO concerns_fts (concerns_fts, rowid, subject, details, place, resident_name)"
  "  SELECT 'delete', concern_id, old_subject, old_details, old_place, old_resident_name"
  "    FROM concerns_fts_pending WHERE indexed = 1;"
  "INSERT INTO concerns_fts (rowid, subject, details, place, resident_name)"
  "  SELECT s.id, s.subject, s.details, s.place, s.resident_name"
  "    FROM concerns_fts_pending AS p JOIN concerns_search AS s ON s.id = p.concern_id;"
  "DELETE FROM concerns_fts_pending;"
  "INSERT INTO suggestions_fts (suggestions_fts, rowid, title, content, number)"
  "  SELECT 'delete', suggestion_id, old_title, old_content, old_number"
  "    FROM suggestions_fts_pending WHERE indexed = 1;"
  "INSERT INTO suggestions_fts (rowid, title, content, number)"
  "  SELECT s.id, s.title, s.content, s.number"
  "    FROM suggestions_fts_pending AS p JOIN suggestions AS s ON s.id = p.suggestion_id;"
  "DELETE FROM suggestions_fts_pending;";

G_DEFINE_FINAL_TYPE (LdDatabase, ld_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (ld-database-error-quark, ld_database_error)

/* ------------------------------------------------------------------ errors */

static gboolean
errno_is_no_space (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EDQUOT;
}

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path,
                      const char  *what)
{
  if (errno_is_no_space (saved_errno))
    g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("There is not enough free disk space to write “%s”. Free some space and try again."),
                 path);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_READ_ONLY,
                 /* Translators: the first %s is a file name, the second the system's reason */
                 _("“%s” cannot be written: %s. Check the file’s permissions or choose another location."),
                 path, g_strerror (saved_errno));
  else
    g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                 /* Translators: the first %s says what failed, the second %s is a file name,
                  * the third the system's reason */
                 _("%s failed for “%s”: %s"), what, path, g_strerror (saved_errno));
}

/**
 * ld_database_set_error_from_sqlite:
 * @what: what was being done, in words the user understands
 *
 * Turns an SQLite result code into a #LdDatabaseError in plain words. The SQLite message is
 * added for the technical reader; it never contains row data, only schema and state.
 */
void
ld_database_set_error_from_sqlite (GError     **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *what)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NO_SPACE,
                   /* Translators: %s says what was being done */
                   _("%s failed because the disk is full. Nothing was saved; free some space and try again."),
                   what);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_READ_ONLY,
                   _("%s failed because the database file is read-only."), what);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE,
                   _("%s failed because the database is busy in another window or program. Try again in a moment."),
                   what);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_CORRUPT,
                   _("%s failed because the database file is damaged (%s)."), what, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("%s failed because the file is not a Liaison Desk database."), what);
      break;

    default:
      /* Translators: the first %s says what was being done, the second is a technical reason */
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                   _("%s failed: %s"), what, detail);
      break;
    }
}

/* ------------------------------------------------------------------ file helpers */

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    {
      set_error_from_errno (error, errno, path, _("Opening"));
      return FALSE;
    }

  if (fsync (fd) != 0 && !(directory && errno == EINVAL))
    {
      saved_errno = errno;
      close (fd);
      set_error_from_errno (error, saved_errno, path, _("Saving to disk"));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static void
unlink_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

static char *
timestamp_now (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, format);
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* ------------------------------------------------------------------ SQL helpers */

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* Runs a pragma that answers with one row; returns its text (or NULL with @error set). */
static char *
query_text (sqlite3     *db,
            const char  *sql,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    result = g_strdup ("");
  else
    ld_database_set_error_from_sqlite (error, db, rc, what);

  sqlite3_finalize (stmt);
  return result;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autofree char *text = query_text (db, sql, _("Reading the database"), error);

  if (text == NULL)
    return FALSE;
  *out = g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

/*
 * quick_check answers "ok", or one row per problem found. It runs with CHECK constraints ignored:
 * what it must find is a damaged file (pages, b-trees, free list), and the constraints, already
 * enforced on every write, would otherwise be evaluated again for every row, which makes the
 * check over ten times slower on a district's database (tests/benchmarks/bench-database).
 */
static gboolean
run_quick_check (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  sqlite3_exec (db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);

  if (ok)
    return TRUE;

  if (rc == SQLITE_ROW || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_CORRUPT,
                 /* Translators: %s is a file name */
                 _("The database “%s” is damaged: its integrity check failed. It was left untouched; restore a backup or choose another file."),
                 path);
  else
    ld_database_set_error_from_sqlite (error, db, rc, _("Checking the database"));
  return FALSE;
}

static void
configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
}

/* Opens a connection that is not ours to keep (backups, checks): same safety settings. */
static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE, "unix");
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, _("Opening the database"));
      sqlite3_close (db);
      return NULL;
    }

  /* Before anything reads the schema: migrations and the app write tables tokenized by it. */
  rc = ld_fts_register (db, NULL);
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, db, rc, _("Opening the database"));
      sqlite3_close (db);
      return NULL;
    }

  configure_connection (db);
  return db;
}

static gboolean
check_identity (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  gint64 app_id = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (app_id != LD_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Liaison Desk database."), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * ld_database_verify_file:
 *
 * Checks that @path is a readable, undamaged Liaison Desk database without changing it.
 */
gboolean
ld_database_verify_file (const char  *path,
                         GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” does not exist."), path);
      return FALSE;
    }

  db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;

  ok = run_quick_check (db, path, error) && check_identity (db, path, error);
  sqlite3_close (db);
  return ok;
}

/* ------------------------------------------------------------------ verified copies */

/*
 * Writes a consistent copy of the database at @src_path to @dest_path: the online backup into
 * a 0600 temporary file in the destination's folder, switch the copy to a self-contained rollback
 * journal, quick_check it, fsync it, rename it into place and fsync the folder. On any failure
 * the temporary file is removed and @dest_path is untouched.
 */
static gboolean
copy_verified (const char  *src_path,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmp = g_build_filename (dir, ".liaison-desk-copy-XXXXXX", NULL);
  g_autofree char *mode = NULL;
  sqlite3_backup *backup;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (error, errno, dir, _("Creating the backup folder"));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_from_errno (error, errno, dir, _("Creating the backup"));
      return FALSE;
    }
  close (fd);

  src = open_connection (src_path, SQLITE_OPEN_READWRITE, error);
  if (src == NULL)
    goto failed;
  dest = open_connection (tmp, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    goto failed;

  /* One step copies every page inside one read transaction: a consistent snapshot, while the
   * window's own connection may go on writing to the log. */
  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      ld_database_set_error_from_sqlite (error, dest, sqlite3_errcode (dest),
                                         _("Copying the database"));
      goto failed;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, dest, rc, _("Copying the database"));
      goto failed;
    }
  g_clear_pointer (&src, sqlite3_close);

  mode = query_text (dest, "PRAGMA journal_mode=DELETE", _("Preparing the backup"), error);
  if (mode == NULL)
    goto failed;

  if (!run_quick_check (dest, tmp, error) || !check_identity (dest, dest_path, error))
    goto failed;
  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    {
      ld_database_set_error_from_sqlite (error, NULL, rc, _("Closing the backup"));
      goto failed;
    }

  if (g_chmod (tmp, 0600) != 0 || !fsync_path (tmp, FALSE, error))
    goto failed;

  if (g_rename (tmp, dest_path) != 0)
    {
      set_error_from_errno (error, errno, dest_path, _("Saving the backup"));
      goto failed;
    }

  return fsync_path (dir, TRUE, error);

failed:
  g_clear_pointer (&src, sqlite3_close);
  g_clear_pointer (&dest, sqlite3_close);
  unlink_with_companions (tmp);
  if (error && *error && (*error)->domain == LD_DATABASE_ERROR
      && (*error)->code == LD_DATABASE_ERROR_FAILED)
    (*error)->code = LD_DATABASE_ERROR_BACKUP_FAILED;
  return FALSE;
}

/* ------------------------------------------------------------------ backups */

typedef struct
{
  char  *path;
  gint64 stamp;   /* YYYYMMDDHHMMSS as a number */
  guint  serial;  /* for two backups within one second */
} BackupEntry;

static void
backup_entry_free (gpointer data)
{
  BackupEntry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

static int
backup_entry_compare_newest_first (gconstpointer a,
                                   gconstpointer b)
{
  const BackupEntry *x = *(BackupEntry * const *) a;
  const BackupEntry *y = *(BackupEntry * const *) b;

  if (x->stamp != y->stamp)
    return x->stamp < y->stamp ? 1 : -1;
  if (x->serial != y->serial)
    return x->serial < y->serial ? 1 : -1;
  return 0;
}

static char *
db_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

/* "<stem>-YYYYMMDD-HHMMSS[-N].db" */
static gboolean
parse_backup_name (const char  *name,
                   const char  *stem,
                   gint64      *stamp,
                   guint       *serial)
{
  const char *p;
  char digits[15];
  guint64 n = 0;

  if (!g_str_has_prefix (name, stem) || name[strlen (stem)] != '-')
    return FALSE;
  p = name + strlen (stem) + 1;

  for (guint i = 0, j = 0; i < 15; i++)
    {
      if (i == 8)
        {
          if (p[i] != '-')
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      digits[j++] = p[i];
    }
  digits[14] = '\0';
  p += 15;

  if (*p == '-')
    {
      char *end = NULL;

      n = g_ascii_strtoull (p + 1, &end, 10);
      if (end == p + 1 || n == 0 || n > G_MAXUINT)
        return FALSE;
      p = end;
    }

  if (strcmp (p, ".db") != 0)
    return FALSE;

  *stamp = g_ascii_strtoll (digits, NULL, 10);
  *serial = (guint) n;
  return TRUE;
}

static GPtrArray *
list_backup_entries (const char *db_path)
{
  g_autofree char *dir_path = ld_database_backup_dir (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func (backup_entry_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      BackupEntry entry = { NULL, 0, 0 };

      if (!parse_backup_name (name, stem, &entry.stamp, &entry.serial))
        continue;
      entry.path = g_build_filename (dir_path, name, NULL);
      g_ptr_array_add (entries, g_memdup2 (&entry, sizeof entry));
    }

  g_ptr_array_sort (entries, backup_entry_compare_newest_first);
  return entries;
}

/* Backups live in a "backups" folder beside the database. */
char *
ld_database_backup_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * ld_database_list_backups:
 *
 * Returns: (transfer full) (element-type utf8): paths of the rotating backups of the database
 *   at @db_path, newest first
 */
GPtrArray *
ld_database_list_backups (const char *db_path)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (db_path != NULL, NULL);

  entries = list_backup_entries (db_path);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);
      g_ptr_array_add (paths, g_strdup (entry->path));
    }
  return paths;
}

static char *
backup_to_dir (const char  *db_path,
               guint        keep,
               GError     **error)
{
  g_autofree char *dir = ld_database_backup_dir (db_path);
  g_autofree char *stem = db_stem (db_path);
  g_autofree char *stamp = timestamp_now ("%Y%m%d-%H%M%S");
  g_autofree char *dest = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *name = NULL;
  gint64 stamp_value = g_ascii_strtoll (stamp, NULL, 10) * 1000000
                       + g_ascii_strtoll (stamp + 9, NULL, 10);
  gint serial = -1;

  /* Names must sort in the order the backups were taken, even after rotation freed a name. */
  entries = list_backup_entries (db_path);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);
      if (entry->stamp == stamp_value)
        serial = MAX (serial, (gint) entry->serial);
    }
  g_clear_pointer (&entries, g_ptr_array_unref);

  if (serial < 0)
    name = g_strdup_printf ("%s-%s.db", stem, stamp);
  else
    name = g_strdup_printf ("%s-%s-%d.db", stem, stamp, serial + 1);
  dest = g_build_filename (dir, name, NULL);

  if (!copy_verified (db_path, dest, error))
    return NULL;

  /* Rotate only after the new backup is safely in place. */
  entries = list_backup_entries (db_path);
  for (guint i = MAX (keep, 1); i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);
      g_unlink (entry->path);
    }

  return g_steal_pointer (&dest);
}

/**
 * ld_database_backup:
 * @keep: how many backups to keep; older ones are removed once the new one is verified
 *
 * Returns: (transfer full): the path of the new, verified backup
 */
char *
ld_database_backup (LdDatabase  *self,
                    guint        keep,
                    GError     **error)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return backup_to_dir (self->path, keep, error);
}

/**
 * ld_database_backup_if_due:
 *
 * Takes a backup unless one was already taken on the local calendar day of @now.
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL when none was due (@error unset)
 *   or it failed (@error set)
 */
char *
ld_database_backup_if_due (LdDatabase  *self,
                           GDateTime   *now,
                           guint        keep,
                           GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  entries = list_backup_entries (self->path);
  if (entries->len > 0)
    {
      BackupEntry *newest = g_ptr_array_index (entries, 0);
      gint64 today = (gint64) g_date_time_get_year (now) * 10000
                     + g_date_time_get_month (now) * 100 + g_date_time_get_day_of_month (now);

      if (newest->stamp / 1000000 >= today)
        return NULL;
    }

  return ld_database_backup (self, keep, error);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LdDatabase *self = source_object;
  GError *error = NULL;
  char *path;

  /* A connection of its own: the window's connection stays free while the copy runs. */
  path = backup_to_dir (self->path, GPOINTER_TO_UINT (task_data), &error);
  if (path)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

void
ld_database_backup_async (LdDatabase          *self,
                          guint                keep,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LD_IS_DATABASE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_database_backup_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (keep), NULL);
  g_task_run_in_thread (task, backup_thread);
}

char *
ld_database_backup_finish (LdDatabase    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ locking */

static int
acquire_lock (const char  *path,
              GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

  if (fd < 0)
    {
      set_error_from_errno (error, errno, path, _("Opening the database"));
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE,
                     /* Translators: %s is a file name */
                     _("The database “%s” is already open in another Liaison Desk window or program. Close it there, or open another file."),
                     path);
      else
        set_error_from_errno (error, saved_errno, path, _("Locking the database"));
      return -1;
    }

  return fd;
}

/* ------------------------------------------------------------------ opening */

/*
 * Looks at the first 100 bytes without SQLite, so that a file we will refuse is never opened
 * for writing. When a non-empty write-ahead log exists the header may be stale, and the
 * authoritative values are read through SQLite later.
 */
static gboolean
check_header (const char  *path,
              gboolean    *is_empty,
              GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[HEADER_SIZE];
  struct stat st;
  GStatBuf wal_st;
  gboolean wal_has_content;
  gssize n;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      set_error_from_errno (error, errno, path, _("Opening the database"));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Liaison Desk database."), path);
      return FALSE;
    }

  *is_empty = st.st_size == 0;
  if (*is_empty)
    {
      close (fd);
      return TRUE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Liaison Desk database. It was left untouched."), path);
      return FALSE;
    }

  if (n < HEADER_SIZE)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The database “%s” is damaged: the file is cut short. It was left untouched; restore a backup or choose another file."),
                   path);
      return FALSE;
    }

  wal_has_content = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0;
  if (!wal_has_content)
    {
      guint32 user_version = read_be32 (header + 60);
      guint32 app_id = read_be32 (header + 68);

      if (app_id != 0 && app_id != LD_DATABASE_APPLICATION_ID)
        {
          g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                       /* Translators: %s is a file name */
                       _("“%s” is a database of another program, not of Liaison Desk. It was left untouched."),
                       path);
          return FALSE;
        }

      if (user_version > (guint32) ld_database_latest_version ())
        {
          g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_TOO_NEW,
                       /* Translators: %s is a file name */
                       _("The database “%s” was written by a newer version of Liaison Desk. Update Liaison Desk to open it; the file was left untouched."),
                       path);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
migration_backup_path (const char *path,
                       int         from_version)
{
  g_autofree char *stamp = timestamp_now ("%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.v%d-%s.bak", path, from_version, stamp);
}

static gboolean
apply_migration (LdDatabase       *self,
                 const Migration  *migration,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *version_sql = NULL;
  GError *local_error = NULL;
  gsize size;
  int rc;

  bytes = g_resources_lookup_data (migration->resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_MIGRATION_FAILED,
                   "Missing migration %d: %s", migration->version, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  sql = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));

  if (!ld_database_begin_immediate (self, error))
    return FALSE;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      version_sql = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     migration->version, LD_DATABASE_APPLICATION_ID);
      rc = sqlite3_exec (self->db, version_sql, NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) sql_error = NULL;

      ld_database_set_error_from_sqlite (&sql_error, self->db, rc, _("Updating the database"));
      ld_database_rollback (self);
      g_set_error (error, LD_DATABASE_ERROR,
                   sql_error->code == LD_DATABASE_ERROR_FAILED ? LD_DATABASE_ERROR_MIGRATION_FAILED
                                                               : sql_error->code,
                   /* Translators: %d is a schema version number, %s the reason */
                   _("The database could not be updated to version %d; it was left as it was. %s"),
                   migration->version, sql_error->message);
      return FALSE;
    }

  return ld_database_commit (self, error);
}

static gboolean
migrate (LdDatabase  *self,
         GError     **error)
{
  int latest = ld_database_latest_version ();

  if (self->schema_version > 0 && self->schema_version < latest)
    {
      g_autofree char *backup = migration_backup_path (self->path, self->schema_version);

      if (!copy_verified (self->path, backup, error))
        return FALSE;
      self->migration_backup = g_steal_pointer (&backup);
    }

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= self->schema_version)
        continue;
      if (!apply_migration (self, &migrations[i], error))
        return FALSE;
      self->schema_version = migrations[i].version;
    }

  return TRUE;
}

static gboolean
open_checked (LdDatabase           *self,
              LdDatabaseOpenFlags   flags,
              GError              **error)
{
  gboolean is_empty = FALSE;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 tables = 0;
  g_autofree char *mode = NULL;

  if (!check_header (self->path, &is_empty, error))
    return FALSE;

  {
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);

    self->had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
    self->had_shm = g_file_test (shm, G_FILE_TEST_EXISTS);
  }

  self->db = open_connection (self->path, SQLITE_OPEN_READWRITE, error);
  if (self->db == NULL)
    return FALSE;

  /* Until the file is recognised, closing must not checkpoint into it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("The database “%s” is read-only. Check the file’s permissions, or open a copy that can be written."),
                   self->path);
      return FALSE;
    }

  if (!(flags & LD_DATABASE_OPEN_NO_CHECK) && !run_quick_check (self->db, self->path, error))
    return FALSE;

  if (!query_int (self->db, "PRAGMA application_id", &app_id, error)
      || !query_int (self->db, "PRAGMA user_version", &version, error)
      || !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;

  if (app_id != LD_DATABASE_APPLICATION_ID && !(app_id == 0 && version == 0 && tables == 0))
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Liaison Desk. It was left untouched."),
                   self->path);
      return FALSE;
    }

  if (version > ld_database_latest_version ())
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Liaison Desk. Update Liaison Desk to open it; the file was left untouched."),
                   self->path);
      return FALSE;
    }

  /* Recognised: from here on we may write. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  mode = query_text (self->db, "PRAGMA journal_mode=WAL", _("Opening the database"), error);
  if (mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                   _("The database could not switch to write-ahead logging (got “%s”)."), mode);
      return FALSE;
    }

  if (!exec_sql (self->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                 _("Opening the database"), error))
    return FALSE;

  self->schema_version = (int) version;
  return migrate (self, error);
}

/* Closes a file we refused and removes what opening it created: a database we made a moment ago
 * and could not set up, or the empty log and index SQLite left beside someone else's file. The
 * lock is still held here, so no other Liaison Desk process is using them. */
static void
ld_database_close_refused (LdDatabase *self,
                           gboolean    created)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  GStatBuf st;

  g_clear_pointer (&self->db, sqlite3_close);

  if (created)
    unlink_with_companions (self->path);
  else
    {
      if (!self->had_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
        g_unlink (wal);
      if (!self->had_shm)
        g_unlink (shm);
    }

  ld_database_close (self);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_database_finalize (GObject *object)
{
  LdDatabase *self = LD_DATABASE (object);

  ld_database_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);
  g_mutex_clear (&self->tx_lock);
  g_cond_clear (&self->tx_cond);

  G_OBJECT_CLASS (ld_database_parent_class)->finalize (object);
}

static void
ld_database_class_init (LdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ld_database_finalize;
}

static void
ld_database_init (LdDatabase *self)
{
  self->lock_fd = -1;
  g_mutex_init (&self->tx_lock);
  g_cond_init (&self->tx_cond);
}

/* ------------------------------------------------------------------ public API */

int
ld_database_latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

/* Returns: (transfer full): `$XDG_DATA_HOME/liaison-desk/liaison-desk.db` */
char *
ld_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison-desk", "liaison-desk.db", NULL);
}

/**
 * ld_database_open:
 * @path: the database file; created (0600, in a 0700 folder) if it does not exist
 *
 * Opens, checks and migrates the database. A file that is damaged, not ours, or newer than this
 * version is refused with an #LdDatabaseError and left byte for byte as it was.
 *
 * Returns: (transfer full): the open database, or %NULL with @error set
 */
LdDatabase *
ld_database_open (const char  *path,
                  GError     **error)
{
  return ld_database_open_with_flags (path, LD_DATABASE_OPEN_DEFAULT, error);
}

/**
 * ld_database_open_with_flags:
 *
 * ld_database_open(); with %LD_DATABASE_OPEN_NO_CHECK the file's header, identity and version
 * are still checked (and a migration still checks its backup), but not every page: damage is
 * found only where the caller reads, as SQLITE_CORRUPT.
 */
LdDatabase *
ld_database_open_with_flags (const char           *path,
                             LdDatabaseOpenFlags   flags,
                             GError              **error)
{
  g_autoptr(LdDatabase) self = NULL;
  g_autofree char *dir = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_error_from_errno (error, errno, dir, _("Creating the database folder"));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          set_error_from_errno (error, errno, path, _("Creating the database"));
          return NULL;
        }
      if (fd >= 0)
        {
          created = TRUE;
          close (fd);
        }
    }

  self = g_object_new (LD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  self->lock_fd = acquire_lock (path, error);
  if (self->lock_fd < 0)
    return NULL;

  if (!open_checked (self, flags, error))
    {
      ld_database_close_refused (self, created);
      return NULL;
    }

  if (g_chmod (path, 0600) != 0)
    g_debug ("Could not set the database file mode: %s", g_strerror (errno));

  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  LdDatabase *database = ld_database_open (task_data, &error);

  if (database)
    g_task_return_pointer (task, database, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ld_database_open_async:
 *
 * ld_database_open() in a worker thread: checking a district's database takes longer than a
 * frame, and the window shows meanwhile.
 */
void
ld_database_open_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL && path[0] != '\0');

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/* Returns: (transfer full): the open database, or %NULL with @error set */
LdDatabase *
ld_database_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ld_database_open_read_only:
 * @path: a database file that exists
 *
 * Opens a read-only connection without taking the lock that ld_database_open() holds, so that a
 * reader in another thread (or process) can work beside the window's connection. Nothing is
 * written: no migration, no backup, no journal mode change; the connection runs with
 * query_only. A file that is not ours or not at the latest version is refused (the window's
 * connection migrates it first). Transactions on it are reads only; a write fails with
 * %LD_DATABASE_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the read-only database, or %NULL with @error set
 */
LdDatabase *
ld_database_open_read_only (const char  *path,
                            GError     **error)
{
  g_autoptr(LdDatabase) self = NULL;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("“%s” does not exist."), path);
      return NULL;
    }

  self = g_object_new (LD_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (self->db == NULL)
    return NULL;

  if (!check_identity (self->db, path, error)
      || !query_int (self->db, "PRAGMA user_version", &version, error)
      || !exec_sql (self->db, "PRAGMA query_only=ON;", _("Opening the database"), error))
    return NULL;

  if (version != ld_database_latest_version ())
    {
      g_set_error (error, LD_DATABASE_ERROR,
                   version > ld_database_latest_version () ? LD_DATABASE_ERROR_TOO_NEW
                                                           : LD_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is not at this version of Liaison Desk; open it in the app first."),
                   path);
      return NULL;
    }

  self->schema_version = (int) version;
  return g_steal_pointer (&self);
}

/* Closes the connection and releases the lock; safe to call twice. */
void
ld_database_close (LdDatabase *self)
{
  g_return_if_fail (LD_IS_DATABASE (self));

  if (self->db)
    {
      int rc = sqlite3_close (self->db);

      if (rc != SQLITE_OK)
        g_critical ("Closing the database left statements open: %s", sqlite3_errstr (rc));
      self->db = NULL;
    }

  /* Only after SQLite has let go of the file: closing any descriptor drops POSIX locks. */
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

const char *
ld_database_get_path (LdDatabase *self)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
ld_database_get_handle (LdDatabase *self)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);

  return self->db;
}

int
ld_database_get_schema_version (LdDatabase *self)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), 0);

  return self->schema_version;
}

/* Returns: (nullable): the verified backup taken before this open migrated the file */
const char *
ld_database_get_migration_backup (LdDatabase *self)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), NULL);

  return self->migration_backup;
}

static void
release_transaction (LdDatabase *self)
{
  g_mutex_lock (&self->tx_lock);
  if (self->tx_owner == g_thread_self ())
    {
      self->tx_owner = NULL;
      g_cond_broadcast (&self->tx_cond);
    }
  g_mutex_unlock (&self->tx_lock);
}

/* Every write starts here: taking the write lock up front means a busy database fails now,
 * with a clear message, instead of halfway through. Another thread's transaction on this
 * connection is waited for as SQLite waits for another program's, never written into. */
gboolean
ld_database_begin_immediate (LdDatabase  *self,
                             GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + TX_WAIT_US;

  g_return_val_if_fail (LD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_mutex_lock (&self->tx_lock);
  if (self->tx_owner == g_thread_self ())
    {
      g_mutex_unlock (&self->tx_lock);
      g_critical ("%s: a transaction is already open in this thread", G_STRFUNC);
      return FALSE;
    }
  while (self->tx_owner != NULL)
    if (!g_cond_wait_until (&self->tx_cond, &self->tx_lock, deadline))
      {
        g_mutex_unlock (&self->tx_lock);
        ld_database_set_error_from_sqlite (error, NULL, SQLITE_BUSY, _("Starting to save"));
        return FALSE;
      }
  self->tx_owner = g_thread_self ();
  g_mutex_unlock (&self->tx_lock);

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", _("Starting to save"), error))
    {
      release_transaction (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
ld_database_commit (LdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if ((self->schema_version >= SEARCH_JOURNAL_VERSION
       && !exec_sql (self->db, search_replay_sql, _("Updating the search index"), error))
      || !exec_sql (self->db, "COMMIT", _("Saving"), error))
    {
      ld_database_rollback (self);
      return FALSE;
    }
  release_transaction (self);
  return TRUE;
}

void
ld_database_rollback (LdDatabase *self)
{
  g_return_if_fail (LD_IS_DATABASE (self));

  if (self->db && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  release_transaction (self);
}

gboolean
ld_database_exec (LdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (LD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return exec_sql (self->db, sql, _("Saving"), error);
}

/**
 * ld_database_restore:
 * @db_path: the database to replace; it must not be open
 * @backup_path: a backup made by ld_database_backup()
 * @kept_aside: (out) (optional): where the replaced database was moved
 *
 * Replaces the database with a verified copy of @backup_path. The current file and its write-ahead
 * log are kept aside, never deleted; the stale shared-memory index is removed.
 */
gboolean
ld_database_restore (const char  *db_path,
                     const char  *backup_path,
                     char       **kept_aside,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *incoming = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *stamp = NULL;
  int lock_fd = -1;
  gboolean had_db;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!ld_database_verify_file (backup_path, error))
    return FALSE;

  had_db = g_file_test (db_path, G_FILE_TEST_EXISTS);
  if (had_db)
    {
      lock_fd = acquire_lock (db_path, error);
      if (lock_fd < 0)
        return FALSE;
    }

  dir = g_path_get_dirname (db_path);
  incoming = g_strconcat (db_path, ".restoring", NULL);
  unlink_with_companions (incoming);
  if (!copy_verified (backup_path, incoming, error))
    goto failed;

  stamp = timestamp_now ("%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.replaced-%s", db_path, stamp);

  if (had_db)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

      if (g_rename (db_path, aside) != 0)
        {
          set_error_from_errno (error, errno, db_path, _("Setting the current database aside"));
          goto failed;
        }
      /* The log belongs with the file it was written for. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_rename (wal, aside_wal) != 0)
        g_unlink (wal);
      g_unlink (shm);
    }

  if (g_rename (incoming, db_path) != 0)
    {
      set_error_from_errno (error, errno, db_path, _("Restoring the backup"));
      if (had_db)
        g_rename (aside, db_path);
      goto failed;
    }

  if (!fsync_path (dir, TRUE, error))
    goto failed;

  if (lock_fd >= 0)
    close (lock_fd);
  if (kept_aside)
    *kept_aside = had_db ? g_steal_pointer (&aside) : NULL;
  return TRUE;

failed:
  unlink_with_companions (incoming);
  if (lock_fd >= 0)
    close (lock_fd);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-database"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <glib-unix.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ld-database.h"
#include "ld-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ld_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "station", "liaison-desk.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* ------------------------------------------------------------------ helpers */

static LdDatabase *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  LdDatabase *db = ld_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static gint64
add_resident (LdDatabase *db,
              const char *name)
{
  sqlite3 *h = ld_database_get_handle (db);
  g_autofree char *sql = NULL;
  gint64 station;

  if (query_int (h, "SELECT count(*) FROM stations") == 0)
    {
      g_assert_true (ld_database_begin_immediate (db, NULL));
      exec_ok (h, "INSERT INTO stations (name, kind, district, reporting_unit) "
                  "VALUES ('东湖街道代表联络站', 'station', '武昌区', '武昌区人大常委会')");
      g_assert_true (ld_database_commit (db, NULL));
    }
  station = query_int (h, "SELECT min(id) FROM stations");

  sql = sqlite3_mprintf ("INSERT INTO residents (station_id, name, phone) "
                         "VALUES (%lld, %Q, '13800001111')", (long long) station, name);
  g_assert_true (ld_database_begin_immediate (db, NULL));
  exec_ok (h, sql);
  g_assert_true (ld_database_commit (db, NULL));
  sqlite3_free (g_steal_pointer (&sql));
  return sqlite3_last_insert_rowid (h);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table, sorted: equal strings mean equal content. */
static char *
dump_content (const char *path)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue; /* virtual tables whose module needs the schema's settings */
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const void *blob = sqlite3_column_blob (stmt, c);
              int n = sqlite3_column_bytes (stmt, c);
              g_autofree char *hex = blob ? g_compute_checksum_for_data (G_CHECKSUM_SHA1, blob, n)
                                          : g_strdup ("NULL");
              g_string_append_printf (row, "%s|", hex);
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);

      g_string_append_printf (out, "[%s] %u\n", (char *) g_ptr_array_index (tables, i), rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, r));
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
build_from_fixture (const char *fixture_name,
                    const char *path)
{
  g_autofree char *fixture = ld_test_src_path (fixture_name);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  db = raw_open (path);
  exec_ok (db, sql);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------ tests */

static void
test_fresh_pragmas (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  sqlite3 *h = ld_database_get_handle (db);
  g_autofree char *journal = query_text (h, "PRAGMA journal_mode");
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  int defensive = -1;
  int trusted = -1;

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (h, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (query_int (h, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (h, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (query_int (h, "PRAGMA busy_timeout"), >=, 1000);
  g_assert_cmpint (query_int (h, "PRAGMA application_id"), ==, LD_DATABASE_APPLICATION_ID);
  g_assert_cmpint (query_int (h, "PRAGMA user_version"), ==, ld_database_latest_version ());
  g_assert_cmpint (ld_database_get_schema_version (db), ==, ld_database_latest_version ());
  g_assert_null (ld_database_get_migration_backup (db));

  sqlite3_db_config (h, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_cmpint (trusted, ==, 0);

  /* Defensive mode: the schema cannot be corrupted by writable_schema tricks. */
  exec_ok (h, "PRAGMA writable_schema = ON");
  g_assert_cmpint (sqlite3_exec (h, "DELETE FROM sqlite_schema", NULL, NULL, NULL), !=, SQLITE_OK);

  /* Residents' personal data: only the owner may read the file and its companions. */
  add_resident (db, "张三");
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  {
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
    g_assert_cmpuint (file_mode (wal), ==, 0600);
    g_assert_cmpuint (file_mode (shm), ==, 0600);
  }
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  gint64 id = add_resident (db, "李四");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM residents WHERE id = %"
                                          G_GINT64_FORMAT, id);

  g_clear_object (&db);
  db = open_ok (fixture->path);
  g_assert_cmpint (query_int (ld_database_get_handle (db), sql), ==, 1);
  g_assert_null (ld_database_get_migration_backup (db));
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  sqlite3 *h = ld_database_get_handle (db);
  g_autoptr(GError) error = NULL;
  gint64 before;

  add_resident (db, "王五");
  before = query_int (h, "SELECT count(*) FROM residents");

  g_assert_true (ld_database_begin_immediate (db, &error));
  g_assert_no_error (error);
  exec_ok (h, "INSERT INTO residents (station_id, name) SELECT min(id), '赵六' FROM stations");
  ld_database_rollback (db);
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM residents"), ==, before);

  /* A failed statement inside a transaction is reported and the commit still works. */
  g_assert_true (ld_database_begin_immediate (db, &error));
  g_assert_false (ld_database_exec (db, "INSERT INTO residents (station_id, name) VALUES (999999, 'x')",
                                    &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (ld_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM residents"), ==, before);

  /* A second writer waits, then gets a plain "busy" answer instead of a half-done write. */
  {
    sqlite3 *other = raw_open (fixture->path);

    sqlite3_busy_timeout (other, 10);
    exec_ok (other, "BEGIN IMMEDIATE");
    sqlite3_busy_timeout (h, 10);
    g_assert_false (ld_database_begin_immediate (db, &error));
    g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE);
    g_clear_error (&error);
    exec_ok (other, "ROLLBACK");
    sqlite3_close (other);
  }
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *backup;
  sqlite3 *h;
  gint64 concerns;

  build_from_fixture ("fixtures/schema-v1.sql", fixture->path);
  {
    sqlite3 *raw = raw_open (fixture->path);
    g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 1);
    concerns = query_int (raw, "SELECT count(*) FROM concerns");
    g_assert_cmpint (concerns, >, 0);
    sqlite3_close (raw);
  }
  before = dump_content (fixture->path);

  db = open_ok (fixture->path);
  h = ld_database_get_handle (db);
  g_assert_cmpint (ld_database_get_schema_version (db), ==, ld_database_latest_version ());
  g_assert_cmpint (query_int (h, "PRAGMA user_version"), ==, ld_database_latest_version ());
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM concerns"), ==, concerns);

  /* What the fixture held is searchable after the search migration. */
  g_assert_cmpint (query_int (h, "SELECT count(*) FROM concerns_fts WHERE concerns_fts MATCH '路灯不'"),
                   >=, 1);

  /* The verified backup of version 1 is next to the database, private, and identical. */
  backup = ld_database_get_migration_backup (db);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *backup_dir = g_path_get_dirname (backup);
    g_autofree char *db_dir = g_path_get_dirname (fixture->path);
    g_autofree char *after = dump_content (backup);
    sqlite3 *raw = raw_open (backup);

    g_assert_cmpstr (backup_dir, ==, db_dir);
    g_assert_cmpuint (file_mode (backup), ==, 0600);
    ld_database_verify_file (backup, &error);
    g_assert_no_error (error);
    g_assert_cmpint (query_int (raw, "PRAGMA user_version"), ==, 1);
    g_assert_cmpstr (query_text (raw, "PRAGMA quick_check"), ==, "ok");
    sqlite3_close (raw);
    g_assert_cmpstr (after, ==, before);
  }

  /* Opening again does not migrate or back up twice. */
  g_clear_object (&db);
  db = open_ok (fixture->path);
  g_assert_null (ld_database_get_migration_backup (db));
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint files = 0;

  db = ld_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, LD_DATABASE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* No journal, log or "fresh" database was left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (!g_str_equal (name, "backups"))
      files++;
  g_assert_cmpuint (files, ==, 1);
}

static void
test_newer_version_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql = NULL;
  sqlite3 *raw;

  {
    g_autoptr(LdDatabase) db = open_ok (fixture->path);
    add_resident (db, "孙七");
  }

  raw = raw_open (fixture->path);
  exec_ok (raw, "PRAGMA journal_mode = DELETE");
  sql = g_strdup_printf ("PRAGMA user_version = %d", ld_database_latest_version () + 1);
  exec_ok (raw, sql);
  sqlite3_close (raw);

  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_TOO_NEW);
}

static void
test_garbage_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  guchar junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fixture->path, (const char *) junk, sizeof junk, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_NOT_A_DATABASE);

  /* A short text file, as when the wrong file is picked. */
  g_file_set_contents (fixture->path, "not a database\n", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_foreign_database_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  sqlite3 *raw;

  g_mkdir_with_parents (dir, 0700);
  raw = raw_open (fixture->path);
  exec_ok (raw, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')");
  sqlite3_close (raw);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_NOT_A_DATABASE);

  raw = raw_open (fixture->path);
  exec_ok (raw, "PRAGMA application_id = 1234");
  sqlite3_close (raw);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_truncated_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  {
    g_autoptr(LdDatabase) db = open_ok (fixture->path);
    sqlite3 *h = ld_database_get_handle (db);

    add_resident (db, "周八");
    g_assert_true (ld_database_begin_immediate (db, NULL));
    exec_ok (h, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                "INSERT INTO residents (station_id, name, address) "
                "SELECT (SELECT min(id) FROM stations), '居民' || i, printf('%.200c', 'x') FROM n");
    g_assert_true (ld_database_commit (db, NULL));
  }

  whole = read_bytes (fixture->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 200 * 1024);

  /* Cut in the middle, as a copy to a full USB stick would leave it. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), size / 2, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_CORRUPT);

  /* Cut inside the header. */
  g_file_set_contents (fixture->path, g_bytes_get_data (whole, NULL), 60, &error);
  g_assert_no_error (error);
  assert_refused_untouched (fixture->path, LD_DATABASE_ERROR_CORRUPT);
}

static GPid
spawn_writer (const char *mode,
              const char *path,
              int        *out_fd)
{
  g_autofree char *writer = g_build_filename (g_getenv ("LD_TEST_BUILDDIR"), "ld-kill-writer", NULL);
  const char *argv[] = { writer, mode, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static void
kill_and_reap (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) first = NULL;
  g_autoptr(LdDatabase) second = NULL;
  char line[32] = { 0 };
  FILE *out;
  GPid pid;
  int fd;

  /* Create it first so the child does not race us to the migration. */
  first = open_ok (fixture->path);

  /* Same process, second opener. */
  second = ld_database_open (fixture->path, &error);
  g_assert_null (second);
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE);
  g_clear_error (&error);
  g_clear_object (&first);

  /* Another process holds it: refused with a clear message… */
  pid = spawn_writer ("hold", fixture->path, &fd);
  out = fdopen (fd, "r");
  g_assert_nonnull (fgets (line, sizeof line, out));
  g_assert_cmpstr (line, ==, "ready\n");

  second = ld_database_open (fixture->path, &error);
  g_assert_null (second);
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "already open"));
  g_clear_error (&error);

  /* …and free again as soon as that process dies, however it died. */
  kill_and_reap (pid);
  fclose (out);
  second = open_ok (fixture->path);
}

static void
test_killed_writer_loses_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  GRand *rand = g_rand_new_with_seed (20261125);
  const guint runs = 24;

  {
    g_autoptr(LdDatabase) db = open_ok (fixture->path);
    add_resident (db, "吴九");
  }

  for (guint run = 0; run < runs; run++)
    {
      gint64 deadline = g_get_monotonic_time () + g_rand_int_range (rand, 30, 400) * 1000;
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      char chunk[4096];
      GPid pid;
      int fd;

      pid = spawn_writer ("write", fixture->path, &fd);
      g_unix_set_fd_nonblocking (fd, TRUE, NULL);
      while (g_get_monotonic_time () < deadline)
        {
          gssize n = read (fd, chunk, sizeof chunk);
          if (n > 0)
            g_string_append_len (buffer, chunk, n);
          else
            g_usleep (1000);
        }
      kill_and_reap (pid);
      for (gssize n; (n = read (fd, chunk, sizeof chunk)) > 0;)
        g_string_append_len (buffer, chunk, n);
      close (fd);

      /* Only whole lines: a cut-off last line was never confirmed. */
      lines = g_strsplit (buffer->str, "\n", -1);
      for (guint i = 0; lines[i] && lines[i + 1]; i++)
        {
          gint64 id = g_ascii_strtoll (lines[i], NULL, 10);
          g_array_append_val (committed, id);
        }
    }
  g_rand_free (rand);

  g_test_message ("%u rows confirmed over %u killed writers", committed->len, runs);
  g_assert_cmpuint (committed->len, >, runs);

  {
    g_autoptr(LdDatabase) db = open_ok (fixture->path);
    sqlite3 *h = ld_database_get_handle (db);
    sqlite3_stmt *stmt = NULL;
    g_autofree char *integrity = query_text (h, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
    sqlite3_prepare_v2 (h, "SELECT count(*) FROM residents WHERE id = ?1", -1, &stmt, NULL);
    for (guint i = 0; i < committed->len; i++)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, g_array_index (committed, gint64, i));
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        if (sqlite3_column_int (stmt, 0) != 1)
          g_error ("committed row %" G_GINT64_FORMAT " is missing",
                   g_array_index (committed, gint64, i));
      }
    sqlite3_finalize (stmt);
    g_assert_cmpint (query_int (h, "SELECT count(*) FROM residents"), >=, committed->len);
  }
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *at_backup = NULL;
  g_autofree char *after_restore = NULL;
  g_autoptr(GPtrArray) list = NULL;

  add_resident (db, "郑十");
  add_resident (db, "冯十一");

  backup = ld_database_backup (db, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  ld_database_verify_file (backup, &error);
  g_assert_no_error (error);

  list = ld_database_list_backups (fixture->path);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, backup);

  /* Work goes on after the backup, then the database is closed and the backup restored. */
  add_resident (db, "陈十二");
  ld_database_close (db);
  g_clear_object (&db);
  at_backup = dump_content (backup);

  ld_database_restore (fixture->path, backup, &kept, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);

  after_restore = dump_content (fixture->path);
  g_assert_cmpstr (after_restore, ==, at_backup);

  /* The replaced file was kept aside and still has the later row. */
  {
    sqlite3 *raw = raw_open (kept);
    g_assert_cmpint (query_int (raw, "SELECT count(*) FROM residents WHERE name = '陈十二'"), ==, 1);
    sqlite3_close (raw);
  }

  db = open_ok (fixture->path);
  g_assert_cmpint (query_int (ld_database_get_handle (db),
                              "SELECT count(*) FROM residents WHERE name = '陈十二'"), ==, 0);
  g_assert_cmpint (query_int (ld_database_get_handle (db),
                              "SELECT count(*) FROM residents WHERE name = '冯十一'"), ==, 1);

  /* A damaged backup is refused and the database stays as it is. */
  {
    g_autoptr(GBytes) before = NULL;
    g_autoptr(GBytes) after = NULL;
    g_autofree char *bad = g_build_filename (fixture->dir, "bad.db", NULL);

    ld_database_close (db);
    before = read_bytes (fixture->path);
    g_file_set_contents (bad, "SQLite format 3", 16, NULL);
    g_assert_false (ld_database_restore (fixture->path, bad, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    after = read_bytes (fixture->path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_backup_rotation_and_daily (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *newest = NULL;
  char *path;

  add_resident (db, "褚十三");

  /* Nothing yet today: the exit backup is due. */
  path = ld_database_backup_if_due (db, now, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_free (path);

  /* Once a day at most. */
  path = ld_database_backup_if_due (db, now, 3, &error);
  g_assert_no_error (error);
  g_assert_null (path);

  for (guint i = 0; i < 4; i++)
    {
      path = ld_database_backup (db, 3, &error);
      g_assert_no_error (error);
      g_free (newest);
      newest = path;
    }

  list = ld_database_list_backups (fixture->path);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (list, 0), ==, newest);
  for (guint i = 0; i < list->len; i++)
    {
      g_assert_cmpuint (file_mode (g_ptr_array_index (list, i)), ==, 0600);
      ld_database_verify_file (g_ptr_array_index (list, i), &error);
      g_assert_no_error (error);
    }

  /* A new day makes it due again. */
  path = ld_database_backup_if_due (db, tomorrow, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_free (path);

  /* No temporary files are left in the backup folder. */
  {
    g_autofree char *dir = ld_database_backup_dir (fixture->path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)))
      g_assert_false (g_str_has_prefix (name, "."));
  }
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ld_database_backup_finish (LD_DATABASE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_backup_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdDatabase) db = open_ok (fixture->path);
  g_autofree char *path = NULL;

  add_resident (db, "卫十四");
  ld_database_backup_async (db, 10, NULL, backup_done_cb, &path);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  ld_database_open_async (fixture->path, NULL, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  db = ld_database_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ld_database_get_schema_version (db), ==, ld_database_latest_version ());
  g_clear_object (&result);

  /* The same refusals reach the caller, with the file still locked by the first. */
  ld_database_open_async (fixture->path, NULL, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ld_database_open_finish (result, &error));
  g_assert_error (error, LD_DATABASE_ERROR, LD_DATABASE_ERROR_IN_USE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/database/fresh-pragmas", test_fresh_pragmas);
  ADD ("/database/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/database/open-async", test_open_async);
  ADD ("/database/transactions", test_transactions);
  ADD ("/database/migrate-from-v1", test_migrate_from_v1);
  ADD ("/database/refuse/newer-version", test_newer_version_refused);
  ADD ("/database/refuse/garbage", test_garbage_refused);
  ADD ("/database/refuse/foreign", test_foreign_database_refused);
  ADD ("/database/refuse/truncated", test_truncated_refused);
  ADD ("/database/lock", test_lock);
  ADD ("/database/killed-writer", test_killed_writer_loses_nothing);
  ADD ("/database/backup/restore", test_backup_and_restore);
  ADD ("/database/backup/rotation-and-daily", test_backup_rotation_and_daily);
  ADD ("/database/backup/async", test_backup_async);

#undef ADD

  return g_test_run ();
}

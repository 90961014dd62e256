/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-bench-database"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "ld-database.h"

/*
 * What the database costs at a district's scale (DESIGN.md: 1,000,000 concerns in one file):
 * opening it (which runs quick_check), and a verified backup, each against the physical limit
 * of merely reading (or copying) the file's bytes.
 *
 *   LD_BENCH_CONCERNS   rows to generate (default 1000000)
 *   LD_BENCH_DIR        where the generated database is kept between runs (default: build dir)
 */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* Realistic rows through the real schema: Chinese subjects and details of typical length,
 * spread over ten stations and six years, in all workflow states. */
static void
generate (const char *path,
          guint       concerns)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) db = ld_database_open (path, &error);
  g_autofree char *sql = NULL;
  sqlite3 *h;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  h = ld_database_get_handle (db);

  g_assert_true (ld_database_begin_immediate (db, NULL));
  exec_or_die (h,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
    "INSERT INTO stations (name, kind, district) SELECT '第' || i || '代表联络站', 'station', '武昌区' FROM n;"
    "INSERT INTO units (name, kind) VALUES ('区住建局', 'department'), ('街道办事处', 'subdistrict');"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
    "INSERT INTO residents (station_id, name, phone, address, community) "
    "SELECT 1 + i % 10, '居民' || i, '139' || printf('%08d', i), '幸福路' || i || '号', '幸福社区' FROM n;");

  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO concerns (station_id, ref_year, ref_seq, received_at, channel_id, resident_id, "
    "  category_id, subject, details, state, unit_id, referred_date, due_date, concluded_date) "
    "SELECT 1 + i %% 10, 2021 + i %% 6, 1 + i / 30, "
    "  strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2021-01-01', '+' || (i %% 2000) || ' days', '+' || (i %% 36000) || ' seconds'), "
    "  (SELECT min(id) FROM channels) + i %% 8, 1 + i %% 200000, "
    "  (SELECT min(id) FROM concern_categories) + i %% 11, "
    "  '小区' || (i %% 997) || '号楼门口路灯不亮，晚上出行不便', "
    "  '群众反映：' || (i %% 991) || '栋附近的路灯已经坏了两周，老人晚上出门散步很不安全，希望尽快修好。联系过物业，说归市政管。', "
    "  CASE i %% 3 WHEN 0 THEN 'registered' WHEN 1 THEN 'referred' ELSE 'concluded' END, "
    "  CASE WHEN i %% 3 > 0 THEN 1 END, "
    "  CASE WHEN i %% 3 > 0 THEN '2025-03-01' END, "
    "  CASE WHEN i %% 3 > 0 THEN '2025-03-21' END, "
    "  CASE WHEN i %% 3 = 2 THEN '2025-03-15' END "
    "FROM n;", concerns);
  exec_or_die (h, sql);

  /* A bulk load builds the search index once instead of replaying a journal of every row. */
  exec_or_die (h, "DELETE FROM concerns_fts_pending;"
                  "INSERT INTO concerns_fts (concerns_fts) VALUES ('rebuild');");
  g_assert_true (ld_database_commit (db, NULL));

  g_print ("generated %u concerns in %.1f s\n", concerns, seconds_since (start));
}

/* The physical limit for anything that must look at every page: reading the file once. */
static double
read_whole_file (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *buffer = g_malloc (1 << 20);
  int fd = open (path, O_RDONLY);

  g_assert_cmpint (fd, >=, 0);
  while (read (fd, buffer, 1 << 20) > 0)
    ;
  close (fd);
  return seconds_since (start);
}

static double
copy_whole_file (const char *path,
                 const char *dest)
{
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = g_file_new_for_path (dest);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int fd;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fd = open (dest, O_RDONLY);
  fsync (fd);
  close (fd);
  return seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*)(const void *, const void *)) compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *count_env = g_getenv ("LD_BENCH_CONCERNS");
  guint concerns = count_env ? (guint) g_ascii_strtoull (count_env, NULL, 10) : 1000000;
  const char *dir_env = g_getenv ("LD_BENCH_DIR");
  g_autofree char *dir = g_strdup (dir_env ? dir_env : g_getenv ("LD_TEST_BUILDDIR"));
  g_autofree char *name = g_strdup_printf ("bench-%u.db", concerns);
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  g_autofree char *copy = g_strconcat (path, ".copy", NULL);
  double open_s[3], read_s[3];
  double read_once, open_once, backup_s, copy_s;
  GStatBuf st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    generate (path, concerns);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_print ("database: %u concerns, %.0f MiB\n", concerns, st.st_size / 1048576.0);

  for (guint i = 0; i < G_N_ELEMENTS (open_s); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LdDatabase) db = NULL;
      gint64 start;

      read_s[i] = read_whole_file (path);
      start = g_get_monotonic_time ();
      db = ld_database_open (path, &error);
      open_s[i] = seconds_since (start);
      g_assert_no_error (error);
    }
  open_once = median (open_s, G_N_ELEMENTS (open_s));
  read_once = median (read_s, G_N_ELEMENTS (read_s));
  g_print ("open (with quick_check): %.2f s; reading the file: %.2f s; ratio %.1fx\n",
           open_once, read_once, open_once / read_once);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LdDatabase) db = ld_database_open (path, &error);
    g_autofree char *backup = NULL;
    gint64 start = g_get_monotonic_time ();

    g_assert_no_error (error);
    backup = ld_database_backup (db, 1, &error);
    backup_s = seconds_since (start);
    g_assert_no_error (error);
    g_unlink (backup);
  }
  copy_s = copy_whole_file (path, copy);
  g_unlink (copy);
  g_print ("verified backup: %.2f s; plain copy with fsync: %.2f s; ratio %.1fx\n",
           backup_s, copy_s, backup_s / copy_s);

  return 0;
}

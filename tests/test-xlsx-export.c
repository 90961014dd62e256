/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "ld-test-util.h"
#include "ld-xlsx-export.h"

/*
 * The district workbook on a fixture of two stations: read back by an independent reader
 * (tests/check-xlsx.py, openpyxl, which computes every figure from the database itself), and the
 * failures that must leave no file and an earlier file untouched: a read-only folder, a full
 * disk, a cancel halfway. The command line is tested by spawning the program.
 */

#define FROM "2026-01-01"
#define TO   "2026-06-30"

/* Hostile text goes in through SQL exactly as a user could have typed or imported it. */
static const char fixture_sql[] =
  "UPDATE stations SET reporting_unit = '武昌区水果湖街道人大工委' WHERE id = 1;"
  "INSERT INTO stations (name, reporting_unit) VALUES ('珞南代表联络站', '洪山区珞南街道人大工委');"
  "UPDATE concern_categories SET name = 'Cat ' || seed_key WHERE name IS NULL;"
  "UPDATE channels SET name = 'Ch ' || seed_key WHERE name IS NULL;"
  "UPDATE answer_classes SET name = 'Class ' || seed_key WHERE name IS NULL;"
  /* A station's own name for a class, longer than the Summary's first column is wide. */
  "UPDATE answer_classes SET name = 'C 列入计划逐步解决（分年度实施）' WHERE seed_key = 'C';"
  "UPDATE suggestion_categories SET name = 'SCat ' || seed_key WHERE name IS NULL;"
  "INSERT INTO deputies (id, station_id, name, level) VALUES"
  "  (1, 1, '王代表', 'district'), (2, 1, '刘代表', 'municipal'), (3, 1, '陈代表', 'district'),"
  "  (4, 2, '赵代表', 'district'), (5, 2, '孙代表', 'township');"
  "INSERT INTO units (id, name) VALUES (1, '区住建局'), (2, '区城管局');"
  "INSERT INTO events (id, station_id, kind, status, event_date, place) VALUES"
  "  (1, 1, 'reception_day', 'held', '2026-01-15', '水果湖社区'),"
  "  (2, 1, 'reception_day', 'held', '2026-03-15', '=HYPERLINK(\"http://x\",\"y\")'),"
  "  (3, 1, 'reception_day', 'cancelled', '2026-04-15', '取消'),"
  "  (4, 2, 'reception_day', 'held', '2026-02-10', '珞南社区'),"
  "  (5, 1, 'visit_community', 'planned', '2026-05-20', '东亭社区'),"
  "  (6, 1, 'reception_day', 'held', '2025-12-15', '去年');"
  "INSERT INTO event_deputies (event_id, deputy_id, role) VALUES"
  "  (1, 1, 'on_duty'), (1, 1, 'attended'), (1, 2, 'on_duty'), (1, 2, 'on_leave'),"
  "  (2, 1, 'on_duty'), (2, 1, 'attended'), (2, 3, 'on_duty'), (2, 3, 'attended'),"
  "  (3, 2, 'on_duty'), (3, 2, 'attended'),"
  "  (4, 4, 'on_duty'), (4, 4, 'attended'), (4, 5, 'on_duty'),"
  "  (6, 1, 'on_duty'), (6, 1, 'attended');"
  "INSERT INTO residents (id, station_id, name, phone, address, community) VALUES"
  "  (1, 1, '张三丰', '13812341234', '武昌区水果湖街道东湖路1号3栋', '水果湖社区'),"
  "  (2, 1, '欧阳娜娜', '13998765432', '武昌区中北路88号', '东亭社区'),"
  "  (3, 2, '李小龙', '15011112222', '洪山区珞南街道珞狮路9号', '珞南社区'),"
  "  (4, 1, '钱秘密', '18600001111', '保密路7号', '水果湖社区'),"
  "  (5, 1, NULL, NULL, NULL, '东亭社区');"
  "INSERT INTO concerns (id, station_id, ref_year, ref_seq, received_at, channel_id, event_id,"
  "  resident_id, confidential, category_id, subject, state, unit_id, referred_date, due_date,"
  "  concluded_date, feedback_date, satisfaction, redirect_reason) VALUES"
  "  (1, 1, 2026, 1, '2025-12-31T17:00:00Z', (SELECT min(id) FROM channels), NULL, 1, 0,"
  "   (SELECT min(id) FROM concern_categories), '路灯不亮', 'registered',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (2, 1, 2026, 2, '2026-01-15T02:00:00Z', (SELECT min(id) + 1 FROM channels), 1, 2, 0,"
  "   (SELECT min(id) + 1 FROM concern_categories), '=HYPERLINK(\"http://x\",\"y\")', 'referred',"
  "   1, '2026-01-16', '2026-02-16', NULL, NULL, NULL, NULL),"
  "  (3, 1, 2026, 3, '2026-01-15T03:00:00Z', (SELECT min(id) + 1 FROM channels), 1, 4, 1,"
  "   (SELECT min(id) FROM concern_categories), '+1', 'concluded',"
  "   2, '2026-01-16', '2026-02-20', '2026-02-10', NULL, NULL, NULL),"
  "  (4, 1, 2026, 4, '2026-03-15T02:00:00Z', (SELECT min(id) + 1 FROM channels), 2, 1, 0,"
  "   (SELECT min(id) + 2 FROM concern_categories), '@SUM(A1)', 'feedback_given',"
  "   1, '2026-03-16', '2026-04-16', '2026-04-01', '2026-04-05', 'satisfied', NULL),"
  "  (5, 1, 2026, 5, '2026-03-15T04:00:00Z', (SELECT min(id) FROM channels), 2, 2, 0,"
  "   (SELECT min(id) + 1 FROM concern_categories), '-2', 'closed',"
  "   1, '2026-03-16', '2026-04-16', '2026-04-02', '2026-04-06', 'dissatisfied', NULL),"
  "  (6, 1, 2026, 6, '2026-04-20T08:00:00Z', (SELECT min(id) + 2 FROM channels), NULL, 5, 0,"
  "   (SELECT min(id) FROM concern_categories),"
  "   'ctl a' || char(1) || 'b' || char(7) || 'c' || char(27) || 'd' || char(127) || 'e'"
  "   || char(9) || 'tab' || char(10) || 'nl' || char(13) || 'cr' || char(133) || char(65534)"
  "   || char(65535) || char(159), 'answered',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (7, 1, 2026, 7, '2026-05-05T08:00:00Z', (SELECT min(id) + 2 FROM channels), NULL, 4, 1,"
  "   (SELECT min(id) + 3 FROM concern_categories), CAST(X'E8B7AFFFE781AF' AS TEXT), 'redirected',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, 'litigation'),"
  "  (8, 1, 2026, 8, '2026-06-01T08:00:00Z', (SELECT min(id) FROM channels), NULL, 1, 0,"
  "   (SELECT min(id) + 2 FROM concern_categories), 'Code _x0041_ and _x005f_ here', 'in_progress',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (9, 1, 2026, 9, '2026-06-30T15:59:59Z', (SELECT min(id) + 1 FROM channels), NULL, 2, 0,"
  "   (SELECT min(id) FROM concern_categories), printf('%.*c', 40000, '长'), 'registered',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (10, 1, 2026, 10, '2026-06-30T16:00:00Z', (SELECT min(id) + 1 FROM channels), NULL, 1, 0,"
  "   (SELECT min(id) FROM concern_categories), 'after the period', 'registered',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (11, 1, 2025, 50, '2025-12-31T15:59:59Z', (SELECT min(id) FROM channels), NULL, 1, 0,"
  "   (SELECT min(id) FROM concern_categories), 'before the period', 'registered',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (12, 2, 2026, 1, '2026-02-10T02:00:00Z', (SELECT min(id) FROM channels), 4, 3, 0,"
  "   (SELECT min(id) + 1 FROM concern_categories), '楼道' || char(133) || '堆物' || char(65534), 'converted',"
  "   NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
  "  (13, 2, 2026, 2, '2026-02-10T03:00:00Z', (SELECT min(id) + 1 FROM channels), 4, 3, 1,"
  "   (SELECT min(id) + 1 FROM concern_categories), '噪音扰民', 'feedback_given',"
  "   2, '2026-02-11', '2026-03-11', '2026-03-01', '2026-03-05', 'basically_satisfied', NULL);"
  "INSERT INTO concern_deputies (concern_id, deputy_id) VALUES"
  "  (2, 1), (3, 1), (4, 1), (4, 3), (5, 3), (12, 4), (13, 4), (13, 5), (10, 1), (11, 3);"
  "INSERT INTO suggestions (id, station_id, number, title, category_id, state, submitted_date,"
  "  assigned_date, initial_due_date, due_date, answer_date, answer_class_id, evaluation,"
  "  evaluation_date, key_supervision, created_at) VALUES"
  "  (1, 1, '2026-001', '关于加装电梯的建议', (SELECT min(id) FROM suggestion_categories),"
  "   'evaluated', '2026-01-10', '2026-01-20', '2026-04-20', '2026-04-20', '2026-03-01',"
  "   (SELECT id FROM answer_classes WHERE seed_key = 'A'), 'satisfied', '2026-03-10', 1,"
  "   '2026-01-05T02:00:00Z'),"
  "  (2, 1, '2026-002', '=cmd|'' /C calc''!A0', (SELECT min(id) + 1 FROM suggestion_categories),"
  "   'answered', '2026-02-01', '2026-02-10', '2026-03-10', '2026-03-10', '2026-04-01',"
  "   (SELECT id FROM answer_classes WHERE seed_key = 'B'), NULL, NULL, 0, '2026-01-30T02:00:00Z'),"
  "  (3, 1, NULL, '草稿建议', NULL, 'draft', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0,"
  "   '2026-03-01T02:00:00Z'),"
  "  (4, 1, '2026-003', '背街小巷改造', (SELECT min(id) FROM suggestion_categories), 'assigned',"
  "   '2026-05-01', '2026-05-10', '2026-08-10', '2026-08-10', NULL, NULL, NULL, NULL, 0,"
  "   '2026-04-28T02:00:00Z'),"
  "  (5, 2, '2026-101', '学校周边交通', (SELECT min(id) + 1 FROM suggestion_categories),"
  "   'evaluated', '2026-01-05', '2026-01-08', '2026-04-08', '2026-04-08', '2026-02-01',"
  "   (SELECT id FROM answer_classes WHERE seed_key = 'A'), 'dissatisfied', '2026-02-10', 0,"
  "   '2026-01-04T02:00:00Z'),"
  "  (6, 1, '2025-009', '往年建议', (SELECT min(id) FROM suggestion_categories), 'answered',"
  "   '2025-10-01', '2025-10-05', '2025-12-05', '2025-12-05', '2025-11-20',"
  "   (SELECT id FROM answer_classes WHERE seed_key = 'C'), NULL, NULL, 0, '2025-09-30T02:00:00Z'),"
  "  (7, 2, '2026-102', '+农贸市场', (SELECT min(id) FROM suggestion_categories), 'evaluated',"
  "   '2026-02-20', '2026-03-01', '2026-06-01', '2026-06-01', '2026-05-01',"
  "   (SELECT id FROM answer_classes WHERE seed_key = 'D'), 'basically_satisfied', '2026-05-10',"
  "   0, '2026-02-15T02:00:00Z');"
  "INSERT INTO suggestion_deputies (suggestion_id, deputy_id, role) VALUES"
  "  (1, 1, 'lead'), (1, 2, 'co_signer'), (1, 3, 'co_signer'), (2, 2, 'lead'), (2, 1, 'co_signer'),"
  "  (4, 3, 'lead'), (5, 4, 'lead'), (5, 5, 'co_signer'), (6, 1, 'lead'), (7, 5, 'lead');"
  "INSERT INTO suggestion_units (suggestion_id, unit_id, role) VALUES"
  "  (1, 1, 'lead'), (1, 2, 'co'), (2, 2, 'lead'), (5, 1, 'lead');"
  "INSERT INTO suggestion_concerns (suggestion_id, concern_id) VALUES (1, 2), (1, 4), (5, 12);";

/* Who the footer names as the preparer. */
static const char *check_operator = "tester";

typedef struct
{
  char       *dir;
  LdDatabase *database;
  LdStore    *store;
  char       *out_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = ld_test_open_store (&fixture->dir, &fixture->database, TRUE);
  ld_test_exec_sql (ld_database_get_handle (fixture->database), fixture_sql);
  fixture->out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->out_dir, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ld_xlsx_export_set_max_rows (0);
  check_operator = "tester";
  g_clear_pointer (&fixture->out_dir, g_free);
  ld_test_close_store (&fixture->dir, &fixture->database, &fixture->store);
}

/* The names in @dir, sorted, joined by spaces: a temporary file left behind shows here. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
run_check_period (Fixture    *fixture,
                  const char *path,
                  const char *from,
                  const char *to,
                  gint64      station,
                  gboolean    unmasked,
                  guint64     max_rows,
                  gboolean    office)
{
  g_autofree char *script = ld_test_src_path ("check-xlsx.py");
  g_autofree char *db = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  g_autofree char *station_text = g_strdup_printf ("%" G_GINT64_FORMAT, station);
  g_autofree char *rows_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max_rows);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", script, db, path, from, to, station_text,
                         unmasked ? "unmasked" : "masked", rows_text, check_operator,
                         office ? "office" : "no-office", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  g_test_message ("%s%s", out, err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-xlsx.py failed (is python3-openpyxl installed?):\n%s%s", out, err);
}

static void
run_check (Fixture    *fixture,
           const char *path,
           gint64      station,
           gboolean    unmasked,
           guint64     max_rows,
           gboolean    office)
{
  run_check_period (fixture, path, FROM, TO, station, unmasked, max_rows, office);
}

static LdExportOptions
options_for (gint64   station,
             gboolean unmasked)
{
  LdExportOptions options = { FROM, TO, station, unmasked, "tester" };

  return options;
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->out_dir, "district.xlsx", NULL);
  g_autofree char *listing = NULL;
  LdExportOptions options = options_for (0, FALSE);
  gboolean ok;
  sqlite3 *db = ld_database_get_handle (fixture->database);

  /* The window's connection holds the lock meanwhile: the export reads on its own. */
  ok = ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  listing = list_dir (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "district.xlsx");
  g_assert_cmpint (ld_test_query_int (db, "SELECT count(*) FROM export_log WHERE masked = 1"
                                          " AND station_id IS NULL AND operator = 'tester'"
                                          " AND kind = 'district_workbook'"
                                          " AND period_from = '" FROM "' AND period_to = '" TO "'"),
                   ==, 1);
  run_check (fixture, path, 0, FALSE, 0, TRUE);

  /* One station, unmasked: still no confidential resident; written over the earlier file. */
  options = options_for (1, TRUE);
  ok = ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (ld_test_query_int (db, "SELECT count(*) FROM export_log WHERE masked = 0"
                                          " AND station_id = 1"), ==, 1);
  run_check (fixture, path, 1, TRUE, 0, FALSE);

  options = options_for (2, FALSE);
  ok = ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  run_check (fixture, path, 2, FALSE, 0, FALSE);
}

/* Every figure holds for a period with few of the concerns and for one with nearly all of them
 * (counted another way: all of a deputy's concerns less those outside the period), for all
 * stations and for one. */
static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *from, *to;
  } periods[] = {
    { "2026-01-01", "2026-01-31" },
    { "2026-03-15", "2026-03-15" },
    { "2025-12-01", "2026-06-30" },
    { "2025-01-01", "2026-12-31" },
  };
  g_autofree char *path = g_build_filename (fixture->out_dir, "period.xlsx", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    for (gint64 station = 0; station <= 1; station++)
      {
        g_autoptr(GError) error = NULL;
        LdExportOptions options = { periods[i].from, periods[i].to, station, FALSE, "tester" };

        g_test_message ("%s to %s, station %" G_GINT64_FORMAT, periods[i].from, periods[i].to,
                        station);
        g_assert_true (ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL,
                                             NULL, &error));
        g_assert_no_error (error);
        run_check_period (fixture, path, periods[i].from, periods[i].to, station, FALSE, 0,
                          FALSE);
      }
}

/* More concerns than a sheet takes continue on "Concerns (2)", "Concerns (3)". */
static void
test_continuation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->out_dir, "split.xlsx", NULL);
  LdExportOptions options = options_for (0, FALSE);
  gboolean ok;

  ld_xlsx_export_set_max_rows (4);
  ok = ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  run_check (fixture, path, 0, FALSE, 4, FALSE);
}

static char *
write_earlier (const char *dir)
{
  char *path = g_build_filename (dir, "district.xlsx", NULL);

  g_assert_true (g_file_set_contents (path, "the earlier workbook", -1, NULL));
  return path;
}

static void
assert_earlier_intact (const char *dir,
                       const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *listing = list_dir (dir);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier workbook");
  g_assert_cmpstr (listing, ==, "district.xlsx");
}

/* In a mount namespace of our own (a subprocess of the test), a small tmpfs on @dir; FALSE when
 * this machine does not allow it. */
static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (unshare (CLONE_NEWNS) != 0)
    {
      uid_t uid = getuid ();
      gid_t gid = getgid ();
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0
          || !g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL)
          || !g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL)
          || !g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL))
        return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;
  return mount ("none", dir, "tmpfs", 0, options) == 0;
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LdExportOptions options = options_for (0, TRUE);
  gboolean remounted = FALSE;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (mount_tmpfs (fixture->out_dir, "1m"))
    {
      path = write_earlier (fixture->out_dir);
      remounted = mount (NULL, fixture->out_dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0;
    }
  else
    path = write_earlier (fixture->out_dir);
  if (!remounted)
    {
      /* Without a read-only mount, permissions: they do not stop root. */
      if (geteuid () == 0)
        {
          g_test_skip ("cannot make a read-only folder here (root, and no mount allowed)");
          return;
        }
      g_assert_cmpint (g_chmod (fixture->out_dir, 0500), ==, 0);
    }

  g_assert_false (ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_chmod (fixture->out_dir, 0700);
  assert_earlier_intact (fixture->out_dir, path);
  g_assert_cmpint (ld_test_query_int (ld_database_get_handle (fixture->database),
                                      "SELECT count(*) FROM export_log"), ==, 0);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LdExportOptions options = options_for (0, FALSE);
  /* The sheets' temporary files fill the smallest at once; the largest takes them and fills
   * while the zip is written. */
  static const char * const sizes[] = { "16k", "48k", "96k", "160k", "2m" };
  guint failed = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR
                                       | G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      return;
    }
  if (!mount_tmpfs (fixture->out_dir, sizes[0]))
    {
      g_test_skip ("no small file system can be mounted here to fill up");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *remount = g_strdup_printf ("size=%s", sizes[i]);

      g_assert_cmpint (mount (NULL, fixture->out_dir, NULL, MS_REMOUNT, remount), ==, 0);
      path = (g_free (path), write_earlier (fixture->out_dir));
      if (ld_xlsx_export_write (fixture->database, path, &options, NULL, NULL, NULL, &error))
        {
          g_test_message ("%s was enough for the workbook", sizes[i]);
          /* Only the largest may suffice, and then the file is whole. */
          g_assert_cmpuint (i, ==, G_N_ELEMENTS (sizes) - 1);
          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
          {
            g_autofree char *listing = list_dir (fixture->out_dir);

            g_assert_cmpstr (listing, ==, "district.xlsx");
          }
          continue;
        }
      g_test_message ("%s: %s", sizes[i], error->message);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "not enough free disk space"));
      g_clear_error (&error);
      assert_earlier_intact (fixture->out_dir, path);
      failed++;
    }
  g_assert_cmpuint (failed, >=, 3);
  g_assert_cmpint (ld_test_query_int (ld_database_get_handle (fixture->database),
                                      "SELECT count(*) FROM export_log"), <=,
                   (gint64) (G_N_ELEMENTS (sizes) - failed));
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
} CancelData;

static void
cancel_progress (double   fraction,
                 gpointer user_data)
{
  CancelData *d = user_data;

  g_assert_cmpfloat (fraction, >=, d->last);
  d->last = fraction;
  d->calls++;
  if (fraction >= 0.3)
    g_cancellable_cancel (d->cancellable);
}

static void
add_many_concerns (Fixture *fixture)
{
  ld_test_exec_sql (ld_database_get_handle (fixture->database),
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)"
    " INSERT INTO concerns (station_id, ref_year, ref_seq, received_at, channel_id, resident_id,"
    "   category_id, subject)"
    " SELECT 1, 2026, 1000 + i, strftime('%Y-%m-%dT%H:%M:%SZ', '2026-02-01', '+' || i || ' minutes'),"
    "   (SELECT min(id) FROM channels), 1, (SELECT min(id) FROM concern_categories),"
    "   'bulk concern ' || i FROM n");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = write_earlier (fixture->out_dir);
  LdExportOptions options = options_for (0, FALSE);
  CancelData d = { cancellable, 0, 0 };

  add_many_concerns (fixture);
  g_assert_false (ld_xlsx_export_write (fixture->database, path, &options, cancel_progress, &d,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "cancelled"));
  g_assert_cmpuint (d.calls, >=, 1);
  g_assert_cmpfloat (d.last, <, 1.0);
  assert_earlier_intact (fixture->out_dir, path);
  g_assert_cmpint (ld_test_query_int (ld_database_get_handle (fixture->database),
                                      "SELECT count(*) FROM export_log"), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      calls;
  double     last;
  gboolean   done;
  GError    *error;
} AsyncData;

static void
async_progress (double   fraction,
                gpointer user_data)
{
  AsyncData *d = user_data;

  g_assert_true (g_thread_self () == d->main_thread);
  g_assert_cmpfloat (fraction, >=, d->last);
  d->last = fraction;
  d->calls++;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncData *d = user_data;

  d->done = ld_xlsx_export_finish (result, &d->error);
  g_main_loop_quit (d->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "async.xlsx", NULL);
  LdExportOptions options = options_for (0, FALSE);
  AsyncData d = { g_main_loop_new (NULL, FALSE), g_thread_self (), 0, 0, FALSE, NULL };

  add_many_concerns (fixture);
  ld_xlsx_export_async (fixture->database, path, &options, async_progress, &d, NULL,
                        async_done, &d);
  g_main_loop_run (d.loop);
  g_assert_no_error (d.error);
  g_assert_true (d.done);
  /* Progress already queued before the result may still run: let it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (d.calls, >=, 2);
  g_assert_cmpfloat (d.last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_main_loop_unref (d.loop);
}

/* ------------------------------------------------------------------ the command line */

static int
run_cli (Fixture     *fixture,
         const char **args,
         char       **err)
{
  const char *exe = g_getenv ("LD_TEST_APP");
  g_autofree char *db = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  int status;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, db);
  g_ptr_array_add (argv, NULL);
  /* Without a display: the export must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "GDK_BACKEND", "wayland", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "cli.xlsx", NULL);
  g_autofree char *bad_dir = g_build_filename (fixture->out_dir, "missing", "x.xlsx", NULL);
  sqlite3 *db;
  struct
  {
    const char *args[10];
    const char *says;
  } bad[] = {
    { { "--export", path, "--from", "2026-13-01", "--to", TO, NULL }, "2026-13-01" },
    { { "--export", path, "--from", "yesterday", "--to", TO, NULL }, "yesterday" },
    { { "--export", path, "--from", TO, "--to", FROM, NULL }, "ends before" },
    { { "--export", path, "--to", TO, NULL }, "--from" },
    { { "--export", path, "--from", FROM, "--to", TO, "--station", "无此站", NULL }, "无此站" },
    { { "--export", bad_dir, "--from", FROM, "--to", TO, NULL }, "There is no folder" },
  };

  /* The window's connection would hold the lock: the command line opens the file itself. */
  g_clear_object (&fixture->store);
  ld_database_close (fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *err = NULL;
      int code = run_cli (fixture, bad[i].args, &err);

      g_test_message ("%s", err);
      g_assert_cmpint (code, !=, 0);
      g_assert_nonnull (strstr (err, bad[i].says));
      g_assert_null (strstr (err, "CRITICAL"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  {
    g_autofree char *err = NULL;
    const char *args[] = { "--export", path, "--from", FROM, "--to", TO, "--station",
                           "水果湖代表联络站", "--unmasked", NULL };

    g_assert_cmpint (run_cli (fixture, args, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *db_path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
    g_autoptr(LdDatabase) check = ld_database_open (db_path, &error);

    const char *real = g_get_real_name ();
    const char *who = real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0
                      ? real : g_get_user_name ();
    g_autofree char *sql = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_no_error (error);
    db = ld_database_get_handle (check);
    check_operator = who;

    /* The operator as the app names it (no name set in Preferences here). */
    sql = g_strdup_printf ("SELECT count(*) FROM export_log WHERE masked = 0 AND station_id = 1"
                           " AND kind = 'district_workbook' AND period_from = '%s'"
                           " AND period_to = '%s' AND file_path = ?", FROM, TO);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    g_assert_cmpint (ld_test_query_int (db, "SELECT count(*) FROM export_log"), ==, 1);
    stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT operator FROM export_log", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, who);
    sqlite3_finalize (stmt);
    ld_database_close (check);
  }
  fixture->database = (g_object_unref (fixture->database), NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *db_path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);

    fixture->database = ld_database_open (db_path, &error);
    g_assert_no_error (error);
  }
  run_check (fixture, path, 1, TRUE, 0, FALSE);
}

/* The command line skips the whole-file check that opening the app does (it would take longer
 * than the export): a damaged page among the concerns still fails the export in plain words,
 * with no file left. */
static void
test_cli_damaged (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "cli.xlsx", NULL);
  g_autofree char *db_path = g_build_filename (fixture->dir, "liaison-desk.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *listing = NULL;
  const char *args[] = { "--export", path, "--from", FROM, "--to", TO, NULL };
  sqlite3 *db = ld_database_get_handle (fixture->database);
  gint64 page_size = ld_test_query_int (db, "PRAGMA page_size");
  gint64 root = ld_test_query_int (db, "SELECT rootpage FROM sqlite_schema"
                                       " WHERE name = 'concerns'");
  static const guchar garbage[16] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                      0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
  int fd;

  /* Closed (and so checkpointed) first; then the page header of the concerns table is
   * overwritten. */
  g_clear_object (&fixture->store);
  ld_database_close (fixture->database);
  g_clear_object (&fixture->database);
  fd = open (db_path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (root - 1) * page_size), ==,
                   sizeof garbage);
  close (fd);

  g_assert_cmpint (run_cli (fixture, args, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_null (strstr (err, "CRITICAL"));
  listing = list_dir (fixture->out_dir);
  g_assert_cmpstr (listing, ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xlsx-export/workbook", test_workbook);
  ADD ("/xlsx-export/periods", test_periods);
  ADD ("/xlsx-export/continuation", test_continuation);
  ADD ("/xlsx-export/read-only", test_read_only);
  ADD ("/xlsx-export/disk-full", test_disk_full);
  ADD ("/xlsx-export/cancel", test_cancel);
  ADD ("/xlsx-export/async", test_async);
  ADD ("/xlsx-export/cli", test_cli);
  ADD ("/xlsx-export/cli-damaged", test_cli_damaged);
#undef ADD

  return g_test_run ();
}

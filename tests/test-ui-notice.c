/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-notice"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ld-calendar-page.h"
#include "ld-calendar-store.h"
#include "ld-context.h"
#include "ld-database.h"
#include "ld-deputy.h"
#include "ld-event.h"
#include "ld-notice-print.h"
#include "ld-station.h"
#include "ld-store.h"
#include "ld-test-ui.h"
#include "ld-test-util.h"

/* The reception notice as it comes out of the printer: exported to PDF through
 * GtkPrintOperation and read back with pdftotext, it names the station, the day, the hours, the
 * place and both deputies with their level, in Chinese where the records are. Any warning or
 * critical fails the test. */

typedef LdTestFixture Fixture;

/* ------------------------------------------------------------------ helpers */

static gint64
save_deputy (LdStore    *store,
             const char *name,
             const char *level,
             const char *group)
{
  g_autoptr(LdDeputy) deputy = ld_deputy_new ();
  g_autoptr(GError) error = NULL;

  ld_deputy_set_name (deputy, name);
  ld_deputy_set_level (deputy, level);
  ld_deputy_set_group (deputy, group);
  ld_store_save_deputy (store, deputy, &error);
  g_assert_no_error (error);
  return ld_deputy_get_id (deputy);
}

/* A station, two deputies and a reception day on Sunday 15 November 2026; returns its id. */
static gint64
set_up_reception_day (Fixture *fixture)
{
  g_autoptr(LdDatabase) database = NULL;
  g_autoptr(LdStation) station = ld_station_new ();
  g_autoptr(LdEvent) event = ld_event_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 12, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  LdStore *store;
  gint64 ids[2];

  database = ld_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  ld_context_set_database (fixture->context, database);
  ld_context_set_fixed_now (fixture->context, now);
  store = ld_test_get_store (fixture);

  ld_station_set_name (station, "东湖街道代表联络站");
  ld_station_set_reporting_unit (station, "东湖街道人大工委");
  ld_station_set_phone (station, "027-86781234");
  ld_store_save_station (store, station, &error);
  g_assert_no_error (error);

  ids[0] = save_deputy (store, "张伟", "district", "第三代表小组");
  ids[1] = save_deputy (store, "李秀英", "municipal", "第一代表小组");

  ld_event_set_kind (event, "reception_day");
  ld_event_set_date (event, "2026-11-15");
  ld_event_set_start_time (event, "09:00");
  ld_event_set_end_time (event, "11:30");
  ld_event_set_place (event, "联络站一楼接待室");
  /* 如 after a full stop lost its glyph when Noto Sans CJK was embedded in a PDF. */
  ld_event_set_theme (event, "办理居住证。如何准备材料");
  ld_event_set_deputies (event, LD_EVENT_ROLE_ON_DUTY, ids, G_N_ELEMENTS (ids));
  ld_calendar_store_save_event (store, event, &error);
  g_assert_no_error (error);

  return ld_event_get_id (event);
}

static char *
pdf_to_text (const char *pdf_path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  if (pdftotext == NULL)
    g_error ("pdftotext is needed to read the notice back; install poppler-utils");

  {
    const char *argv[] = { pdftotext, "-layout", pdf_path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                  &standard_error, &status, &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return text;
}

/* The line of @text that contains @needle. */
static char *
find_line (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);
  const char *start, *end;

  if (found == NULL)
    return NULL;

  for (start = found; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (found, '\n');
  return g_strndup (start, end ? (gsize) (end - start) : strlen (start));
}

/* ------------------------------------------------------------------ tests */

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "notice.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autoptr(LdEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id = set_up_reception_day (fixture);

  event = ld_calendar_store_get_event (ld_test_get_store (fixture), event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_event_get_notice_printed_at (event), ==, "");
  g_clear_object (&event);

  g_assert_true (ld_notice_export_pdf (fixture->context, event_id, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

  text = pdf_to_text (pdf_path);
  g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "Reception Notice"));
  g_assert_nonnull (strstr (text, "东湖街道代表联络站"));
  g_assert_nonnull (strstr (text, "Sunday 15 November 2026"));
  g_assert_nonnull (strstr (text, "09:00–11:30"));
  g_assert_nonnull (strstr (text, "联络站一楼接待室"));
  g_assert_nonnull (strstr (text, "027-86781234"));
  g_assert_nonnull (strstr (text, "东湖街道人大工委"));

  line = find_line (text, "张伟");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "District"));
  g_assert_nonnull (strstr (line, "第三代表小组"));
  g_clear_pointer (&line, g_free);
  line = find_line (text, "李秀英");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "Municipal"));
  g_assert_nonnull (strstr (line, "第一代表小组"));

  event = ld_calendar_store_get_event (ld_test_get_store (fixture), event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ld_event_get_notice_printed_at (event), ==, "2026-11-12T02:00:00Z");

  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

/* pdftotext reads the characters' codes, so a glyph lost from an embedded font subset still
 * reads back while the paper shows a gap: render the page and look for ink in every cell. The
 * notice is printed in Chinese, as a station prints it (the font and its glyph variants follow
 * the language). */
static void
test_glyph_child (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "notice.pdf", NULL);
  g_autofree char *script = ld_test_src_path ("check-pdf-glyphs.py");
  g_autofree char *standard_output = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id = set_up_reception_day (fixture);
  const char *argv[] = { "/usr/bin/python3", script, pdf_path, NULL };
  int status = 0;

  g_assert_true (ld_notice_export_pdf (fixture->context, event_id, pdf_path, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &standard_output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_print ("%s", standard_output);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("Characters of the notice print blank (needs poppler-utils): %s", standard_output);
}

static void
test_every_glyph_inked (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *standard_output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "-p", "/ui-notice/glyph-child", NULL };
  int status = 0;

  env = g_environ_setenv (env, "LD_NOTICE_GLYPH_CHILD", "1", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &standard_output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", standard_output);
  g_assert_nonnull (strstr (standard_output, "ok 1 /ui-notice/glyph-child"));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* An event that is not there is an error in words, not a blank page. */
static void
test_missing_event (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autoptr(GError) error = NULL;

  set_up_reception_day (fixture);
  g_assert_false (ld_notice_export_pdf (fixture->context, 9999, pdf_path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
}

/* Each planned event on the Calendar page offers "Print Notice…" for itself. */
static void
test_calendar_button (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 event_id = set_up_reception_day (fixture);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button;
  GVariant *target;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_set_child (GTK_WINDOW (window),
                        GTK_WIDGET (ld_calendar_page_new (fixture->context)));
  ld_test_present (GTK_WINDOW (window));

  button = ld_test_find_button_for_action (window, "calendar.print-notice");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Print Notice…");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, event_id);

  gtk_window_destroy (GTK_WINDOW (window));
  ld_test_iterate_idle ();
  g_assert_cmpuint (ld_test_get_n_problems (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The assertions read English labels whatever language the test run has; the glyph check
   * runs itself again in Chinese. */
  if (g_getenv ("LD_NOTICE_GLYPH_CHILD"))
    g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  else
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_unsetenv ("LANGUAGE");
    }

  ld_test_init_ui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ld_test_fixture_set_up, func, ld_test_fixture_tear_down)

  ADD ("/ui-notice/export-pdf", test_export_pdf);
  g_test_add_func ("/ui-notice/every-glyph-inked", test_every_glyph_inked);
  if (g_getenv ("LD_NOTICE_GLYPH_CHILD"))
    ADD ("/ui-notice/glyph-child", test_glyph_child);
  ADD ("/ui-notice/missing-event", test_missing_event);
  ADD ("/ui-notice/calendar-button", test_calendar_button);

#undef ADD

  return g_test_run ();
}

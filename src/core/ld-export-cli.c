/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-export-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-context.h"
#include "ld-database.h"
#include "ld-export-cli.h"
#include "ld-xlsx-export.h"

const GOptionEntry ld_export_cli_option_entries[] = {
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the district workbook to FILE and quit (with --from and --to)"), N_("FILE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("First day of the period to export"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Last day of the period to export"), N_("YYYY-MM-DD") },
  { "station", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export only this station (by name); all stations otherwise"), N_("NAME") },
  { "unmasked", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Export residents’ names and phone numbers in full (recorded in the export log)"), NULL },
  { NULL }
};

static void
say (const char *message)
{
  /* Translators: how the program prefixes an error on the command line */
  g_printerr (_("liaison-desk: %s\n"), message);
}

static gboolean
is_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  day = (int) g_ascii_strtoll (text + 8, NULL, 10);
  return g_date_valid_dmy (day, month, year);
}

static gboolean
check_date (const char *option,
            const char *text)
{
  g_autofree char *message = NULL;

  if (text == NULL)
    {
      /* Translators: %s is an option, --from or --to */
      message = g_strdup_printf (_("--export needs %s with a date like 2026-03-31."), option);
      say (message);
      return FALSE;
    }
  if (!is_date (text))
    {
      /* Translators: the first %s is an option (--from), the second what was given */
      message = g_strdup_printf (_("%s “%s” is not a date; write it like 2026-03-31."), option, text);
      say (message);
      return FALSE;
    }
  return TRUE;
}

/* The id of the station called @name, or 0 with a message naming the stations there are. */
static gint64
find_station (LdDatabase *database,
              const char *name)
{
  sqlite3 *db = ld_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *message = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT id, name FROM stations ORDER BY name", -1, &stmt,
                          NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *each = (const char *) sqlite3_column_text (stmt, 1);

          if (g_strcmp0 (each, name) == 0)
            id = sqlite3_column_int64 (stmt, 0);
          if (known->len > 0)
            g_string_append (known, "、");
          g_string_append (known, each);
        }
    }
  sqlite3_finalize (stmt);
  if (id != 0)
    return id;

  /* Translators: the first %s is the station asked for, the second the list of stations */
  message = g_strdup_printf (_("There is no station named “%s”. The stations are: %s."), name,
                             known->len > 0 ? known->str : "—");
  say (message);
  return 0;
}

static char *
dup_operator (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LdContext) context = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return g_strdup (g_get_user_name ());
  settings = g_settings_new (APPLICATION_ID);
  context = ld_context_new (settings);
  return ld_context_dup_operator (context);
}

int
ld_export_cli_run (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdDatabase) database = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *operator = NULL;
  g_autofree char *target = NULL;
  const char *path = NULL;
  const char *from = NULL;
  const char *to = NULL;
  const char *station = NULL;
  const char *database_path = NULL;
  LdExportOptions export = { 0 };

  g_return_val_if_fail (options != NULL, 1);

  if (!g_variant_dict_lookup (options, "export", "^&ay", &path) || path[0] == '\0')
    {
      say (_("--export needs the name of the file to write."));
      return 2;
    }
  g_variant_dict_lookup (options, "from", "&s", &from);
  g_variant_dict_lookup (options, "to", "&s", &to);
  g_variant_dict_lookup (options, "station", "&s", &station);
  if (!check_date ("--from", from) || !check_date ("--to", to))
    return 2;
  if (strcmp (from, to) > 0)
    {
      say (_("The period ends before it begins: --to must not be before --from."));
      return 2;
    }

  if (!g_variant_dict_lookup (options, "database", "^&ay", &database_path)
      || database_path[0] == '\0')
    database_path = default_path = ld_database_default_path ();
  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (database_path);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("There is no database at “%s”."), name);

      say (message);
      return 1;
    }
  /* No whole-file check first (it would take longer than the export on a district's file):
   * the export reads every record of the period, and damage there fails it plainly. */
  if ((database = ld_database_open_with_flags (database_path, LD_DATABASE_OPEN_NO_CHECK,
                                               &error)) == NULL)
    {
      say (error->message);
      return 1;
    }

  export.from = from;
  export.to = to;
  export.unmasked = g_variant_dict_contains (options, "unmasked");
  if (station != NULL && (export.station_id = find_station (database, station)) == 0)
    {
      ld_database_close (database);
      return 1;
    }
  operator = dup_operator ();
  export.operator = operator;
  target = g_canonicalize_filename (path, NULL);

  if (!ld_xlsx_export_write (database, target, &export, NULL, NULL, NULL, &error))
    {
      say (error->message);
      ld_database_close (database);
      return 1;
    }
  ld_database_close (database);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-xlsx-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ld-deputy.h"
#include "ld-event.h"
#include "ld-list-entry.h"
#include "ld-mask.h"
#include "ld-report.h"
#include "ld-store.h"
#include "ld-workflow.h"
#include "ld-xlsx-export.h"

/*
 * The district workbook, written row by row as SQL returns it: libxlsxwriter runs in
 * constant-memory mode (each row goes to a temporary file in the target's folder as soon as the
 * next one starts, strings inline), so a million concerns never sit in memory. The small lists
 * (categories, channels, units, answer classes) are read once into hash tables so that the big
 * statements select only ids.
 *
 * The figures of the Summary come from ld-report; what ld-report does not count (concerns by
 * category, by channel and per month, reception days held, residents received) is counted here
 * with the same period bounds (local dates; received_at compared with the UTC of local
 * midnights).
 *
 * Cleaning of user text (clean_text()), applied to every string from the database:
 *  - invalid UTF-8 is replaced by U+FFFD (g_utf8_make_valid);
 *  - control characters other than tab and line feed (U+0000–U+001F, U+007F–U+009F) and the
 *    non-characters U+FFFE, U+FFFF are removed: XML cannot carry most of them, and a cell has
 *    no use for the rest;
 *  - a literal "_xHHHH_" (which Excel and LibreOffice would read as an escaped character) gets
 *    its underscore escaped as "_x005F_", so that it reads back as typed: libxlsxwriter 1.1
 *    escapes control characters that way but leaves a literal sequence alone;
 *  - text longer than a cell takes (32,767 characters) is cut and ends in "…[cut]".
 * Text starting with = + - @ also gets the text number format "@", so that editing the cell in
 * Excel does not turn it into a formula. Every string is written with worksheet_write_string().
 */

#define CELL_MAX        32767
#define SHEET_ROWS_MAX  1048575   /* data rows below the header */
#define PROGRESS_EVERY  512

static guint64 max_rows_per_sheet = SHEET_ROWS_MAX;

typedef struct
{
  /* Not owned */
  const LdExportOptions *options;
  LdExportProgress       progress;
  gpointer               progress_data;
  GCancellable          *cancellable;

  /* Owned */
  LdDatabase            *database;   /* read-only */
  LdStore               *store;
  sqlite3               *db;
  char                  *from_utc;
  char                  *to_utc;
  GHashTable            *categories;          /* id → display name */
  GHashTable            *channels;
  GHashTable            *units;
  GHashTable            *classes;
  GHashTable            *suggestion_categories;

  lxw_workbook          *workbook;
  lxw_format            *bold;
  lxw_format            *header;
  lxw_format            *title;
  lxw_format            *date;
  lxw_format            *percent;
  lxw_format            *text;         /* "@" */
  lxw_format            *wrap;
  lxw_format            *wrap_text;    /* wrapped and "@" */
  lxw_format            *indent;       /* a label a little away from the figure before it */

  GPtrArray             *sheets;       /* lxw_worksheet *, in order */
  GArray                *sheet_sizes;  /* guint64: bytes of each sheet's rows before closing */

  double                 label_width;  /* the Summary's widest label beside a figure */
  gint64                 total;        /* rows to write, for the progress */
  gint64                 concerns;     /* of the period */
  gint64                 done;
  lxw_error              status;
  gboolean               cancelled;
} Export;

/* ------------------------------------------------------------------ text */

static gboolean
is_hex4 (const char *p)
{
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Appends the cleaned @text to @out up to @limit UTF-16 units (as Excel counts); FALSE when it
 * did not all fit. */
static gboolean
clean_into (GString    *out,
            const char *text,
            glong       limit)
{
  glong length = 0;

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)
          || c == 0xFFFE || c == 0xFFFF)
        {
          p = next;
          continue;
        }
      if (c == '_' && p[1] == 'x' && is_hex4 (p + 2) && p[6] == '_')
        {
          /* The underscore as "_x005F_", then "x0041_" as plain characters. */
          if (length + 7 > limit)
            return FALSE;
          g_string_append (out, "_x005F_");
          length += 7;
          p = next;
          continue;
        }
      if (length + (c > 0xFFFF ? 2 : 1) > limit)
        return FALSE;
      g_string_append_len (out, p, next - p);
      length += c > 0xFFFF ? 2 : 1;
      p = next;
    }
  return TRUE;
}

/* See the comment at the top. Returns the text to write; *@formula_like when it starts with a
 * character a spreadsheet reads as the start of a formula. */
static char *
clean_text (const char *text,
            gboolean   *formula_like)
{
  static const char mark[] = "…[cut]";
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 8);

  if (!clean_into (out, valid, CELL_MAX))
    {
      g_string_truncate (out, 0);
      clean_into (out, valid, CELL_MAX - g_utf8_strlen (mark, -1));
      g_string_append (out, mark);
    }
  if (formula_like != NULL)
    *formula_like = out->len > 0 && strchr ("=+-@", out->str[0]) != NULL;
  return g_string_free (out, FALSE);
}

/* Whether clean_text() would return @text unchanged: valid UTF-8 no longer than a cell, with no
 * character it drops (C0 but tab and newline, DEL, C1, U+FFFE, U+FFFF) and no "_x" that could
 * start an escape. Nearly every cell is like that, and this costs one pass over its bytes. */
static gboolean
is_clean (const char *text)
{
  /* 0: a byte that needs no look; 1: one that may start something clean_text() changes (the
   * end of the string among them); 2: a byte of a multi-byte character. */
  static const guchar kind[256] = {
    [0x00 ... 0x08] = 1, [0x0B ... 0x1F] = 1, ['_'] = 1, [0x7F] = 1,
    [0x80 ... 0xC1] = 2, [0xC2] = 1, [0xC3 ... 0xEE] = 2, [0xEF] = 1, [0xF0 ... 0xFF] = 2,
  };
  const guchar *p = (const guchar *) text;
  gboolean ascii = TRUE;

  for (;; p++)
    {
      switch (kind[*p])
        {
        case 0:
          continue;
        case 2:
          ascii = FALSE;
          continue;
        default:
          break;
        }
      if (*p == '\0')
        break;
      if ((*p == '_' && p[1] == 'x') || *p < 0x20 || *p == 0x7F
          || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
          || (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
        return FALSE;
      ascii = ascii && *p < 0x80;
    }
  /* A cell's limit counts UTF-16 units, never more than UTF-8 bytes. */
  return (gsize) (p - (const guchar *) text) <= CELL_MAX
         && (ascii || g_utf8_validate_len (text, p - (const guchar *) text, NULL));
}

/* clean_text() without copying what is clean already: the text to write, either @text or a
 * cleaned copy left in *@owned for the caller to free. */
static const char *
cleaned (const char  *text,
         char       **owned,
         gboolean    *formula_like)
{
  if (!is_clean (text))
    return *owned = clean_text (text, formula_like);
  if (formula_like != NULL)
    *formula_like = text[0] != '\0' && strchr ("=+-@", text[0]) != NULL;
  return text;
}

static void
put_text (Export        *self,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          gboolean       wrap)
{
  gboolean formula_like = FALSE;
  g_autofree char *owned = NULL;
  const char *clean;
  lxw_format *format;

  if (text == NULL || text[0] == '\0')
    return;
  clean = cleaned (text, &owned, &formula_like);
  if (formula_like)
    format = wrap ? self->wrap_text : self->text;
  else
    format = wrap ? self->wrap : NULL;
  self->status |= worksheet_write_string (sheet, row, col, clean, format);
}

/* A string of ours (a label, a header): cleaned as well, it may come from a translation. */
static void
put_label (Export        *self,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           const char    *text,
           lxw_format    *format)
{
  g_autofree char *owned = NULL;
  const char *clean = cleaned (text != NULL ? text : "", &owned, NULL);

  self->status |= worksheet_write_string (sheet, row, col, clean, format);
}

static void
put_number (Export        *self,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value)
{
  self->status |= worksheet_write_number (sheet, row, col, value, NULL);
}

/* A local "YYYY-MM-DD" as a real date; anything else is left empty. */
static void
put_date (Export        *self,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text)
{
  lxw_datetime dt = { 0 };

  if (text == NULL)
    return;
  /* Digit by digit: on a million rows a strtoll() per field shows. */
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return;
  dt.year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  dt.month = (text[5] - '0') * 10 + (text[6] - '0');
  dt.day = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (dt.day, dt.month, dt.year))
    return;
  self->status |= worksheet_write_datetime (sheet, row, col, &dt, self->date);
}

static void
put_rate (Export        *self,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          double         rate)
{
  if (isnan (rate))
    put_label (self, sheet, row, col, "—", NULL);
  else
    self->status |= worksheet_write_number (sheet, row, col, rate, self->percent);
}

/* ------------------------------------------------------------------ progress */

static gboolean
tick (Export *self)
{
  self->done++;
  if (self->done % PROGRESS_EVERY != 0)
    return !self->cancelled;
  if (g_cancellable_is_cancelled (self->cancellable))
    self->cancelled = TRUE;
  else if (self->progress != NULL && self->total > 0)
    self->progress (MIN (0.95, 0.95 * (double) self->done / (double) self->total),
                    self->progress_data);
  if (g_cancellable_is_cancelled (self->cancellable))
    self->cancelled = TRUE;
  return !self->cancelled;
}

/* ------------------------------------------------------------------ SQL */

static void
set_sql_error (Export  *self,
               int      rc,
               GError **error)
{
  ld_database_set_error_from_sqlite (error, self->db, rc, _("Reading the records for the workbook"));
}

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

/* Binds ?1 from, ?2 to, ?3 station, ?4 from_utc, ?5 to_utc where the statement has them. */
static sqlite3_stmt *
prepare (Export      *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  int n;

  if (rc != SQLITE_OK)
    {
      set_sql_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  n = sqlite3_bind_parameter_count (stmt);
  if (n >= 1)
    sqlite3_bind_text (stmt, 1, self->options->from, -1, SQLITE_STATIC);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, self->options->to, -1, SQLITE_STATIC);
  if (n >= 3)
    sqlite3_bind_int64 (stmt, 3, self->options->station_id);
  if (n >= 4)
    sqlite3_bind_text (stmt, 4, self->from_utc, -1, SQLITE_STATIC);
  if (n >= 5)
    sqlite3_bind_text (stmt, 5, self->to_utc, -1, SQLITE_STATIC);
  return stmt;
}

/* The SQL with "[S:alias]" replaced by " AND alias.station_id = ?3" when there is a station. */
static char *
station_sql (Export     *self,
             const char *sql)
{
  GString *out = g_string_new (NULL);
  const char *p = sql;
  const char *open;

  while ((open = strstr (p, "[S:")) != NULL)
    {
      const char *close = strchr (open, ']');

      g_string_append_len (out, p, open - p);
      if (self->options->station_id != 0)
        {
          g_string_append (out, " AND ");
          g_string_append_len (out, open + 3, close - open - 3);
          g_string_append (out, ".station_id = ?3");
        }
      p = close + 1;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static sqlite3_stmt *
prepare_station (Export      *self,
                 const char  *sql,
                 GError     **error)
{
  g_autofree char *text = station_sql (self, sql);

  return prepare (self, text, error);
}

static gboolean
query_count (Export      *self,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = prepare_station (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sql_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Calls @read_row for each row of @stmt, which it finalizes; FALSE when @read_row does, when
 * @counted rows were cancelled, or with @error on an SQL error. */
typedef gboolean (*RowFunc) (Export *self, sqlite3_stmt *stmt, gpointer data);

static gboolean
each_row (Export        *self,
          sqlite3_stmt  *stmt,
          gboolean       counted,
          RowFunc        read_row,
          gpointer       data,
          GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!read_row (self, stmt, data) || (counted && !tick (self)))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GHashTable *names;
  LdListKind  kind;
} ListNames;

static gboolean
list_name_row (Export       *self,
               sqlite3_stmt *stmt,
               gpointer      data)
{
  ListNames *list = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *name = col_text (stmt, 1);
  const char *seed = col_text (stmt, 2);
  const char *shown = name;

  if (shown == NULL && seed != NULL)
    shown = ld_list_seed_display_name (list->kind, seed);
  if (shown == NULL)
    shown = seed != NULL ? seed : "";
  g_hash_table_insert (list->names, g_memdup2 (&id, sizeof id), g_strdup (shown));
  return TRUE;
}

/* id → display name of a list (its seed's translation while it keeps the seeded name); units
 * have no seed key. */
static gboolean
load_list (Export      *self,
           const char  *table,
           LdListKind   kind,
           GHashTable **out,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, name, %s FROM %s",
                                          g_str_equal (table, "units") ? "NULL" : "seed_key",
                                          table);
  sqlite3_stmt *stmt = prepare (self, sql, error);
  ListNames list = { NULL, kind };

  if (stmt == NULL)
    return FALSE;
  list.names = *out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return each_row (self, stmt, FALSE, list_name_row, &list, error);
}

static const char *
lookup (GHashTable   *table,
        sqlite3_stmt *stmt,
        int           col)
{
  gint64 id;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  id = sqlite3_column_int64 (stmt, col);
  return g_hash_table_lookup (table, &id);
}

/* ------------------------------------------------------------------ sheets */

static lxw_worksheet *
add_sheet (Export     *self,
           const char *name)
{
  g_autofree char *clean = clean_text (name, NULL);
  lxw_worksheet *sheet = workbook_add_worksheet (self->workbook, clean);

  /* Printed (or turned into a PDF) as the district files it: A4 across, every column on the
   * page, as many pages down as it takes. */
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

static void
put_headers (Export             *self,
             lxw_worksheet      *sheet,
             const char * const *headers,
             const double       *widths,
             guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      put_label (self, sheet, 0, (lxw_col_t) i, headers[i], self->header);
      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, widths[i], NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  /* The header on every printed page. */
  self->status |= worksheet_repeat_rows (sheet, 0, 0);
}

static void
finish_table (lxw_worksheet *sheet,
              guint64        rows,
              guint          columns)
{
  worksheet_autofilter (sheet, 0, 0, (lxw_row_t) rows, (lxw_col_t) (columns - 1));
}

/* A section of the Summary: label and count per row; returns the rows written. */
typedef struct
{
  lxw_row_t first;
  lxw_row_t last;
} Range;

static lxw_row_t
summary_heading (Export        *self,
                 lxw_worksheet *sheet,
                 lxw_row_t      row,
                 const char    *heading)
{
  put_label (self, sheet, row, 0, heading, self->bold);
  return row + 1;
}

/* A label in column A of the Summary, beside a figure: a name of the station's own (@from_user,
 * written as user text) or one of ours. Column A is made as wide as the widest of them (a
 * station may name a category at length), wide (CJK) characters counting two. */
static void
summary_label (Export        *self,
               lxw_worksheet *sheet,
               lxw_row_t      row,
               const char    *label,
               gboolean       from_user)
{
  double width = 1;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  self->label_width = MAX (self->label_width, width);
  if (from_user)
    put_text (self, sheet, row, 0, label, FALSE);
  else
    put_label (self, sheet, row, 0, label, NULL);
}

static lxw_row_t
summary_line (Export        *self,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              const char    *label,
              gint64         value)
{
  summary_label (self, sheet, row, label, FALSE);
  put_number (self, sheet, row, 1, (double) value);
  return row + 1;
}

/* Writes "label, count" rows of @sql (which returns a list id and a count). */
static gboolean
summary_list (Export         *self,
              lxw_worksheet  *sheet,
              lxw_row_t      *row,
              const char     *sql,
              GHashTable     *names,
              Range          *range,
              GError        **error)
{
  sqlite3_stmt *stmt = prepare_station (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  range->first = *row;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = lookup (names, stmt, 0);

      summary_label (self, sheet, *row, name != NULL ? name : "", TRUE);
      put_number (self, sheet, *row, 1, (double) sqlite3_column_int64 (stmt, 1));
      (*row)++;
    }
  sqlite3_finalize (stmt);
  range->last = *row > range->first ? *row - 1 : range->first;
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static char *local_midnight_utc (const GDate *date,
                                 int          days);

static gboolean
count_row (Export       *self,
           sqlite3_stmt *stmt,
           gpointer      data)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 n = sqlite3_column_int64 (stmt, 1);

  if (n > 0)
    g_hash_table_insert (data, g_memdup2 (&id, sizeof id), g_memdup2 (&n, sizeof n));
  return TRUE;
}

/* The period's concerns counted by @column (category_id, channel_id) into @counts (id → count,
 * only the ids that have some). Without a station each id is one range of its (id, received_at)
 * index, read without touching a row; a station's concerns are grouped as they are read. */
static gboolean
count_concerns_by (Export      *self,
                   const char  *column,
                   const char  *table,
                   GHashTable  *counts,
                   GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (self->options->station_id == 0)
    sql = g_strdup_printf ("SELECT t.id, (SELECT count(*) FROM concerns AS c WHERE c.%s = t.id"
                           " AND c.received_at >= ?4 AND c.received_at < ?5) FROM %s AS t",
                           column, table);
  else
    sql = g_strdup_printf ("SELECT c.%s, count(*) FROM concerns AS c WHERE c.station_id = ?3"
                           " AND c.received_at >= ?4 AND c.received_at < ?5 GROUP BY 1", column);
  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  return each_row (self, stmt, FALSE, count_row, counts, error);
}

/* The concerns received in the part of @year-@month inside the period: a range of the
 * received_at index between the local midnights that bound it. */
static gboolean
count_concerns_in_month (Export        *self,
                         sqlite3_stmt  *stmt,
                         int            year,
                         int            month,
                         gint64        *n,
                         GError       **error)
{
  g_autoptr(GDate) first = g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);
  g_autoptr(GDate) last = g_date_new_dmy (g_date_get_days_in_month ((GDateMonth) month,
                                                                    (GDateYear) year),
                                          (GDateMonth) month, (GDateYear) year);
  g_autofree char *from_utc = local_midnight_utc (first, 0);
  g_autofree char *to_utc = local_midnight_utc (last, 1);
  const char *lower = g_strcmp0 (from_utc, self->from_utc) > 0 ? from_utc : self->from_utc;
  const char *upper = g_strcmp0 (to_utc, self->to_utc) < 0 ? to_utc : self->to_utc;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 6, lower, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, upper, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      set_sql_error (self, rc, error);
      return FALSE;
    }
  *n = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Most first, then by id. */
static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  const gint64 *x = *(gint64 * const *) a;
  const gint64 *y = *(gint64 * const *) b;
  gint64 nx = *(gint64 *) g_hash_table_lookup (counts, x);
  gint64 ny = *(gint64 *) g_hash_table_lookup (counts, y);

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return *x < *y ? -1 : *x > *y;
}

/* "label, count" rows of @counts (id → count), most first. */
static void
write_counts (Export        *self,
              lxw_worksheet *sheet,
              lxw_row_t     *row,
              GHashTable    *counts,
              GHashTable    *names,
              Range         *range)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort_with_data (keys, compare_counts, counts);

  range->first = *row;
  for (guint i = 0; i < keys->len; i++)
    {
      const gint64 *id = g_ptr_array_index (keys, i);
      const char *name = g_hash_table_lookup (names, id);

      summary_label (self, sheet, *row, name != NULL ? name : "", TRUE);
      put_number (self, sheet, *row, 1, (double) *(gint64 *) g_hash_table_lookup (counts, id));
      (*row)++;
    }
  range->last = *row > range->first ? *row - 1 : range->first;
}

static void
add_chart (Export        *self,
           lxw_worksheet *sheet,
           const char    *sheet_name,
           uint8_t        type,
           const char    *title,
           Range          range,
           lxw_row_t      at_row,
           double         y_scale)
{
  lxw_chart *chart = workbook_add_chart (self->workbook, type);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_options options = { .x_scale = 1.2, .y_scale = y_scale };
  g_autofree char *clean_title = clean_text (title, NULL);

  chart_series_set_categories (series, sheet_name, range.first, 0, range.last, 0);
  chart_series_set_values (series, sheet_name, range.first, 1, range.last, 1);
  chart_title_set_name (chart, clean_title);
  if (type == LXW_CHART_PIE)
    {
      /* Which slice is which, and its share. */
      chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
      chart_series_set_labels_options (series, LXW_FALSE, LXW_FALSE, LXW_FALSE);
      chart_series_set_labels_percentage (series);
    }
  else
    {
      lxw_chart_font slanted = { .rotation = -45 };

      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      /* Counts from zero, so that the bars compare honestly. */
      chart_axis_set_min (type == LXW_CHART_BAR ? chart->x_axis : chart->y_axis, 0);
      if (type == LXW_CHART_COLUMN)
        chart_axis_set_num_font (chart->x_axis, &slanted);
    }
  self->status |= worksheet_insert_chart_opt (sheet, at_row, 4, chart, &options);
}

static char *
reporting_unit (Export  *self,
                GError **error)
{
  sqlite3_stmt *stmt = prepare (self,
    "SELECT group_concat(unit, '、') FROM"
    " (SELECT DISTINCT coalesce(nullif(trim(s.reporting_unit), ''), s.name) AS unit"
    "    FROM stations AS s WHERE ?3 = 0 OR s.id = ?3 ORDER BY s.id)", error);
  char *unit = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    unit = g_strdup (col_text (stmt, 0) != NULL ? col_text (stmt, 0) : "");
  else
    set_sql_error (self, rc, error);
  sqlite3_finalize (stmt);
  return unit;
}

static char *
station_name (Export *self)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (self->options->station_id == 0)
    return g_strdup (_("All stations"));
  stmt = prepare (self, "SELECT name FROM stations WHERE id = ?3", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (col_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name != NULL ? name : g_strdup ("");
}

static gboolean
write_summary (Export  *self,
               GError **error)
{
  const char *sheet_name = _("Summary");
  lxw_worksheet *sheet = add_sheet (self, sheet_name);
  g_autofree char *unit = NULL;
  g_autofree char *station = station_name (self);
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LdReportPeriod report_period = { self->options->from, self->options->to,
                                   self->options->station_id, 0 };
  LdConcernFigures concerns = { 0 };
  LdSuggestionFigures suggestions = { 0 };
  LdEventFigures events = { 0 };
  gint64 held = 0, received = 0, attendances = 0;
  Range by_category, by_class = { 0, 0 }, by_month;
  g_autoptr(GHashTable) by_category_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                    g_free, g_free);
  g_autoptr(GHashTable) by_channel_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                   g_free, g_free);
  lxw_row_t row = 0;
  g_autoptr(GString) class_sql = NULL;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GDate) month = NULL;

  if ((unit = reporting_unit (self, error)) == NULL)
    return FALSE;
  if (!ld_report_concern_figures (self->store, &report_period, &concerns, error)
      || !ld_report_suggestion_figures (self->store, &report_period, &suggestions, error))
    return FALSE;
  if (!ld_report_event_figures (self->store, &report_period, &events, error)
      || !query_count (self,
                       "SELECT count(*) FROM events AS e WHERE e.kind = 'reception_day'"
                       " AND e.status = 'held' AND e.event_date BETWEEN ?1 AND ?2 [S:e]",
                       &held, error)
      || !query_count (self,
                       "SELECT count(*) FROM concerns AS c JOIN events AS e ON e.id = c.event_id"
                       " WHERE e.status <> 'cancelled' AND e.event_date BETWEEN ?1 AND ?2 [S:e]",
                       &received, error))
    {
      ld_suggestion_figures_clear (&suggestions);
      return FALSE;
    }
  for (guint i = 0; i < LD_REPORT_N_EVENT_KINDS; i++)
    attendances += events.attended[i];

  worksheet_set_column (sheet, 1, 1, 12, NULL);
  worksheet_set_column (sheet, 2, 2, 20, NULL);
  worksheet_set_column (sheet, 3, 3, 12, NULL);

  /* Translators: the title of the district workbook; %s is the reporting unit */
  title = g_strdup_printf (_("%s — work summary"), unit);
  /* Translators: the period of the district workbook, from and to dates, then the station */
  period = g_strdup_printf (_("%s to %s · %s"), self->options->from, self->options->to, station);
  {
    g_autofree char *clean = clean_text (title, NULL);

    /* Tall enough for the title's larger font (constant-memory: before the row is written). */
    self->status |= worksheet_set_row (sheet, 0, 24, NULL);
    self->status |= worksheet_merge_range (sheet, 0, 0, 0, 3, clean, self->title);
  }
  {
    g_autofree char *clean = clean_text (period, NULL);

    self->status |= worksheet_merge_range (sheet, 1, 0, 1, 3, clean, NULL);
  }
  row = 3;
  put_label (self, sheet, row, 0, C_("workbook column", "Item"), self->header);
  put_label (self, sheet, row, 1, C_("workbook column", "Value"), self->header);
  row++;

  row = summary_heading (self, sheet, row, C_("workbook heading", "Reception"));
  row = summary_line (self, sheet, row, _("Reception days held"), held);
  row = summary_line (self, sheet, row, _("Deputies’ attendances"), attendances);
  row = summary_line (self, sheet, row, _("Residents received"), received);

  row = summary_heading (self, sheet, row, _("Concerns by state"));
  row = summary_line (self, sheet, row, _("Concerns received"), concerns.received);
  for (guint i = 0; i < LD_CONCERN_N_STATES; i++)
    row = summary_line (self, sheet, row, ld_concern_state_to_string (i), concerns.by_state[i]);

  if (!count_concerns_by (self, "category_id", "concern_categories", by_category_counts, error)
      || !count_concerns_by (self, "channel_id", "channels", by_channel_counts, error))
    goto failed;

  row = summary_heading (self, sheet, row, _("Concerns by category"));
  write_counts (self, sheet, &row, by_category_counts, self->categories, &by_category);
  row = summary_heading (self, sheet, row, _("Concerns by channel"));
  {
    Range ignored;

    write_counts (self, sheet, &row, by_channel_counts, self->channels, &ignored);
  }

  row = summary_heading (self, sheet, row, _("Concerns per month"));
  {
    sqlite3_stmt *stmt = prepare_station (self,
      "SELECT count(*) FROM concerns AS c WHERE c.received_at >= ?6 AND c.received_at < ?7"
      " [S:c]", error);
    int year, mon, last_year, last_mon;

    if (stmt == NULL)
      goto failed;
    year = (int) g_ascii_strtoll (self->options->from, NULL, 10);
    mon = (int) g_ascii_strtoll (self->options->from + 5, NULL, 10);
    last_year = (int) g_ascii_strtoll (self->options->to, NULL, 10);
    last_mon = (int) g_ascii_strtoll (self->options->to + 5, NULL, 10);
    by_month.first = row;
    while (year * 12 + mon <= last_year * 12 + last_mon)
      {
        g_autofree char *label = g_strdup_printf ("%04d-%02d", year, mon);
        gint64 n = 0;

        if (!count_concerns_in_month (self, stmt, year, mon, &n, error))
          {
            sqlite3_finalize (stmt);
            goto failed;
          }
        row = summary_line (self, sheet, row, label, n);
        if (++mon > 12)
          {
            mon = 1;
            year++;
          }
      }
    sqlite3_finalize (stmt);
    by_month.last = row > by_month.first ? row - 1 : row;
  }

  row = summary_heading (self, sheet, row, _("Suggestions by state"));
  for (guint i = 0; i < LD_SUGGESTION_N_STATES; i++)
    row = summary_line (self, sheet, row, ld_suggestion_state_to_string (i), suggestions.by_state[i]);

  row = summary_heading (self, sheet, row, _("Suggestions assigned in the period"));
  row = summary_line (self, sheet, row, C_("workbook figure", "Assigned"), suggestions.assigned);
  row = summary_line (self, sheet, row, _("Answered"), suggestions.answered);
  row = summary_line (self, sheet, row, _("Answered on time"), suggestions.answered_on_time);
  row = summary_line (self, sheet, row, _("Evaluated"), suggestions.rated);
  row = summary_line (self, sheet, row, ld_satisfaction_to_string ("satisfied"), suggestions.satisfied);
  row = summary_line (self, sheet, row, ld_satisfaction_to_string ("basically_satisfied"),
                      suggestions.basically_satisfied);
  row = summary_line (self, sheet, row, ld_satisfaction_to_string ("dissatisfied"),
                      suggestions.dissatisfied);

  row = summary_heading (self, sheet, row, _("Answers by class"));
  class_sql = g_string_new ("SELECT id, n FROM (SELECT 0 AS id, 0 AS n, 0 AS p");
  g_hash_table_iter_init (&iter, suggestions.by_class);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (class_sql,
                            " UNION ALL SELECT a.id, %" G_GINT64_FORMAT ", a.position"
                            " FROM answer_classes AS a WHERE a.id = %" G_GINT64_FORMAT,
                            *(gint64 *) value, *(gint64 *) key);
  g_string_append (class_sql, ") WHERE id <> 0 ORDER BY p, id");
  if (!summary_list (self, sheet, &row, class_sql->str, self->classes, &by_class, error))
    goto failed;

  row = summary_heading (self, sheet, row, _("Rates"));
  summary_label (self, sheet, row, _("Reply rate"), FALSE);
  put_rate (self, sheet, row, 1, ld_suggestion_figures_reply_rate (&suggestions));
  put_label (self, sheet, row, 2, _("On-time rate"), self->indent);
  put_rate (self, sheet, row++, 3, ld_suggestion_figures_on_time_rate (&suggestions));
  summary_label (self, sheet, row, _("Satisfaction rate"), FALSE);
  put_rate (self, sheet, row, 1, ld_suggestion_figures_satisfaction_rate (&suggestions));
  put_label (self, sheet, row, 2, _("Solved rate"), self->indent);
  put_rate (self, sheet, row++, 3, ld_suggestion_figures_solved_rate (&suggestions));

  row++;
  today = g_date_time_format (now, "%Y-%m-%d");
  {
    /* Translators: the footer of the district workbook */
    g_autofree char *line = g_strdup_printf (_("Reporting unit: %s"), unit);

    put_text (self, sheet, row++, 0, line, FALSE);
  }
  {
    /* Translators: the footer of the district workbook; %s is who made it */
    g_autofree char *line = g_strdup_printf (_("Prepared by: %s"), self->options->operator);

    put_text (self, sheet, row++, 0, line, FALSE);
  }
  summary_label (self, sheet, row, _("Date:"), FALSE);
  put_date (self, sheet, row++, 1, today);
  /* Set last, when the labels are known: the columns are written when the workbook closes. */
  worksheet_set_column (sheet, 0, 0, CLAMP (self->label_width, 28, 60), NULL);

  /* Beside the figures, one below the other; the bars tall enough for a label each. */
  add_chart (self, sheet, sheet_name, LXW_CHART_BAR, _("Concerns by category"), by_category, 3,
             1.2);
  add_chart (self, sheet, sheet_name, LXW_CHART_PIE, _("Answers by class"), by_class, 21, 0.85);
  /* Short enough to end above the first page's foot, as LibreOffice and Excel print it. */
  add_chart (self, sheet, sheet_name, LXW_CHART_COLUMN, _("Concerns per month"), by_month, 34,
             0.75);

  ld_suggestion_figures_clear (&suggestions);
  return TRUE;

failed:
  ld_suggestion_figures_clear (&suggestions);
  return FALSE;
}

/* A sheet's rows: each counts towards the progress and may be cancelled. */
static gboolean
step_rows (Export        *self,
           sqlite3_stmt  *stmt,
           GError       **error,
           gboolean     (*write_row) (Export *self, sqlite3_stmt *stmt, gpointer data),
           gpointer       data)
{
  return each_row (self, stmt, TRUE, write_row, data, error);
}

typedef struct
{
  lxw_worksheet *sheet;
  guint64        row;
  guint          columns;
} Table;

/* ------------------------------------------------------------------ reception days */

static gboolean
event_row (Export       *self,
           sqlite3_stmt *stmt,
           gpointer      data)
{
  Table *t = data;
  lxw_row_t row = (lxw_row_t) ++t->row;

  put_date (self, t->sheet, row, 0, col_text (stmt, 0));
  put_label (self, t->sheet, row, 1, ld_event_kind_to_string (col_text (stmt, 1)), NULL);
  put_text (self, t->sheet, row, 2, col_text (stmt, 2), TRUE);
  put_text (self, t->sheet, row, 3, col_text (stmt, 3), TRUE);
  put_text (self, t->sheet, row, 4, col_text (stmt, 4), TRUE);
  put_number (self, t->sheet, row, 5, (double) sqlite3_column_int64 (stmt, 5));
  return self->status == LXW_NO_ERROR;
}

#define DEPUTY_NAMES(role) \
  "(SELECT group_concat(name, '、') FROM (SELECT d.name FROM event_deputies AS ed" \
  " JOIN deputies AS d ON d.id = ed.deputy_id WHERE ed.event_id = e.id AND ed.role = '" role "'" \
  " ORDER BY d.name, d.id))"

static gboolean
write_events (Export  *self,
              GError **error)
{
  static const double widths[] = { 12, 14, 28, 28, 28, 12 };
  const char *headers[] = {
    C_("workbook column", "Date"), C_("workbook column", "Kind"),
    C_("workbook column", "Place"), C_("workbook column", "Deputies on duty"),
    C_("workbook column", "Deputies attended"), C_("workbook column", "Residents received"),
  };
  Table t = { add_sheet (self, _("Reception days")), 0, G_N_ELEMENTS (headers) };
  sqlite3_stmt *stmt;

  put_headers (self, t.sheet, headers, widths, t.columns);
  stmt = prepare_station (self,
    "SELECT e.event_date, e.kind, e.place, " DEPUTY_NAMES ("on_duty") ", "
    DEPUTY_NAMES ("attended") ","
    " (SELECT count(*) FROM concerns AS c WHERE c.event_id = e.id)"
    " FROM events AS e WHERE e.status <> 'cancelled' AND e.event_date BETWEEN ?1 AND ?2 [S:e]"
    " ORDER BY e.event_date, e.start_time, e.id", error);
  if (stmt == NULL || !step_rows (self, stmt, error, event_row, &t))
    return FALSE;
  finish_table (t.sheet, t.row, t.columns);
  return TRUE;
}

/* ------------------------------------------------------------------ concerns */

static const double concern_widths[] = { 8, 12, 12, 12, 10, 14, 16, 14, 40, 12, 20, 12, 12, 12 };

static void
concern_headers (Export        *self,
                 lxw_worksheet *sheet)
{
  const char *headers[] = {
    C_("workbook column", "No."), C_("workbook column", "Number"),
    C_("workbook column", "Date"), C_("workbook column", "Channel"),
    C_("workbook column", "Resident"), C_("workbook column", "Phone"),
    C_("workbook column", "Community"), C_("workbook column", "Category"),
    C_("workbook column", "Subject"), C_("workbook column", "State"),
    C_("workbook column", "Unit"), C_("workbook column", "Due"),
    C_("workbook column", "Concluded"), C_("workbook column", "Satisfaction"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (concern_widths));
  put_headers (self, sheet, headers, concern_widths, G_N_ELEMENTS (headers));
}

typedef struct
{
  Table   table;
  guint64 serial;
  guint   sheets;
} ConcernTable;

static gboolean
concern_row (Export       *self,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  ConcernTable *ct = data;
  Table *t = &ct->table;
  gboolean masked = !self->options->unmasked || sqlite3_column_int (stmt, 4) != 0;
  const char *name = col_text (stmt, 5);
  const char *phone = col_text (stmt, 6);
  const char *state = col_text (stmt, 10);
  const char *satisfaction = col_text (stmt, 14);
  char number[32];
  lxw_row_t row;
  int state_index;

  if (t->row >= max_rows_per_sheet)
    {
      g_autofree char *name2 = NULL;

      finish_table (t->sheet, t->row, t->columns);
      ct->sheets++;
      /* Translators: the name of a continuation sheet; %s is the sheet name, %u its number */
      name2 = g_strdup_printf (_("%s (%u)"), _("Concerns"), ct->sheets);
      t->sheet = add_sheet (self, name2);
      t->row = 0;
      concern_headers (self, t->sheet);
    }
  row = (lxw_row_t) ++t->row;

  put_number (self, t->sheet, row, 0, (double) ++ct->serial);
  g_snprintf (number, sizeof number, "%d-%04d", sqlite3_column_int (stmt, 0),
              sqlite3_column_int (stmt, 1));
  put_label (self, t->sheet, row, 1, number, NULL);
  put_date (self, t->sheet, row, 2, col_text (stmt, 2));
  put_text (self, t->sheet, row, 3, lookup (self->channels, stmt, 3), FALSE);
  if (name != NULL)
    {
      g_autofree char *shown = masked ? ld_mask_name (name) : NULL;

      put_text (self, t->sheet, row, 4, shown != NULL ? shown : name, FALSE);
    }
  if (phone != NULL)
    {
      g_autofree char *shown = masked ? ld_mask_phone (phone) : NULL;

      put_text (self, t->sheet, row, 5, shown != NULL ? shown : phone, FALSE);
    }
  put_text (self, t->sheet, row, 6, col_text (stmt, 7), FALSE);
  put_text (self, t->sheet, row, 7, lookup (self->categories, stmt, 8), FALSE);
  put_text (self, t->sheet, row, 8, col_text (stmt, 9), TRUE);
  state_index = ld_concern_state_from_id (state);
  if (state_index >= 0)
    put_label (self, t->sheet, row, 9, ld_concern_state_to_string (state_index), NULL);
  put_text (self, t->sheet, row, 10, lookup (self->units, stmt, 11), FALSE);
  put_date (self, t->sheet, row, 11, col_text (stmt, 12));
  put_date (self, t->sheet, row, 12, col_text (stmt, 13));
  if (satisfaction != NULL)
    put_label (self, t->sheet, row, 13, ld_satisfaction_to_string (satisfaction), NULL);
  return self->status == LXW_NO_ERROR;
}

static gboolean
write_concerns (Export  *self,
                GError **error)
{
  ConcernTable ct = { { add_sheet (self, _("Concerns")), 0, G_N_ELEMENTS (concern_widths) }, 0, 1 };
  sqlite3_stmt *stmt;

  concern_headers (self, ct.table.sheet);
  /* Concerns of one station come in (station_id, received_at) index order, of all stations in
   * received_at order: no sort, the rows stream straight from the index. */
  stmt = prepare_station (self,
    "SELECT c.ref_year, c.ref_seq, date(c.received_at, 'localtime'), c.channel_id,"
    " c.confidential, r.name, r.phone, r.community, c.category_id, c.subject, c.state,"
    " c.unit_id, c.due_date, c.concluded_date, c.satisfaction"
    " FROM concerns AS c LEFT JOIN residents AS r ON r.id = c.resident_id"
    " WHERE c.received_at >= ?4 AND c.received_at < ?5 [S:c]"
    " ORDER BY c.received_at, c.id", error);
  if (stmt == NULL || !step_rows (self, stmt, error, concern_row, &ct))
    return FALSE;
  finish_table (ct.table.sheet, ct.table.row, ct.table.columns);
  return TRUE;
}

/* ------------------------------------------------------------------ suggestions */

static gboolean
suggestion_row (Export       *self,
                sqlite3_stmt *stmt,
                gpointer      data)
{
  Table *t = data;
  lxw_row_t row = (lxw_row_t) ++t->row;
  const char *evaluation = col_text (stmt, 10);

  put_text (self, t->sheet, row, 0, col_text (stmt, 0), FALSE);
  put_text (self, t->sheet, row, 1, col_text (stmt, 1), TRUE);
  put_text (self, t->sheet, row, 2, col_text (stmt, 2), FALSE);
  put_text (self, t->sheet, row, 3, col_text (stmt, 3), TRUE);
  put_text (self, t->sheet, row, 4, lookup (self->suggestion_categories, stmt, 4), FALSE);
  put_text (self, t->sheet, row, 5, col_text (stmt, 5), TRUE);
  put_date (self, t->sheet, row, 6, col_text (stmt, 6));
  put_date (self, t->sheet, row, 7, col_text (stmt, 7));
  put_date (self, t->sheet, row, 8, col_text (stmt, 8));
  put_text (self, t->sheet, row, 9, lookup (self->classes, stmt, 9), FALSE);
  if (evaluation != NULL)
    put_label (self, t->sheet, row, 10, ld_satisfaction_to_string (evaluation), NULL);
  put_label (self, t->sheet, row, 11,
             sqlite3_column_int (stmt, 11) != 0 ? _("Yes") : _("No"), NULL);
  put_text (self, t->sheet, row, 12, col_text (stmt, 12), TRUE);
  return self->status == LXW_NO_ERROR;
}

static gboolean
write_suggestions (Export  *self,
                   GError **error)
{
  static const double widths[] = { 12, 36, 12, 24, 14, 24, 12, 12, 12, 10, 12, 10, 20 };
  const char *headers[] = {
    C_("workbook column", "Number"), C_("workbook column", "Title"),
    C_("workbook column", "Lead deputy"), C_("workbook column", "Co-signing deputies"),
    C_("workbook column", "Category"), C_("workbook column", "Units"),
    C_("workbook column", "Assigned"), C_("workbook column", "Due"),
    C_("workbook column", "Answered"), C_("workbook column", "Class"),
    C_("workbook column", "Evaluation"), C_("workbook column", "Key supervision"),
    C_("workbook column", "Linked concerns"),
  };
  Table t = { add_sheet (self, _("Suggestions")), 0, G_N_ELEMENTS (headers) };
  sqlite3_stmt *stmt;

  put_headers (self, t.sheet, headers, widths, t.columns);
  /* The suggestions of the period: assigned in it, or (not yet assigned) created in it. */
  stmt = prepare_station (self,
    "SELECT s.number, s.title,"
    " (SELECT d.name FROM suggestion_deputies AS sd JOIN deputies AS d ON d.id = sd.deputy_id"
    "   WHERE sd.suggestion_id = s.id AND sd.role = 'lead'),"
    " (SELECT group_concat(name, '、') FROM (SELECT d.name FROM suggestion_deputies AS sd"
    "   JOIN deputies AS d ON d.id = sd.deputy_id"
    "   WHERE sd.suggestion_id = s.id AND sd.role = 'co_signer' ORDER BY d.name, d.id)),"
    " s.category_id,"
    " (SELECT group_concat(name, '、') FROM (SELECT u.name FROM suggestion_units AS su"
    "   JOIN units AS u ON u.id = su.unit_id WHERE su.suggestion_id = s.id"
    "   ORDER BY su.role = 'co', u.name, u.id)),"
    " s.assigned_date, s.due_date, s.answer_date, s.answer_class_id, s.evaluation,"
    " s.key_supervision,"
    " (SELECT group_concat(ref, '、') FROM (SELECT printf('%d-%04d', c.ref_year, c.ref_seq) AS ref"
    "   FROM suggestion_concerns AS sc JOIN concerns AS c ON c.id = sc.concern_id"
    "   WHERE sc.suggestion_id = s.id ORDER BY c.ref_year, c.ref_seq))"
    " FROM suggestions AS s"
    " WHERE (s.assigned_date BETWEEN ?1 AND ?2"
    "        OR (s.assigned_date IS NULL AND s.created_at >= ?4 AND s.created_at < ?5)) [S:s]"
    " ORDER BY s.assigned_date IS NULL, s.assigned_date, s.number, s.id", error);
  if (stmt == NULL || !step_rows (self, stmt, error, suggestion_row, &t))
    return FALSE;
  finish_table (t.sheet, t.row, t.columns);
  return TRUE;
}

/* ------------------------------------------------------------------ deputies */

/* A deputy's events by role, then suggestions by role, in the period. */
enum { ON_DUTY, ATTENDED, ON_LEAVE, LEAD, CO_SIGNER, N_DEPUTY_FIGURES };

typedef struct
{
  Table       table;
  GHashTable *figures;   /* deputy id → gint64[N_DEPUTY_FIGURES] */
} DeputyTable;

static gboolean
deputy_row (Export       *self,
            sqlite3_stmt *stmt,
            gpointer      data)
{
  static const gint64 none[N_DEPUTY_FIGURES] = { 0 };
  DeputyTable *dt = data;
  Table *t = &dt->table;
  lxw_row_t row = (lxw_row_t) ++t->row;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const gint64 *figures = g_hash_table_lookup (dt->figures, &id);
  double columns[6];

  if (figures == NULL)
    figures = none;
  columns[0] = (double) figures[ON_DUTY];
  columns[1] = (double) figures[ATTENDED];
  columns[2] = (double) figures[ON_LEAVE];
  columns[3] = (double) sqlite3_column_int64 (stmt, 3);
  columns[4] = (double) figures[LEAD];
  columns[5] = (double) figures[CO_SIGNER];
  put_text (self, t->sheet, row, 0, col_text (stmt, 1), FALSE);
  put_text (self, t->sheet, row, 1, ld_deputy_level_to_string (col_text (stmt, 2)), FALSE);
  for (int i = 0; i < 6; i++)
    put_number (self, t->sheet, row, (lxw_col_t) (i + 2), columns[i]);
  return self->status == LXW_NO_ERROR;
}

typedef struct
{
  const char * const *roles;
  guint               first;
  GHashTable         *figures;
} DeputyFigures;

static gboolean
deputy_figures_row (Export       *self,
                    sqlite3_stmt *stmt,
                    gpointer      data)
{
  DeputyFigures *f = data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *role = col_text (stmt, 1);
  gint64 *counts = g_hash_table_lookup (f->figures, &id);

  if (counts == NULL)
    {
      counts = g_new0 (gint64, N_DEPUTY_FIGURES);
      g_hash_table_insert (f->figures, g_memdup2 (&id, sizeof id), counts);
    }
  for (guint i = 0; f->roles[i] != NULL; i++)
    if (g_strcmp0 (role, f->roles[i]) == 0)
      counts[f->first + i] += sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* Adds the counts of @sql (deputy id, role, count) to @figures, the roles from @first on. One
 * GROUP BY over the period's events or suggestions: it costs what the period holds, not what
 * the roster does. */
static gboolean
add_deputy_figures (Export              *self,
                    const char          *sql,
                    const char * const  *roles,
                    guint                first,
                    GHashTable          *figures,
                    GError             **error)
{
  sqlite3_stmt *stmt = prepare_station (self, sql, error);
  DeputyFigures f = { roles, first, figures };

  return stmt != NULL && each_row (self, stmt, FALSE, deputy_figures_row, &f, error);
}

static gboolean
write_deputies (Export  *self,
                GError **error)
{
  static const double widths[] = { 14, 12, 10, 10, 10, 12, 12, 12 };
  const char *headers[] = {
    C_("workbook column", "Deputy"), C_("workbook column", "Level"),
    C_("workbook column", "On duty"), C_("workbook column", "Attended"),
    C_("workbook column", "On leave"), C_("workbook column", "Concerns received"),
    C_("workbook column", "Suggestions led"), C_("workbook column", "Suggestions co-signed"),
  };
  static const char * const event_roles[] = { "on_duty", "attended", "on_leave", NULL };
  static const char * const suggestion_roles[] = { "lead", "co_signer", NULL };
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  DeputyTable dt = { { add_sheet (self, _("Deputies")), 0, G_N_ELEMENTS (headers) }, figures };
  Table *t = &dt.table;
  const char *concern_counts;
  g_autofree char *sql = NULL;
  gint64 all_concerns = 0;
  sqlite3_stmt *stmt;

  put_headers (self, t->sheet, headers, widths, t->columns);
  /* Events not cancelled, by event_date; suggestions by submitted_date and role: as ld-report
   * counts them. */
  if (!add_deputy_figures (self,
                           "SELECT ed.deputy_id, ed.role, count(*) FROM events AS e"
                           " JOIN event_deputies AS ed ON ed.event_id = e.id"
                           " WHERE e.status <> 'cancelled' AND e.event_date BETWEEN ?1 AND ?2"
                           " [S:e] GROUP BY 1, 2", event_roles, ON_DUTY, figures, error)
      || !add_deputy_figures (self,
                              "SELECT sd.deputy_id, sd.role, count(*) FROM suggestions AS s"
                              " JOIN suggestion_deputies AS sd ON sd.suggestion_id = s.id"
                              " WHERE s.submitted_date BETWEEN ?1 AND ?2 [S:s] GROUP BY 1, 2",
                              suggestion_roles, LEAD, figures, error))
    return FALSE;
  /* The concerns received with each deputy in the period: one GROUP BY over the period's
   * concerns, however many deputies there are. When the period holds most of the concerns of
   * all stations (a year's archive, everything), the deputies' concerns of all time (their
   * index alone) less those received outside the period cost less. */
  /* The largest id stands for the number of concerns: it only chooses the cheaper way, both
   * count the same, and counting a million index entries would cost more than it saves. */
  if (self->options->station_id == 0
      && !query_count (self, "SELECT ifnull(max(id), 0) FROM concerns", &all_concerns, error))
    return FALSE;
  if (self->options->station_id == 0 && self->concerns > all_concerns / 2)
    concern_counts =
      "(SELECT a.deputy_id AS deputy_id, a.n - ifnull(o.n, 0) AS concerns"
      "  FROM (SELECT deputy_id, count(*) AS n FROM concern_deputies GROUP BY deputy_id) AS a"
      "  LEFT JOIN (SELECT deputy_id, count(*) AS n FROM"
      "   (SELECT cd.deputy_id FROM concerns AS c CROSS JOIN concern_deputies AS cd"
      "     ON cd.concern_id = c.id WHERE c.received_at < ?4"
      "    UNION ALL SELECT cd.deputy_id FROM concerns AS c CROSS JOIN concern_deputies AS cd"
      "     ON cd.concern_id = c.id WHERE c.received_at >= ?5) GROUP BY deputy_id) AS o"
      "  ON o.deputy_id = a.deputy_id)";
  else
    concern_counts =
      "(SELECT cd.deputy_id AS deputy_id, count(*) AS concerns FROM concerns AS c"
      "  JOIN concern_deputies AS cd ON cd.concern_id = c.id"
      "  WHERE c.received_at >= ?4 AND c.received_at < ?5 [S:c] GROUP BY cd.deputy_id)";
  sql = g_strconcat ("SELECT d.id, d.name, d.level, ifnull(n.concerns, 0)"
                     " FROM deputies AS d LEFT JOIN ", concern_counts,
                     " AS n ON n.deputy_id = d.id WHERE 1 [S:d] ORDER BY d.name, d.id", NULL);
  stmt = prepare_station (self, sql, error);
  if (stmt == NULL || !step_rows (self, stmt, error, deputy_row, &dt))
    return FALSE;
  finish_table (t->sheet, t->row, t->columns);
  return TRUE;
}

/* ------------------------------------------------------------------ the workbook */

static gboolean
count_rows (Export  *self,
            GError **error)
{
  gint64 events = 0, concerns = 0, suggestions = 0, deputies = 0;

  if (!query_count (self, "SELECT count(*) FROM events AS e WHERE e.status <> 'cancelled'"
                          " AND e.event_date BETWEEN ?1 AND ?2 [S:e]", &events, error)
      || !query_count (self, "SELECT count(*) FROM concerns AS c"
                             " WHERE c.received_at >= ?4 AND c.received_at < ?5 [S:c]",
                       &concerns, error)
      || !query_count (self, "SELECT count(*) FROM suggestions AS s WHERE 1 [S:s]",
                       &suggestions, error)
      || !query_count (self, "SELECT count(*) FROM deputies AS d WHERE 1 [S:d]", &deputies, error))
    return FALSE;
  self->total = events + concerns + suggestions + deputies;
  self->concerns = concerns;
  return TRUE;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("There is not enough free disk space to write “%s”. Free some space or choose another place; no file was written."),
                 name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 /* Translators: %s is a folder name */
                 _("The folder “%s” cannot be written to. Choose another folder; no file was written."),
                 dir_name);
  else if ((saved_errno == ENOENT || saved_errno == ENOTDIR)
           && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 /* Translators: %s is a folder name */
                 _("There is no folder “%s”. Choose a folder that exists; no file was written."),
                 dir_name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: %s is a file name, then the system's reason */
                 _("Could not write “%s”: %s. No file was written."), name, g_strerror (saved_errno));
}

/* Whether the folder is (nearly) full: how a failure of the library, which does not always keep
 * errno, is told apart. */
static gboolean
dir_is_full (const char *dir)
{
  struct statvfs st;

  return statvfs (dir, &st) == 0 && (guint64) st.f_bavail * st.f_frsize < 256 * 1024;
}

/*
 * libxlsxwriter writes the rows of a sheet to a temporary file and ignores a failed write to it
 * (a full disk then gives a valid zip with rows missing). So before closing, each of those files
 * is flushed and checked, and its size kept: the sheet in the zip must be larger.
 */
static gboolean
flush_sheets (Export *self)
{
  for (guint i = 0; i < self->sheets->len; i++)
    {
      lxw_worksheet *sheet = g_ptr_array_index (self->sheets, i);
      guint64 size = 0;

      if (sheet->optimize_tmpfile != NULL)
        {
          off_t at;

          if (fflush (sheet->optimize_tmpfile) != 0 || ferror (sheet->optimize_tmpfile))
            return FALSE;
          at = ftello (sheet->optimize_tmpfile);
          size = at > 0 ? (guint64) at : 0;
        }
      g_array_append_val (self->sheet_sizes, size);
    }
  return TRUE;
}

static guint32
le32 (const guchar *p)
{
  return p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guchar *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

/* The uncompressed size of a central directory entry, from its ZIP64 extra field if need be. */
static guint64
entry_size (const guchar *entry,
            gsize         available)
{
  guint64 size = le32 (entry + 24);
  guint name_len = le16 (entry + 28);
  guint extra_len = le16 (entry + 30);
  const guchar *extra = entry + 46 + name_len;

  if (size != 0xFFFFFFFF)
    return size;
  for (guint at = 0; at + 4 <= extra_len && 46 + name_len + at + 12 <= available;)
    {
      guint id = le16 (extra + at);
      guint len = le16 (extra + at + 2);

      if (id == 0x0001 && len >= 8)
        return le32 (extra + at + 4) | ((guint64) le32 (extra + at + 8) << 32);
      at += 4 + len;
    }
  return 0;
}

/*
 * Re-opens the written file: a zip that starts with a local header, whose end record is there and
 * points to a central directory inside the file, in which every part has a size and every sheet
 * is larger than the rows written to its temporary file.
 */
static gboolean
check_zip (Export     *self,
           const char *path)
{
  guchar tail[65536 + 22];
  g_autofree guchar *directory = NULL;
  gboolean ok = FALSE;
  guint sheets_seen = 0;
  GStatBuf st;
  gssize n;
  off_t start;
  int fd;

  if (g_stat (path, &st) != 0 || st.st_size < 22 + 30)
    return FALSE;
  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  if (pread (fd, tail, 4, 0) != 4 || memcmp (tail, "PK\x03\x04", 4) != 0)
    goto out;
  start = st.st_size > (off_t) sizeof tail ? st.st_size - (off_t) sizeof tail : 0;
  n = pread (fd, tail, sizeof tail, start);
  for (gssize i = n - 22; i >= 0; i--)
    {
      guint entries;
      guint64 size, offset;
      gsize at = 0;

      if (memcmp (tail + i, "PK\x05\x06", 4) != 0)
        continue;
      entries = le16 (tail + i + 10);
      size = le32 (tail + i + 12);
      offset = le32 (tail + i + 16);
      if (offset == 0xFFFFFFFF || size == 0xFFFFFFFF || entries == 0xFFFF)
        {
          /* A ZIP64 directory: its record is there; the entries are not read again. */
          ok = entries > 0;
          goto out;
        }
      if (entries == 0 || size < 46 || offset + size > (guint64) (start + i) || size > 64 << 20)
        goto out;
      directory = g_malloc (size);
      if (pread (fd, directory, size, (off_t) offset) != (gssize) size)
        goto out;
      for (guint e = 0; e < entries; e++)
        {
          g_autofree char *name = NULL;
          guint name_len;
          guint64 entry_bytes;

          if (at + 46 > size || memcmp (directory + at, "PK\x01\x02", 4) != 0)
            goto out;
          name_len = le16 (directory + at + 28);
          if (at + 46 + name_len > size)
            goto out;
          name = g_strndup ((const char *) directory + at + 46, name_len);
          entry_bytes = entry_size (directory + at, size - at);
          if (entry_bytes == 0 && !g_str_has_suffix (name, "/"))
            goto out;
          if (g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml"))
            {
              guint index = (guint) g_ascii_strtoull (name + strlen ("xl/worksheets/sheet"), NULL, 10);

              if (index >= 1 && index <= self->sheet_sizes->len
                  && entry_bytes <= g_array_index (self->sheet_sizes, guint64, index - 1))
                goto out;
              sheets_seen++;
            }
          at += 46 + name_len + le16 (directory + at + 30) + le16 (directory + at + 32);
        }
      ok = sheets_seen == self->sheets->len;
      goto out;
    }

out:
  close (fd);
  return ok;
}

static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || (fsync (fd) != 0 && !(directory && errno == EINVAL)))
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_write_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
write_workbook (Export      *self,
                const char  *tmp,
                const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = dir,
                                   .use_zip64 = LXW_TRUE };
  lxw_error status;
  int saved_errno;

  errno = 0;
  if ((self->workbook = workbook_new_opt (tmp, &options)) == NULL)
    {
      set_write_error (error, errno != 0 ? errno : EIO, path);
      return FALSE;
    }
  self->bold = workbook_add_format (self->workbook);
  format_set_bold (self->bold);
  self->header = workbook_add_format (self->workbook);
  format_set_bold (self->header);
  format_set_bg_color (self->header, 0xDDE5F0);
  format_set_border (self->header, LXW_BORDER_THIN);
  self->title = workbook_add_format (self->workbook);
  format_set_bold (self->title);
  format_set_font_size (self->title, 16);
  format_set_align (self->title, LXW_ALIGN_CENTER);
  self->date = workbook_add_format (self->workbook);
  format_set_num_format (self->date, "yyyy-mm-dd");
  self->percent = workbook_add_format (self->workbook);
  format_set_num_format (self->percent, "0.0%");
  self->text = workbook_add_format (self->workbook);
  format_set_num_format (self->text, "@");
  self->wrap = workbook_add_format (self->workbook);
  format_set_text_wrap (self->wrap);
  format_set_align (self->wrap, LXW_ALIGN_VERTICAL_TOP);
  self->wrap_text = workbook_add_format (self->workbook);
  format_set_text_wrap (self->wrap_text);
  format_set_align (self->wrap_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (self->wrap_text, "@");
  self->indent = workbook_add_format (self->workbook);
  format_set_indent (self->indent, 1);

  if (!write_summary (self, error) || !write_events (self, error)
      || !write_concerns (self, error) || !write_suggestions (self, error)
      || !write_deputies (self, error))
    goto failed;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    goto failed;
  if (self->status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a technical reason */
                   _("Could not write the workbook: %s. No file was written."),
                   lxw_strerror (self->status));
      goto failed;
    }

  if (self->progress != NULL)
    self->progress (0.96, self->progress_data);
  if (!flush_sheets (self))
    {
      saved_errno = errno;
      set_write_error (error, saved_errno == ENOSPC || dir_is_full (dir) ? ENOSPC
                              : saved_errno != 0 ? saved_errno : EIO, path);
      goto failed_quietly;
    }
  errno = 0;
  status = workbook_close (self->workbook);
  saved_errno = errno;
  self->workbook = NULL;
  if (status != LXW_NO_ERROR)
    {
      if (saved_errno == ENOSPC || saved_errno == EDQUOT || dir_is_full (dir))
        set_write_error (error, ENOSPC, path);
      else if (saved_errno != 0)
        set_write_error (error, saved_errno, path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not write the workbook: %s. No file was written."),
                     lxw_strerror (status));
      return FALSE;
    }
  return TRUE;

failed:
  if (self->cancelled || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The export was cancelled; no file was written."));
    }
  else if (*error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the workbook: %s. No file was written."),
                 lxw_strerror (self->status));
failed_quietly:
  lxw_workbook_free (self->workbook);
  self->workbook = NULL;
  return FALSE;
}

static void
export_clear (Export *self)
{
  g_clear_object (&self->store);
  if (self->database != NULL)
    ld_database_close (self->database);
  g_clear_object (&self->database);
  g_clear_pointer (&self->from_utc, g_free);
  g_clear_pointer (&self->to_utc, g_free);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->units, g_hash_table_unref);
  g_clear_pointer (&self->classes, g_hash_table_unref);
  g_clear_pointer (&self->suggestion_categories, g_hash_table_unref);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->sheet_sizes, g_array_unref);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
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
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
local_midnight_utc (const GDate *date,
                    int          days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) shifted = local != NULL ? g_date_time_add_days (local, days) : NULL;
  g_autoptr(GDateTime) utc = shifted != NULL ? g_date_time_to_utc (shifted) : NULL;

  return utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static gboolean
record_export (LdDatabase             *database,
               const char             *path,
               const LdExportOptions  *options,
               GError                **error)
{
  sqlite3 *db = ld_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  const char *operator = options->operator;
  int rc;

  if (operator == NULL || operator[0] == '\0')
    operator = g_get_user_name ();
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO export_log (station_id, operator, kind, period_from,"
                           " period_to, masked, file_path)"
                           " VALUES (?1, ?2, 'district_workbook', ?3, ?4, ?5, ?6)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      if (options->station_id != 0)
        sqlite3_bind_int64 (stmt, 1, options->station_id);
      sqlite3_bind_text (stmt, 2, operator, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, options->from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, options->to, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, options->unmasked ? 0 : 1);
      sqlite3_bind_text (stmt, 6, absolute, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ld_database_set_error_from_sqlite (error, db, rc, _("Recording the export"));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_xlsx_export_write:
 *
 * See the header. The export is recorded in export_log through @database (the caller's own
 * connection) in one transaction that commits only once the file is in place: the record and
 * the file exist together or not at all (a failure to commit after the rename removes the new
 * file and reports it).
 */
gboolean
ld_xlsx_export_write (LdDatabase             *database,
                      const char             *path,
                      const LdExportOptions  *options,
                      LdExportProgress        progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  Export self = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GDate from, to;
  int fd;
  int saved_errno;
  GError *local_error = NULL;

  g_return_val_if_fail (LD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_date (options->from, &from) || !parse_date (options->to, &to))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period must be given as two dates like 2026-01-31."));
      return FALSE;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period ends before it begins."));
      return FALSE;
    }

  self.options = options;
  self.progress = progress;
  self.progress_data = progress_data;
  self.cancellable = cancellable;
  self.sheets = g_ptr_array_new ();
  self.sheet_sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  self.from_utc = local_midnight_utc (&from, 0);
  self.to_utc = local_midnight_utc (&to, 1);

  self.database = ld_database_open_read_only (ld_database_get_path (database), &local_error);
  if (self.database == NULL)
    goto failed;
  self.db = ld_database_get_handle (self.database);
  self.store = ld_store_new (self.database);
  /* One read transaction: every sheet sees the same records. */
  if (sqlite3_exec (self.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
      || !load_list (&self, "concern_categories", LD_LIST_CONCERN_CATEGORY, &self.categories, &local_error)
      || !load_list (&self, "channels", LD_LIST_CHANNEL, &self.channels, &local_error)
      || !load_list (&self, "answer_classes", LD_LIST_ANSWER_CLASS, &self.classes, &local_error)
      || !load_list (&self, "suggestion_categories", LD_LIST_SUGGESTION_CATEGORY,
                     &self.suggestion_categories, &local_error)
      /* (units have no seed, so the kind is never looked at) */
      || !load_list (&self, "units", LD_LIST_CONCERN_CATEGORY, &self.units, &local_error)
      || !count_rows (&self, &local_error))
    goto failed;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* Reserves the name (0600: the workbook holds residents' data); the library rewrites it. */
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_write_error (&local_error, errno, path);
      g_clear_pointer (&tmp, g_free);
      goto failed;
    }
  close (fd);

  if (!write_workbook (&self, tmp, path, &local_error))
    goto failed;
  if (!check_zip (&self, tmp))
    {
      if (dir_is_full (dir))
        set_write_error (&local_error, ENOSPC, path);
      else
        g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The written workbook was incomplete, so it was not kept. No file was written."));
      goto failed;
    }
  if (!sync_path (tmp, FALSE, &local_error))
    goto failed;
  sqlite3_exec (self.db, "COMMIT", NULL, NULL, NULL);
  export_clear (&self);

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("The export was cancelled; no file was written."));
      goto failed;
    }

  if (!ld_database_begin_immediate (database, &local_error))
    goto failed;
  if (!record_export (database, path, options, &local_error))
    {
      ld_database_rollback (database);
      goto failed;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      ld_database_rollback (database);
      set_write_error (&local_error, saved_errno, path);
      goto failed;
    }
  g_clear_pointer (&tmp, g_free);
  if (!ld_database_commit (database, &local_error))
    {
      g_unlink (path);
      goto failed;
    }
  sync_path (dir, TRUE, NULL);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

failed:
  if (tmp != NULL)
    g_unlink (tmp);
  export_clear (&self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Testing only: how many rows a sheet of concerns takes before the next one starts (0: as many
 * as Excel allows). */
void
ld_xlsx_export_set_max_rows (guint64 rows)
{
  max_rows_per_sheet = rows == 0 || rows > SHEET_ROWS_MAX ? SHEET_ROWS_MAX : rows;
}

/* ------------------------------------------------------------------ async */

typedef struct
{
  LdDatabase       *database;
  char             *path;
  LdExportOptions   options;
  char             *from;
  char             *to;
  char             *operator;
  LdExportProgress  progress;
  gpointer          progress_data;
  GMainContext     *context;
  /* The last fraction sent, ×1000, so that the main context gets at most 1000 calls. */
  gint              sent;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *d = data;

  g_clear_object (&d->database);
  g_free (d->path);
  g_free (d->from);
  g_free (d->to);
  g_free (d->operator);
  g_main_context_unref (d->context);
  g_free (d);
}

typedef struct
{
  LdExportProgress progress;
  gpointer         progress_data;
  double           fraction;
} ProgressCall;

static gboolean
progress_in_main (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (double   fraction,
                      gpointer user_data)
{
  AsyncData *d = user_data;
  gint step = (gint) (fraction * 1000);
  ProgressCall *call;

  if (d->progress == NULL || step <= d->sent)
    return;
  d->sent = step;
  call = g_new (ProgressCall, 1);
  call->progress = d->progress;
  call->progress_data = d->progress_data;
  call->fraction = fraction;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, progress_in_main, call, g_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;

  if (ld_xlsx_export_write (d->database, d->path, &d->options, progress_from_thread, d,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ld_xlsx_export_async (LdDatabase             *database,
                      const char             *path,
                      const LdExportOptions  *options,
                      LdExportProgress        progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (LD_IS_DATABASE (database));
  g_return_if_fail (path != NULL);
  g_return_if_fail (options != NULL);

  d = g_new0 (AsyncData, 1);
  d->database = g_object_ref (database);
  d->path = g_strdup (path);
  d->from = g_strdup (options->from);
  d->to = g_strdup (options->to);
  d->operator = g_strdup (options->operator);
  d->options = *options;
  d->options.from = d->from;
  d->options.to = d->to;
  d->options.operator = d->operator;
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();
  d->sent = -1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ld_xlsx_export_async);
  g_task_set_task_data (task, d, async_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ld_xlsx_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

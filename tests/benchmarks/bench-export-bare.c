/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The floor for the district workbook: the cells of the sheets the benchmarks' database fills
 * (Concerns, one row per concern of the period; Deputies, one row per deputy with two texts and
 * six figures), each read with one plain SELECT and written with libxlsxwriter in
 * constant-memory mode, with nothing else: no cleaning, masking, lookups, figures counted,
 * summary, charts or checks. With "concerns" last, only the Concerns sheet. Used by bench-export.
 *
 *   bench-export-bare DB OUT.xlsx FROM_UTC TO_UTC [concerns]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void
put_date (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const unsigned char *text,
          lxw_format *format)
{
  lxw_datetime dt = { 0 };

  if (text == NULL)
    return;
  dt.year = atoi ((const char *) text);
  dt.month = atoi ((const char *) text + 5);
  dt.day = atoi ((const char *) text + 8);
  worksheet_write_datetime (sheet, row, col, &dt, format);
}

static void
put_string (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const unsigned char *text)
{
  if (text != NULL)
    worksheet_write_string (sheet, row, col, (const char *) text, NULL);
}

int
main (int argc, char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  sqlite3 *db;
  sqlite3_stmt *stmt;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *date;
  lxw_row_t row = 0;
  char number[32];
  int concerns_only = argc == 6 && strcmp (argv[5], "concerns") == 0;

  if ((argc != 5 && !concerns_only)
      || sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return 2;
  sqlite3_prepare_v2 (db,
    "SELECT c.ref_year, c.ref_seq, date(c.received_at, 'localtime'), ch.seed_key, r.name,"
    " r.phone, r.community, cc.seed_key, c.subject, c.state, u.name, c.due_date,"
    " c.concluded_date, c.satisfaction"
    " FROM concerns AS c LEFT JOIN residents AS r ON r.id = c.resident_id"
    " JOIN channels AS ch ON ch.id = c.channel_id"
    " JOIN concern_categories AS cc ON cc.id = c.category_id"
    " LEFT JOIN units AS u ON u.id = c.unit_id"
    " WHERE c.received_at >= ?1 AND c.received_at < ?2 ORDER BY c.received_at, c.id",
    -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, argv[3], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, argv[4], -1, SQLITE_STATIC);

  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, "Concerns");
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");
  for (int i = 0; i < 14; i++)
    worksheet_write_string (sheet, 0, i, "header", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row++;
      worksheet_write_number (sheet, row, 0, row, NULL);
      snprintf (number, sizeof number, "%d-%04d", sqlite3_column_int (stmt, 0),
                sqlite3_column_int (stmt, 1));
      worksheet_write_string (sheet, row, 1, number, NULL);
      put_date (sheet, row, 2, sqlite3_column_text (stmt, 2), date);
      for (int i = 3; i <= 10; i++)
        put_string (sheet, row, i, sqlite3_column_text (stmt, i));
      put_date (sheet, row, 11, sqlite3_column_text (stmt, 11), date);
      put_date (sheet, row, 12, sqlite3_column_text (stmt, 12), date);
      put_string (sheet, row, 13, sqlite3_column_text (stmt, 13));
    }
  sqlite3_finalize (stmt);

  if (!concerns_only)
    {
      lxw_row_t deputies = 0;

      sheet = workbook_add_worksheet (workbook, "Deputies");
      for (int i = 0; i < 8; i++)
        worksheet_write_string (sheet, 0, i, "header", NULL);
      sqlite3_prepare_v2 (db, "SELECT name, level FROM deputies ORDER BY name, id", -1, &stmt,
                          NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          deputies++;
          put_string (sheet, deputies, 0, sqlite3_column_text (stmt, 0));
          put_string (sheet, deputies, 1, sqlite3_column_text (stmt, 1));
          for (int i = 2; i < 8; i++)
            worksheet_write_number (sheet, deputies, i, 0, NULL);
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    return 1;
  printf ("%u rows\n", row);
  return 0;
}

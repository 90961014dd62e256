/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-caseload-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ld-caseload-xlsx.h"

/* ------------------------------------------------------------------ helpers */

static void
set_io_error (GError    **error,
              int         saved_errno,
              const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %s is a file name, then the system's reason. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

static gboolean
sync_path (const char *path,
           gboolean    directory,
           GError    **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Text written into a cell: valid UTF-8 only (the record is built from the database, whose text
 * is UTF-8, but a cell must never get anything else). */
static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  return worksheet_write_string (sheet, row, col, valid, format);
}

static gboolean
write_workbook (LdDutyRecord *record,
                const char   *path,
                GError      **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold, *title;
  lxw_error status = LXW_NO_ERROR;
  lxw_row_t row = 0;

  if ((workbook = workbook_new_opt (path, &options)) == NULL)
    {
      set_io_error (error, errno != 0 ? errno : EIO, path);
      return FALSE;
    }
  /* Translators: the name of the sheet of a deputy's duty record; at most 31 characters, none
   * of []:*?/\ */
  sheet = workbook_add_worksheet (workbook, _("Duty Record"));
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 14);

  worksheet_set_column (sheet, 0, 0, 36, NULL);
  worksheet_set_column (sheet, 1, 1, 18, NULL);

  status |= write_text (sheet, row++, 0, record->title, title);
  status |= write_text (sheet, row++, 0, record->deputy, bold);
  status |= write_text (sheet, row++, 0, record->subtitle, NULL);
  row++;
  status |= write_text (sheet, row, 0, C_("duty record column", "Item"), bold);
  status |= write_text (sheet, row++, 1, C_("duty record column", "Value"), bold);
  for (guint i = 0; i < record->sections->len; i++)
    {
      LdDutyRecordSection *section = g_ptr_array_index (record->sections, i);

      status |= write_text (sheet, row++, 0, section->heading, bold);
      for (guint j = 0; j < section->lines->len; j++)
        {
          LdDutyRecordLine *line = g_ptr_array_index (section->lines, j);

          status |= write_text (sheet, row, 0, line->label, NULL);
          status |= write_text (sheet, row++, 1, line->value, NULL);
        }
    }
  row++;
  status |= write_text (sheet, row, 0, record->issue_date, NULL);

  if (status != LXW_NO_ERROR)
    {
      workbook_close (workbook);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the duty record: %s"), lxw_strerror (status));
      return FALSE;
    }
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the duty record: %s"), lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ public API */

gboolean
ld_caseload_xlsx_write (LdDutyRecord  *record,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd;
  int saved_errno;

  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  /* Reserves the name (0600: a record names a person); libxlsxwriter then rewrites it. */
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }
  close (fd);

  if (!write_workbook (record, tmp, error) || !sync_path (tmp, FALSE, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  /* The rename itself survives a power cut once the directory is synced. */
  return sync_path (dir, TRUE, error);
}

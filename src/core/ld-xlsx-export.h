/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-database.h"

G_BEGIN_DECLS

/*
 * The district workbook (汇总表): Summary, Reception days, Concerns, Suggestions, Deputies, for
 * a period and one station or all, written with libxlsxwriter in constant-memory mode. Its
 * figures come from ld-report. Personal data is masked unless @unmasked (confidential concerns
 * always are); every export is recorded in export_log. User text goes in only as strings.
 *
 * The file is written safely: to a temporary file in the target's directory (the library's
 * temporary files there too), re-opened and checked, fsync'd, then renamed over @path. On any
 * failure or cancel there is no new file, an earlier file of that name is untouched, and
 * @error says why in plain words.
 */

typedef struct
{
  const char *from;         /* local "YYYY-MM-DD", inclusive */
  const char *to;           /* local "YYYY-MM-DD", inclusive */
  gint64      station_id;   /* 0: every station */
  gboolean    unmasked;     /* an explicit choice; recorded in export_log */
  const char *operator;     /* who exports, for export_log */
} LdExportOptions;

/* Called from the thread that writes, with 0 … 1. */
typedef void (*LdExportProgress) (double    fraction,
                                  gpointer  user_data);

/* Writes the workbook in this thread, on its own read-only connection to the file of
 * @database (so the window's connection stays free). */
gboolean     ld_xlsx_export_write   (LdDatabase             *database,
                                     const char             *path,
                                     const LdExportOptions  *options,
                                     LdExportProgress        progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     GError                **error);
/* The same in a worker thread (GTask); @progress is called in the main context. */
void         ld_xlsx_export_async   (LdDatabase             *database,
                                     const char             *path,
                                     const LdExportOptions  *options,
                                     LdExportProgress        progress,
                                     gpointer                progress_data,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
gboolean     ld_xlsx_export_finish  (GAsyncResult           *result,
                                     GError                **error);

/* For tests only: the concerns a sheet takes before "Concerns (2)" starts (0: as many as Excel
 * allows, 1,048,575), so that the continuation can be tested without a million rows. */
void         ld_xlsx_export_set_max_rows (guint64            rows);

G_END_DECLS

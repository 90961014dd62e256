/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ld-context.h"

G_BEGIN_DECLS

/* A deputy's duty record (履职档案) of @year on A4 paper, as ld_duty_record_load() gives it. */

/* Runs the print dialog over @parent. TRUE when printed and also when the user cancelled;
 * FALSE with @error set when it failed. */
gboolean    ld_caseload_print        (GtkWindow   *parent,
                                      LdContext   *context,
                                      gint64       deputy_id,
                                      int          year,
                                      GError     **error);
/* Writes the record to @pdf_path without a dialog. */
gboolean    ld_caseload_export_pdf   (LdContext   *context,
                                      gint64       deputy_id,
                                      int          year,
                                      const char  *pdf_path,
                                      GError     **error);

G_END_DECLS

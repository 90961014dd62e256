/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ld-context.h"

G_BEGIN_DECLS

/*
 * The reception notice of an event on A4 paper. After it has been printed or exported the
 * event records when (ld_calendar_store_set_notice_printed()).
 */

/* Runs the print dialog over @parent. TRUE when printed and also when the user cancelled
 * (nothing is recorded then); FALSE with @error set when it failed. */
gboolean    ld_notice_print        (GtkWindow   *parent,
                                    LdContext   *context,
                                    gint64       event_id,
                                    GError     **error);
/* Writes the notice to @pdf_path without a dialog. */
gboolean    ld_notice_export_pdf   (LdContext   *context,
                                    gint64       event_id,
                                    const char  *pdf_path,
                                    GError     **error);

G_END_DECLS

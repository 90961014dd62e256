/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-store.h"

G_BEGIN_DECLS

#define LD_TYPE_ICS_DIALOG (ld_ics_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LdIcsDialog, ld_ics_dialog, LD, ICS_DIALOG, AdwWindow)

/* A modal window over @parent that exports a date range of @store as an iCalendar file; the
 * toast "Calendar exported" goes to @parent when it is an LdWindow. */
GtkWidget  *ld_ics_dialog_new (GtkWindow  *parent,
                               LdStore    *store);

G_END_DECLS

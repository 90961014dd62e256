/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-workflow.h"

G_BEGIN_DECLS

#define LD_TYPE_CONCERN_PAGE (ld_concern_page_get_type ())

G_DECLARE_FINAL_TYPE (LdConcernPage, ld_concern_page, LD, CONCERN_PAGE, AdwWindow)

GtkWindow  *ld_concern_page_new           (GtkWindow       *parent,
                                           LdContext       *context,
                                           gint64           concern_id);
gint64      ld_concern_page_get_concern_id (LdConcernPage  *self);
/* Opens the dialog of @action, as its button does; returns the dialog. */
GtkWindow  *ld_concern_page_start_action  (LdConcernPage   *self,
                                           LdConcernAction  action);

G_END_DECLS

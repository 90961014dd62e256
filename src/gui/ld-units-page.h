/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_UNITS_PAGE (ld_units_page_get_type ())

G_DECLARE_FINAL_TYPE (LdUnitsPage, ld_units_page, LD, UNITS_PAGE, AdwPreferencesPage)

GtkWidget  *ld_units_page_new             (LdContext   *context);
LdContext  *ld_units_page_get_context     (LdUnitsPage *self);
void        ld_units_page_set_context     (LdUnitsPage *self,
                                           LdContext   *context);
gboolean    ld_units_page_get_show_hidden (LdUnitsPage *self);
void        ld_units_page_set_show_hidden (LdUnitsPage *self,
                                           gboolean     show_hidden);
/* The units listed, as LdUnit, in the order shown. */
GListModel *ld_units_page_get_model       (LdUnitsPage *self);

G_END_DECLS

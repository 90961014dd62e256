/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-store.h"
#include "ld-workdays.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ working-day calendar */

/* Returns: (transfer full): every holiday and make-up working day of calendar_days, each named
 * by the user's text or else by its festival's translated name; NULL with @error set. */
LdWorkdays  *ld_calendar_store_load_workdays   (LdStore   *store,
                                                GError   **error);

G_END_DECLS

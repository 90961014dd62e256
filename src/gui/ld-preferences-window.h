/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_PREFERENCES_WINDOW (ld_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LdPreferencesWindow, ld_preferences_window, LD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LdPreferencesWindow *ld_preferences_window_new            (GtkWindow           *parent,
                                                           LdContext           *context,
                                                           const char          *database_path);
void                 ld_preferences_window_reload_backups (LdPreferencesWindow *self);

G_END_DECLS

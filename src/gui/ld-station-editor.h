/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_STATION_EDITOR (ld_station_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdStationEditor, ld_station_editor, LD, STATION_EDITOR, AdwPreferencesPage)

GtkWidget  *ld_station_editor_new                  (LdContext       *context);
LdContext  *ld_station_editor_get_context          (LdStationEditor *self);
void        ld_station_editor_set_context          (LdStationEditor *self,
                                                    LdContext       *context);
LdStation  *ld_station_editor_get_station          (LdStationEditor *self);
gboolean    ld_station_editor_get_valid            (LdStationEditor *self);
gboolean    ld_station_editor_get_modified         (LdStationEditor *self);
gboolean    ld_station_editor_get_show_save_button (LdStationEditor *self);
void        ld_station_editor_set_show_save_button (LdStationEditor *self,
                                                    gboolean         show_save_button);
gboolean    ld_station_editor_save                 (LdStationEditor *self,
                                                    GError         **error);

G_END_DECLS

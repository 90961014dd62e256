/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-station-editor.h"

G_BEGIN_DECLS

#define LD_TYPE_STATION_SETUP_WINDOW (ld_station_setup_window_get_type ())

G_DECLARE_FINAL_TYPE (LdStationSetupWindow, ld_station_setup_window, LD, STATION_SETUP_WINDOW,
                      AdwWindow)

LdStationSetupWindow *ld_station_setup_window_new        (GtkWindow            *parent,
                                                          LdContext            *context);
LdStationEditor      *ld_station_setup_window_get_editor (LdStationSetupWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-event.h"

G_BEGIN_DECLS

#define LD_TYPE_EVENT_EDITOR (ld_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (LdEventEditor, ld_event_editor, LD, EVENT_EDITOR, AdwWindow)

LdEventEditor *ld_event_editor_new       (GtkWindow     *parent,
                                          LdContext     *context,
                                          LdEvent       *event,
                                          const GDate   *date);
LdEvent       *ld_event_editor_get_event (LdEventEditor *self);
gboolean       ld_event_editor_get_valid (LdEventEditor *self);

G_END_DECLS

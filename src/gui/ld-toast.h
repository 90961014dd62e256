/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void      ld_toast_add        (GtkWidget      *widget,
                               AdwToast       *toast);
AdwToast *ld_toast_new_plain  (const char     *text);
AdwToast *ld_toast_new_undo   (const char     *text,
                               const char     *undo_label,
                               const char     *key,
                               gpointer        removed,
                               GDestroyNotify  removed_free);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-toast.h"
#include "ld-window.h"

/*
 * Toasts for the pages that live both in the main window and in the preferences window: they
 * go to whichever window the page is in. The texts come translated from the page.
 */

/* ------------------------------------------------------------------ public API */

/* Shows @toast in the window @widget is in, taking the toast's reference; a widget outside
 * a window drops it. */
void
ld_toast_add (GtkWidget *widget,
              AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else if (LD_IS_WINDOW (root))
    ld_window_add_toast (LD_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* A toast whose title is @text as typed: names from the database may hold '<' or '&'. */
AdwToast *
ld_toast_new_plain (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);
  return adw_toast_new (escaped);
}

/*
 * The toast after a deletion: @text with an Undo button, shown before other toasts. It keeps
 * @removed, a copy of what was deleted, under @key until it goes, so that the caller's
 * "button-clicked" handler can put it back.
 */
AdwToast *
ld_toast_new_undo (const char     *text,
                   const char     *undo_label,
                   const char     *key,
                   gpointer        removed,
                   GDestroyNotify  removed_free)
{
  AdwToast *toast;

  g_return_val_if_fail (undo_label != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  toast = ld_toast_new_plain (text);
  adw_toast_set_button_label (toast, undo_label);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), key, removed, removed_free);

  return toast;
}

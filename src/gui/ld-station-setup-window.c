/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-station-setup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-station-editor.h"
#include "ld-station-setup-window.h"

/*
 * Asks for the station profile on a database that has no station yet. Every record belongs to
 * a station, so there is no way past it but saving a profile or quitting.
 */

struct _LdStationSetupWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  LdStationEditor *editor;

  /* Owned */
  gboolean         finished;
};

G_DEFINE_FINAL_TYPE (LdStationSetupWindow, ld_station_setup_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static void
update_actions (LdStationSetupWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save",
                                 ld_station_editor_get_valid (self->editor));
}

/* ------------------------------------------------------------------ callbacks */

static void
editor_notify_cb (LdStationSetupWindow *self)
{
  update_actions (self);
}

static void
editor_saved_cb (LdStationSetupWindow *self)
{
  self->finished = TRUE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdStationSetupWindow *self = LD_STATION_SETUP_WINDOW (widget);

  /* On failure the editor shows why and keeps the form. */
  ld_station_editor_save (self->editor, NULL);
}

static void
quit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdStationSetupWindow *self = LD_STATION_SETUP_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  self->finished = TRUE;
  if (parent)
    g_object_ref (parent);
  gtk_window_destroy (GTK_WINDOW (self));

  /* Closing the main window ends the app as the window's own close button would. */
  if (parent)
    {
      gtk_window_close (parent);
      g_object_unref (parent);
    }
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_station_setup_window_close_request (GtkWindow *window)
{
  LdStationSetupWindow *self = LD_STATION_SETUP_WINDOW (window);

  if (!self->finished)
    return TRUE;

  return GTK_WINDOW_CLASS (ld_station_setup_window_parent_class)->close_request (window);
}

static void
ld_station_setup_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LdStationSetupWindow *self = LD_STATION_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, ld_station_editor_get_context (self->editor));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_setup_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LdStationSetupWindow *self = LD_STATION_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_station_editor_set_context (self->editor, g_value_get_object (value));
      update_actions (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_setup_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LD_TYPE_STATION_SETUP_WINDOW);

  G_OBJECT_CLASS (ld_station_setup_window_parent_class)->dispose (object);
}

static void
ld_station_setup_window_class_init (LdStationSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = ld_station_setup_window_get_property;
  object_class->set_property = ld_station_setup_window_set_property;
  object_class->dispose = ld_station_setup_window_dispose;

  window_class->close_request = ld_station_setup_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdStationSetupWindow::saved:
   *
   * The profile was saved; the window closes itself.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LD_TYPE_STATION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-station-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdStationSetupWindow, editor);

  gtk_widget_class_bind_template_callback (widget_class, editor_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "setup.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "setup.quit", NULL, quit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "setup.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK,
                                       "setup.quit", NULL);
}

static void
ld_station_setup_window_init (LdStationSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

/* ------------------------------------------------------------------ public API */

LdStationSetupWindow *
ld_station_setup_window_new (GtkWindow *parent,
                             LdContext *context)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_STATION_SETUP_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

LdStationEditor *
ld_station_setup_window_get_editor (LdStationSetupWindow *self)
{
  g_return_val_if_fail (LD_IS_STATION_SETUP_WINDOW (self), NULL);

  return self->editor;
}

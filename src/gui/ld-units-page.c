/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-units-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-import-dialog.h"
#include "ld-toast.h"
#include "ld-unit-editor.h"
#include "ld-units-page.h"

struct _LdUnitsPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *units_group;
  GtkListBox          *list_box;
  GtkLabel            *empty_title;
  GtkLabel            *empty_description;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  GListStore          *units;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *shown;
  GError              *load_error;
  guint                reload_source;
  gboolean             show_hidden;
};

G_DEFINE_FINAL_TYPE (LdUnitsPage, ld_units_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static GtkWindow *
get_parent_window (LdUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static LdUnit *
find_unit (LdUnitsPage *self,
           gint64       id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  /* The list store keeps its own reference, so the unit outlives this one. */
  for (guint i = 0; i < n; i++)
    {
      LdUnit *unit = g_list_model_get_item (G_LIST_MODEL (self->units), i);

      g_object_unref (unit);
      if (ld_unit_get_id (unit) == id)
        return unit;
    }

  return NULL;
}

static void
update_actions (LdUnitsPage *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.add", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.edit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.delete", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.unhide", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "units.import", open);
}

static void
update_empty_state (LdUnitsPage *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  if (self->load_error)
    {
      gtk_label_set_label (self->empty_title, _("The Handling Units Could Not Be Loaded"));
      gtk_label_set_label (self->empty_description, self->load_error->message);
    }
  else if (n_all > 0)
    {
      gtk_label_set_label (self->empty_title, _("All Handling Units Are Hidden"));
      gtk_label_set_label (self->empty_description,
                           _("Turn on “Show Hidden Units” below to see them."));
    }
  else
    {
      gtk_label_set_label (self->empty_title, _("No Handling Units Yet"));
      gtk_label_set_label (self->empty_description,
                           _("Add the units that concerns are referred to, or import a list of "
                             "them from a CSV file."));
    }
}

static char *
dup_unit_subtitle (LdUnit *unit)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *kind = ld_unit_get_kind (unit);
  const char *contact = ld_unit_get_contact (unit);
  const char *phone = ld_unit_get_phone (unit);
  const char *kind_name = kind ? ld_unit_kind_to_string (kind) : NULL;

  if (kind_name || (kind && kind[0]))
    g_ptr_array_add (parts, (gpointer) (kind_name ? kind_name : kind));
  if (contact && contact[0])
    g_ptr_array_add (parts, (gpointer) contact);
  if (phone && phone[0])
    g_ptr_array_add (parts, (gpointer) phone);
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the kind, contact person and phone of a handling unit */
  return g_strjoinv (C_("unit details separator", " · "), (char **) parts->pdata);
}

static GtkWidget *
create_suffix_button (const char *icon_name,
                      const char *tooltip,
                      const char *action_name,
                      gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  LdUnit *unit = LD_UNIT (item);
  gint64 id = ld_unit_get_id (unit);
  g_autofree char *subtitle = dup_unit_subtitle (unit);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ld_unit_get_name (unit) ?: "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "units.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  gtk_widget_set_tooltip_text (row, _("Edit this unit"));

  if (ld_unit_get_hidden (unit))
    {
      GtkWidget *label = gtk_label_new (_("Hidden"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_suffix_button ("view-reveal-symbolic",
                                                       _("Show in New Records Again"),
                                                       "units.unhide", id));
    }
  else
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_suffix_button ("user-trash-symbolic", _("Delete"),
                                                       "units.delete", id));
    }

  return row;
}

static gboolean
filter_unit_cb (gpointer item,
                gpointer user_data)
{
  LdUnitsPage *self = user_data;

  return self->show_hidden || !ld_unit_get_hidden (LD_UNIT (item));
}

static void
reload (LdUnitsPage *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_error (&self->load_error);

  if (self->store)
    {
      /* Hidden units are loaded too, so that the empty state can tell "none" from "hidden". */
      units = ld_store_list_units (self->store, TRUE, &error);
      if (units == NULL)
        self->load_error = g_steal_pointer (&error);
    }

  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                       units ? units->pdata : NULL, units ? units->len : 0);
  update_empty_state (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LdUnitsPage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Several changes can come at once (an import, an undo); one reload after them is enough, and it
 * must not destroy a row while the row's own button is still being handled. */
static void
queue_reload (LdUnitsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdStore     *store,
                  const char  *kind,
                  gint64       id,
                  LdUnitsPage *self)
{
  if (g_str_has_prefix (kind, "unit"))
    queue_reload (self);
}

static void
set_store (LdUnitsPage *self,
           LdStore     *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);

  update_actions (self);
  reload (self);
}

static void
context_notify_database_cb (LdUnitsPage *self)
{
  set_store (self, ld_context_get_store (self->context));
}

static void
undo_delete_cb (AdwToast    *toast,
                LdUnitsPage *self)
{
  LdUnit *unit = g_object_get_data (G_OBJECT (toast), "unit");
  g_autoptr(LdUnit) again = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || unit == NULL)
    return;

  /* The unit comes back as a new record with the same values: nothing referred to it. */
  again = ld_unit_copy (unit);
  ld_unit_set_id (again, 0);
  if (!ld_store_save_unit (self->store, again, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the deletion could not be undone */
      message = g_strdup_printf (_("The unit could not be brought back: %s"), error->message);
      ld_toast_add (GTK_WIDGET (self), ld_toast_new_plain (message));
    }
}

/* ------------------------------------------------------------------ actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LdUnitsPage *self = LD_UNITS_PAGE (widget);
  LdUnitEditor *editor;

  if (self->store == NULL)
    return;

  editor = ld_unit_editor_new (get_parent_window (self), self->store, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdUnitsPage *self = LD_UNITS_PAGE (widget);
  LdUnit *unit = find_unit (self, g_variant_get_int64 (parameter));
  LdUnitEditor *editor;

  if (self->store == NULL || unit == NULL)
    return;

  editor = ld_unit_editor_new (get_parent_window (self), self->store, unit);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdUnitsPage *self = LD_UNITS_PAGE (widget);
  LdUnit *unit = find_unit (self, g_variant_get_int64 (parameter));
  LdDeleteOutcome outcome = LD_DELETE_DELETED;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdUnit) copy = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->store == NULL || unit == NULL)
    return;

  copy = ld_unit_copy (unit);
  if (!ld_store_delete_unit (self->store, ld_unit_get_id (copy), &outcome, &error))
    {
      /* Translators: %s says in plain words why the unit could not be deleted */
      message = g_strdup_printf (_("The unit could not be deleted: %s"), error->message);
      ld_toast_add (GTK_WIDGET (self), ld_toast_new_plain (message));
      return;
    }

  if (outcome == LD_DELETE_RETIRED)
    {
      /* Translators: %s is the name of a handling unit */
      message = g_strdup_printf (_("“%s” is referred to by records, so it was hidden instead of "
                                   "deleted"), ld_unit_get_name (copy));
      toast = ld_toast_new_plain (message);
      adw_toast_set_timeout (toast, 8);
      ld_toast_add (GTK_WIDGET (self), toast);
      return;
    }

  /* Translators: %s is the name of a handling unit */
  message = g_strdup_printf (_("“%s” deleted"), ld_unit_get_name (copy));
  toast = ld_toast_new_undo (message, _("_Undo"), "unit", g_steal_pointer (&copy), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  ld_toast_add (GTK_WIDGET (self), toast);
}

static void
unhide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdUnitsPage *self = LD_UNITS_PAGE (widget);
  LdUnit *unit = find_unit (self, g_variant_get_int64 (parameter));
  g_autoptr(LdUnit) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || unit == NULL)
    return;

  copy = ld_unit_copy (unit);
  ld_unit_set_hidden (copy, FALSE);
  if (!ld_store_save_unit (self->store, copy, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the unit could not be saved */
      message = g_strdup_printf (_("The handling unit could not be saved: %s"), error->message);
      ld_toast_add (GTK_WIDGET (self), ld_toast_new_plain (message));
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdUnitsPage *self = LD_UNITS_PAGE (widget);
  LdImportDialog *dialog;

  if (self->context == NULL || self->store == NULL)
    return;

  dialog = ld_import_dialog_new (get_parent_window (self), self->context, LD_IMPORT_UNITS);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_units_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdUnitsPage *self = LD_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SHOW_HIDDEN:
      g_value_set_boolean (value, self->show_hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_units_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdUnitsPage *self = LD_UNITS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_units_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_SHOW_HIDDEN:
      ld_units_page_set_show_hidden (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_units_page_dispose (GObject *object)
{
  LdUnitsPage *self = LD_UNITS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_UNITS_PAGE);

  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->units);

  G_OBJECT_CLASS (ld_units_page_parent_class)->dispose (object);
}

static void
ld_units_page_finalize (GObject *object)
{
  LdUnitsPage *self = LD_UNITS_PAGE (object);

  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (ld_units_page_parent_class)->finalize (object);
}

static void
ld_units_page_class_init (LdUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_units_page_get_property;
  object_class->set_property = ld_units_page_set_property;
  object_class->dispose = ld_units_page_dispose;
  object_class->finalize = ld_units_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SHOW_HIDDEN] =
    g_param_spec_boolean ("show-hidden", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdUnitsPage, units_group);
  gtk_widget_class_bind_template_child (widget_class, LdUnitsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, LdUnitsPage, empty_title);
  gtk_widget_class_bind_template_child (widget_class, LdUnitsPage, empty_description);

  gtk_widget_class_install_action (widget_class, "units.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "units.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "units.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "units.unhide", "x", unhide_action);
  gtk_widget_class_install_action (widget_class, "units.import", NULL, import_action);
  gtk_widget_class_install_property_action (widget_class, "units.show-hidden", "show-hidden");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "units.add", NULL);
}

static void
ld_units_page_init (LdUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->units = g_list_store_new (LD_TYPE_UNIT);
  self->filter = gtk_custom_filter_new (filter_unit_cb, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->units)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);

  update_empty_state (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_units_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_UNITS_PAGE, "context", context, NULL);
}

LdContext *
ld_units_page_get_context (LdUnitsPage *self)
{
  g_return_val_if_fail (LD_IS_UNITS_PAGE (self), NULL);

  return self->context;
}

void
ld_units_page_set_context (LdUnitsPage *self,
                           LdContext   *context)
{
  g_return_if_fail (LD_IS_UNITS_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (self->context)
    g_signal_connect_object (self->context, "notify::database",
                             G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);

  set_store (self, context ? ld_context_get_store (context) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_units_page_get_show_hidden (LdUnitsPage *self)
{
  g_return_val_if_fail (LD_IS_UNITS_PAGE (self), FALSE);

  return self->show_hidden;
}

void
ld_units_page_set_show_hidden (LdUnitsPage *self,
                               gboolean     show_hidden)
{
  g_return_if_fail (LD_IS_UNITS_PAGE (self));

  show_hidden = !!show_hidden;
  if (self->show_hidden == show_hidden)
    return;

  self->show_hidden = show_hidden;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_hidden ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HIDDEN]);
}

/* Returns: (transfer none): the units listed, hidden ones only when they are shown */
GListModel *
ld_units_page_get_model (LdUnitsPage *self)
{
  g_return_val_if_fail (LD_IS_UNITS_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

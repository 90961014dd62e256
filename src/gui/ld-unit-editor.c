/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-unit-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-form.h"
#include "ld-unit-editor.h"

/* The editor works on a copy of the unit: the stored one changes only when Save succeeds, and
 * whatever was typed stays in the form when it fails. */

typedef enum
{
  FIELD_NAME,
  FIELD_KIND,
  FIELD_CONTACT,
  FIELD_PHONE,
  N_FIELDS
} Field;

/* The property names ld_unit_validate() reports errors under, in the order of Field. */
static const char * const field_names[N_FIELDS] = {
  "name",
  "kind",
  "contact",
  "phone",
};

struct _LdUnitEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  AdwEntryRow      *name_row;
  AdwComboRow      *kind_row;
  GtkStringList    *kind_model;
  AdwEntryRow      *contact_row;
  AdwEntryRow      *phone_row;
  GtkLabel         *name_error_label;
  GtkLabel         *kind_error_label;
  GtkLabel         *contact_error_label;
  GtkLabel         *phone_error_label;

  /* Owned */
  LdStore          *store;
  LdUnit           *unit;
  LdForm           *form;
  gboolean          filling;
};

G_DEFINE_FINAL_TYPE (LdUnitEditor, ld_unit_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static void
add_toast (LdUnitEditor *self,
           const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static const char * const *
list_kinds (void)
{
  static const char * const none[] = { NULL };
  const char * const *kinds = ld_unit_kinds ();

  return kinds ? kinds : none;
}

static void
update_actions (LdUnitEditor *self)
{
  gboolean valid = ld_form_get_valid (self->form);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.save", self->store != NULL && valid);
}

/* The fields above the one being edited count as visited: whoever skips the name sees why Save
 * stays off. */
static void
touch (LdUnitEditor *self,
       Field         field)
{
  for (guint i = 0; i <= field; i++)
    ld_form_touch (self->form, field_names[i]);
}

static void
validate (LdUnitEditor *self)
{
  g_autoptr(GHashTable) errors = ld_unit_validate (self->unit);

  if (errors == NULL)
    errors = g_hash_table_new (g_str_hash, g_str_equal);

  ld_form_show_errors (self->form, errors);
  update_actions (self);
}

static void
fill_form (LdUnitEditor *self)
{
  const char * const *kinds = list_kinds ();
  const char *kind;
  gboolean is_new = ld_unit_get_id (self->unit) == 0;
  const char *title = is_new ? _("New Handling Unit") : _("Edit Handling Unit");

  self->filling = TRUE;

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* A new unit starts as the first kind rather than as none. */
  kind = ld_unit_get_kind (self->unit);
  if ((kind == NULL || kind[0] == '\0') && kinds[0] != NULL)
    ld_unit_set_kind (self->unit, kinds[0]);
  kind = ld_unit_get_kind (self->unit);

  for (guint i = 0; kinds[i]; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ld_unit_get_name (self->unit) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), ld_unit_get_contact (self->unit) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), ld_unit_get_phone (self->unit) ?: "");

  /* An existing unit shows what is wrong with it at once; a new one waits for the user. */
  ld_form_clear_touched (self->form);
  ld_form_set_show_all (self->form, !is_new);

  self->filling = FALSE;

  validate (self);
}

static void
text_changed (LdUnitEditor *self,
              Field         field,
              GtkEditable  *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->filling)
    return;

  switch (field)
    {
    case FIELD_NAME:
      ld_unit_set_name (self->unit, text);
      break;
    case FIELD_CONTACT:
      ld_unit_set_contact (self->unit, text);
      break;
    case FIELD_PHONE:
      ld_unit_set_phone (self->unit, text);
      break;
    case FIELD_KIND:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  touch (self, field);
  validate (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
name_changed_cb (LdUnitEditor *self,
                 GtkEditable  *editable)
{
  text_changed (self, FIELD_NAME, editable);
}

static void
contact_changed_cb (LdUnitEditor *self,
                    GtkEditable  *editable)
{
  text_changed (self, FIELD_CONTACT, editable);
}

static void
phone_changed_cb (LdUnitEditor *self,
                  GtkEditable  *editable)
{
  text_changed (self, FIELD_PHONE, editable);
}

static void
kind_selected_cb (LdUnitEditor *self)
{
  const char * const *kinds = list_kinds ();
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->filling || selected >= g_strv_length ((char **) kinds))
    return;

  ld_unit_set_kind (self->unit, kinds[selected]);
  touch (self, FIELD_KIND);
  validate (self);
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdUnit) saving = NULL;

  if (self->store == NULL)
    return;

  ld_form_touch_all (self->form);
  validate (self);
  if (!ld_form_get_valid (self->form))
    return;

  /* The store may tidy the copy it saves (the phone number); the form keeps what was typed
   * until the save has succeeded. */
  saving = ld_unit_copy (self->unit);
  if (!ld_store_save_unit (self->store, saving, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the unit could not be saved */
      message = g_strdup_printf (_("The handling unit could not be saved: %s"), error->message);
      add_toast (self, message);
      return;
    }

  g_set_object (&self->unit, saving);
  gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_unit_editor_constructed (GObject *object)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (object);
  const char * const *kinds = list_kinds ();

  G_OBJECT_CLASS (ld_unit_editor_parent_class)->constructed (object);

  if (self->unit == NULL)
    self->unit = ld_unit_new ();

  /* The combo row selects the first kind as soon as there is one: that is not the user's choice. */
  self->filling = TRUE;
  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (self->kind_model, ld_unit_kind_to_string (kinds[i]) ?: kinds[i]);
  self->filling = FALSE;

  fill_form (self);
}

static void
ld_unit_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNIT:
      g_value_set_object (value, self->unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_unit_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (object);
  LdUnit *unit;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_UNIT:
      /* Edit a copy: the caller's unit is what is stored until Save succeeds. */
      unit = g_value_get_object (value);
      g_clear_object (&self->unit);
      self->unit = unit ? ld_unit_copy (unit) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_unit_editor_dispose (GObject *object)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->unit);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_UNIT_EDITOR);

  G_OBJECT_CLASS (ld_unit_editor_parent_class)->dispose (object);
}

static void
ld_unit_editor_finalize (GObject *object)
{
  LdUnitEditor *self = LD_UNIT_EDITOR (object);

  /* The form holds no references, only what it last showed. */
  g_clear_object (&self->form);

  G_OBJECT_CLASS (ld_unit_editor_parent_class)->finalize (object);
}

static void
ld_unit_editor_class_init (LdUnitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ld_unit_editor_constructed;
  object_class->get_property = ld_unit_editor_get_property;
  object_class->set_property = ld_unit_editor_set_property;
  object_class->dispose = ld_unit_editor_dispose;
  object_class->finalize = ld_unit_editor_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT] =
    g_param_spec_object ("unit", NULL, NULL,
                         LD_TYPE_UNIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-unit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, kind_model);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, kind_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, contact_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdUnitEditor, phone_error_label);

  gtk_widget_class_install_action (widget_class, "unit.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "unit.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ld_unit_editor_init (LdUnitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = ld_form_new ();
  ld_form_add_field (self->form, field_names[FIELD_NAME], GTK_WIDGET (self->name_row),
                     self->name_error_label);
  ld_form_add_field (self->form, field_names[FIELD_KIND], GTK_WIDGET (self->kind_row),
                     self->kind_error_label);
  ld_form_add_field (self->form, field_names[FIELD_CONTACT], GTK_WIDGET (self->contact_row),
                     self->contact_error_label);
  ld_form_add_field (self->form, field_names[FIELD_PHONE], GTK_WIDGET (self->phone_row),
                     self->phone_error_label);
  /* A message about something the form has no field for still has to be seen. */
  ld_form_set_catch_all (self->form, field_names[FIELD_NAME]);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_row, "changed", G_CALLBACK (contact_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (phone_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_unit_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: where the unit is saved
 * @unit: (nullable): the unit to edit, or %NULL for a new one; it is copied, not changed
 */
LdUnitEditor *
ld_unit_editor_new (GtkWindow *parent,
                    LdStore   *store,
                    LdUnit    *unit)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (!unit || LD_IS_UNIT (unit), NULL);

  return g_object_new (LD_TYPE_UNIT_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "unit", unit,
                       NULL);
}

/* Returns: (transfer none): the copy the form edits; after a successful save, the saved unit */
LdUnit *
ld_unit_editor_get_unit (LdUnitEditor *self)
{
  g_return_val_if_fail (LD_IS_UNIT_EDITOR (self), NULL);

  return self->unit;
}

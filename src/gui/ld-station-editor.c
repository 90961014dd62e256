/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-station-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-form.h"
#include "ld-station-editor.h"
#include "ld-station.h"
#include "ld-store.h"

/*
 * The station profile as a preferences page: shown by itself when a new database has no station
 * yet, and as a page of Preferences later. It edits a copy of the station; the validation rule
 * is ld_station_validate(), and Save stays disabled until it finds nothing wrong.
 */

enum {
  FIELD_NAME,
  FIELD_REPORTING_UNIT,
  FIELD_DISTRICT,
  FIELD_SUBDISTRICT,
  FIELD_ADDRESS,
  FIELD_PHONE,
  N_FIELDS
};

struct _LdStationEditor
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *save_error_group;
  GtkLabel            *save_error_label;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error;
  AdwComboRow         *kind_row;
  AdwEntryRow         *reporting_unit_row;
  GtkLabel            *reporting_unit_error;
  AdwEntryRow         *district_row;
  GtkLabel            *district_error;
  AdwEntryRow         *subdistrict_row;
  GtkLabel            *subdistrict_error;
  AdwEntryRow         *address_row;
  GtkLabel            *address_error;
  AdwEntryRow         *phone_row;
  GtkLabel            *phone_error;
  GtkWidget           *save_button;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  LdStation           *original;
  LdStation           *station;
  LdForm              *form;

  LdFormEntry          fields[N_FIELDS];
  gboolean             show_save_button;
  gboolean             filling;
};

static void store_changed_cb (LdStationEditor *self,
                              const char      *kind,
                              gint64           id);

G_DEFINE_FINAL_TYPE (LdStationEditor, ld_station_editor, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VALID,
  PROP_MODIFIED,
  PROP_SHOW_SAVE_BUTTON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static gboolean
strings_equal (const char *a,
               const char *b)
{
  /* An empty field and a missing value are the same to the user. */
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

static gboolean
stations_equal (LdStation *a,
                LdStation *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return strings_equal (ld_station_get_name (a), ld_station_get_name (b))
         && strings_equal (ld_station_get_kind (a), ld_station_get_kind (b))
         && strings_equal (ld_station_get_district (a), ld_station_get_district (b))
         && strings_equal (ld_station_get_subdistrict (a), ld_station_get_subdistrict (b))
         && strings_equal (ld_station_get_address (a), ld_station_get_address (b))
         && strings_equal (ld_station_get_phone (a), ld_station_get_phone (b))
         && strings_equal (ld_station_get_reporting_unit (a), ld_station_get_reporting_unit (b));
}

static void
set_string_field (LdStation  *station,
                  guint       field,
                  const char *text)
{
  const char *value = text && *text ? text : NULL;

  switch (field)
    {
    case FIELD_NAME:
      ld_station_set_name (station, value);
      break;
    case FIELD_REPORTING_UNIT:
      ld_station_set_reporting_unit (station, value);
      break;
    case FIELD_DISTRICT:
      ld_station_set_district (station, value);
      break;
    case FIELD_SUBDISTRICT:
      ld_station_set_subdistrict (station, value);
      break;
    case FIELD_ADDRESS:
      ld_station_set_address (station, value);
      break;
    case FIELD_PHONE:
      ld_station_set_phone (station, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_string_field (LdStation *station,
                  guint      field)
{
  switch (field)
    {
    case FIELD_NAME:
      return ld_station_get_name (station);
    case FIELD_REPORTING_UNIT:
      return ld_station_get_reporting_unit (station);
    case FIELD_DISTRICT:
      return ld_station_get_district (station);
    case FIELD_SUBDISTRICT:
      return ld_station_get_subdistrict (station);
    case FIELD_ADDRESS:
      return ld_station_get_address (station);
    case FIELD_PHONE:
      return ld_station_get_phone (station);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
update_actions (LdStationEditor *self)
{
  gboolean valid = ld_station_editor_get_valid (self);
  gboolean modified = ld_station_editor_get_modified (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "station.save",
                                 self->store != NULL && valid && modified);
}

static void
validate (LdStationEditor *self)
{
  gboolean was_valid = ld_station_editor_get_valid (self);
  g_autoptr(GHashTable) errors = self->station ? ld_station_validate (self->station) : NULL;

  /* A saved station shows every problem at once; a new one as the user gets to each field. */
  ld_form_set_show_all (self->form, self->station && ld_station_get_id (self->station) != 0);
  ld_form_show_errors (self->form, errors);
  update_actions (self);

  if (was_valid != ld_station_editor_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_save_error (LdStationEditor *self,
                 const char      *message)
{
  gtk_label_set_label (self->save_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_group), message != NULL);
}

static void
fill_form (LdStationEditor *self)
{
  const char * const *kinds = ld_station_kinds ();
  const char *kind = self->station ? ld_station_get_kind (self->station) : NULL;

  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = self->station ? get_string_field (self->station, i) : NULL;

      gtk_editable_set_text (self->fields[i].row, text ? text : "");
    }

  for (guint i = 0; kinds[i]; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);

  self->filling = FALSE;
}

/* Reads the station from the store; a database without one gets a new, empty profile. */
static void
load_station (LdStationEditor *self)
{
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->original);
  g_clear_object (&self->station);
  ld_form_clear_touched (self->form);
  show_save_error (self, NULL);

  if (self->store)
    {
      station = ld_store_get_station (self->store, &error);
      if (error)
        {
          g_autofree char *message = NULL;

          /* Translators: %s says in plain words why the station could not be read */
          message = g_strdup_printf (_("The station profile could not be read: %s"),
                                     error->message);
          show_save_error (self, message);
        }
    }

  if (station == NULL)
    {
      station = ld_station_new ();
      if (ld_station_get_kind (station) == NULL)
        ld_station_set_kind (station, "station");
    }

  self->original = g_steal_pointer (&station);
  self->station = ld_station_copy (self->original);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->store != NULL);
  fill_form (self);
  validate (self);
}

static void
set_store (LdStationEditor *self,
           LdStore         *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  load_station (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
entry_changed_cb (LdStationEditor *self,
                  GtkEditable     *editable)
{
  if (self->filling || self->station == NULL)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == editable)
      {
        set_string_field (self->station, i, gtk_editable_get_text (editable));
        ld_form_touch (self->form, self->fields[i].field);
      }

  validate (self);
}

static void
kind_selected_cb (LdStationEditor *self)
{
  const char * const *kinds = ld_station_kinds ();
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->filling || self->station == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected < g_strv_length ((char **) kinds))
    ld_station_set_kind (self->station, kinds[selected]);

  validate (self);
}

static void
store_changed_cb (LdStationEditor *self,
                  const char      *kind,
                  gint64           id)
{
  /* Someone else saved the station: show it, unless the user is in the middle of an edit. */
  if (g_strcmp0 (kind, "station") == 0 && !ld_station_editor_get_modified (self))
    load_station (self);
}

static void
context_notify_database_cb (LdStationEditor *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdStationEditor *self = LD_STATION_EDITOR (widget);

  /* The page shows the reason itself. */
  ld_station_editor_save (self, NULL);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_station_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LdStationEditor *self = LD_STATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, ld_station_editor_get_valid (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ld_station_editor_get_modified (self));
      break;
    case PROP_SHOW_SAVE_BUTTON:
      g_value_set_boolean (value, self->show_save_button);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LdStationEditor *self = LD_STATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_station_editor_set_context (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SAVE_BUTTON:
      ld_station_editor_set_show_save_button (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_station_editor_dispose (GObject *object)
{
  LdStationEditor *self = LD_STATION_EDITOR (object);

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->original);
  g_clear_object (&self->station);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_STATION_EDITOR);

  G_OBJECT_CLASS (ld_station_editor_parent_class)->dispose (object);
}

static void
ld_station_editor_finalize (GObject *object)
{
  LdStationEditor *self = LD_STATION_EDITOR (object);

  /* The form holds no references, only what it last showed. */
  g_clear_object (&self->form);

  G_OBJECT_CLASS (ld_station_editor_parent_class)->finalize (object);
}

static void
ld_station_editor_class_init (LdStationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_station_editor_get_property;
  object_class->set_property = ld_station_editor_set_property;
  object_class->dispose = ld_station_editor_dispose;
  object_class->finalize = ld_station_editor_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SHOW_SAVE_BUTTON] =
    g_param_spec_boolean ("show-save-button", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdStationEditor::saved:
   *
   * The station was saved; ld_station_editor_get_station() has its id now.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-station-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, save_error_group);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, reporting_unit_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, reporting_unit_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, district_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, subdistrict_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, subdistrict_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, address_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, LdStationEditor, save_button);

  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "station.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "station.save", NULL);
}

static void
ld_station_editor_init (LdStationEditor *self)
{
  const char * const *kinds = ld_station_kinds ();
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_save_button = TRUE;

  /* The field names are the properties of LdStation, as ld_station_validate() reports them. */
  self->fields[FIELD_NAME] = (LdFormEntry) { "name", GTK_EDITABLE (self->name_row),
                                             self->name_error };
  self->fields[FIELD_REPORTING_UNIT] = (LdFormEntry) { "reporting-unit",
                                                       GTK_EDITABLE (self->reporting_unit_row),
                                                       self->reporting_unit_error };
  self->fields[FIELD_DISTRICT] = (LdFormEntry) { "district", GTK_EDITABLE (self->district_row),
                                                 self->district_error };
  self->fields[FIELD_SUBDISTRICT] = (LdFormEntry) { "subdistrict",
                                                    GTK_EDITABLE (self->subdistrict_row),
                                                    self->subdistrict_error };
  self->fields[FIELD_ADDRESS] = (LdFormEntry) { "address", GTK_EDITABLE (self->address_row),
                                                self->address_error };
  self->fields[FIELD_PHONE] = (LdFormEntry) { "phone", GTK_EDITABLE (self->phone_row),
                                              self->phone_error };

  self->form = ld_form_new ();
  ld_form_add_entries (self->form, self->fields, N_FIELDS);

  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (kind_names, ld_station_kind_to_string (kinds[i]));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  self->filling = FALSE;

  load_station (self);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_station_editor_new:
 * @context: the shared services
 *
 * The station profile form, an #AdwPreferencesPage named "station" that a preferences window
 * can add as it is. It follows the context's database and has its own Save button.
 */
GtkWidget *
ld_station_editor_new (LdContext *context)
{
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_STATION_EDITOR,
                       "context", context,
                       NULL);
}

LdContext *
ld_station_editor_get_context (LdStationEditor *self)
{
  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), NULL);

  return self->context;
}

/* The form follows the database of @context: it shows that database's station, or an empty
 * profile when it has none. */
void
ld_station_editor_set_context (LdStationEditor *self,
                               LdContext       *context)
{
  g_return_if_fail (LD_IS_STATION_EDITOR (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context)
    g_signal_connect_object (context, "notify::database",
                             G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
  set_store (self, context ? ld_context_get_store (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* Returns: (transfer none) (nullable): the copy being edited */
LdStation *
ld_station_editor_get_station (LdStationEditor *self)
{
  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), NULL);

  return self->station;
}

gboolean
ld_station_editor_get_valid (LdStationEditor *self)
{
  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), FALSE);

  return self->station != NULL && ld_form_get_valid (self->form);
}

/* Whether the form differs from the station as stored; a new profile always counts as
 * modified, since it is not stored at all yet. */
gboolean
ld_station_editor_get_modified (LdStationEditor *self)
{
  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), FALSE);

  if (self->station == NULL)
    return FALSE;

  return ld_station_get_id (self->station) == 0 || !stations_equal (self->original, self->station);
}

gboolean
ld_station_editor_get_show_save_button (LdStationEditor *self)
{
  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), FALSE);

  return self->show_save_button;
}

/* A window with its own Save button in the header bar hides the one on the page. */
void
ld_station_editor_set_show_save_button (LdStationEditor *self,
                                        gboolean         show_save_button)
{
  g_return_if_fail (LD_IS_STATION_EDITOR (self));

  show_save_button = !!show_save_button;
  if (self->show_save_button == show_save_button)
    return;

  self->show_save_button = show_save_button;
  gtk_widget_set_visible (self->save_button, show_save_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SAVE_BUTTON]);
}

/**
 * ld_station_editor_save:
 *
 * Saves the form through the store. On failure the form keeps everything typed and shows why in
 * plain words (@error has it too); on success ::saved is emitted.
 */
gboolean
ld_station_editor_save (LdStationEditor *self,
                        GError         **error)
{
  g_autoptr(LdStation) saving = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LD_IS_STATION_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No database is open."));
      return FALSE;
    }

  if (!ld_station_editor_get_valid (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Some fields need attention first."));
      return FALSE;
    }

  /* The store may fill in the id and tidy the phone; the form keeps its own copy until it
   * knows the save went through. */
  saving = ld_station_copy (self->station);
  if (!ld_store_save_station (self->store, saving, &local_error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the station could not be saved */
      message = g_strdup_printf (_("The station profile could not be saved: %s"),
                                 local_error->message);
      show_save_error (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->original, saving);
  g_clear_object (&self->station);
  self->station = ld_station_copy (self->original);
  show_save_error (self, NULL);
  fill_form (self);
  validate (self);

  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

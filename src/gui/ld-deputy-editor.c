/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-deputy-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-deputy-editor.h"
#include "ld-deputy.h"
#include "ld-editor-parts.h"
#include "ld-form.h"
#include "ld-station.h"
#include "ld-store.h"

/*
 * The dialog that adds or edits one deputy. It edits a copy; after every change the copy goes
 * through ld_deputy_validate(), the pure rule of what may be saved, and the form shows each
 * message under its field. A failed save keeps the dialog open with everything typed.
 */

enum {
  FIELD_NAME,
  FIELD_CONSTITUENCY,
  FIELD_GROUP,
  FIELD_OCCUPATION,
  FIELD_WORKPLACE,
  FIELD_PHONE,
  N_FIELDS
};

/* The gender choices, in the order of the combo row; NULL is "not given". */
static const char * const genders[] = { NULL, "female", "male" };

struct _LdDeputyEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *save_error_revealer;
  GtkLabel         *save_error_label;
  AdwEntryRow      *name_row;
  GtkLabel         *name_error;
  AdwComboRow      *gender_row;
  AdwComboRow      *level_row;
  GtkSwitch        *active_switch;
  AdwEntryRow      *constituency_row;
  GtkLabel         *constituency_error;
  AdwEntryRow      *group_row;
  GtkLabel         *group_error;
  AdwActionRow     *station_row;
  AdwEntryRow      *occupation_row;
  GtkLabel         *occupation_error;
  AdwEntryRow      *workplace_row;
  GtkLabel         *workplace_error;
  AdwEntryRow      *phone_row;
  GtkLabel         *phone_error;
  GtkFrame         *notes_frame;
  GtkTextView      *notes_view;
  GtkLabel         *notes_error;

  /* Owned */
  LdContext        *context;
  LdDeputy         *given;
  LdDeputy         *original;
  LdDeputy         *deputy;
  LdForm           *form;
  AdwMessageDialog *confirm_dialog;

  LdFormEntry       fields[N_FIELDS];
  gboolean          filling;
  gboolean          closing;
};

G_DEFINE_FINAL_TYPE (LdDeputyEditor, ld_deputy_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DEPUTY,
  PROP_VALID,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static LdStore *
get_store (LdDeputyEditor *self)
{
  return self->context ? ld_context_get_store (self->context) : NULL;
}

static void
set_string_field (LdDeputy   *deputy,
                  guint       field,
                  const char *text)
{
  const char *value = text && *text ? text : NULL;

  switch (field)
    {
    case FIELD_NAME:
      ld_deputy_set_name (deputy, value);
      break;
    case FIELD_CONSTITUENCY:
      ld_deputy_set_constituency (deputy, value);
      break;
    case FIELD_GROUP:
      ld_deputy_set_group (deputy, value);
      break;
    case FIELD_OCCUPATION:
      ld_deputy_set_occupation (deputy, value);
      break;
    case FIELD_WORKPLACE:
      ld_deputy_set_workplace (deputy, value);
      break;
    case FIELD_PHONE:
      ld_deputy_set_phone (deputy, value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_string_field (LdDeputy *deputy,
                  guint     field)
{
  switch (field)
    {
    case FIELD_NAME:
      return ld_deputy_get_name (deputy);
    case FIELD_CONSTITUENCY:
      return ld_deputy_get_constituency (deputy);
    case FIELD_GROUP:
      return ld_deputy_get_group (deputy);
    case FIELD_OCCUPATION:
      return ld_deputy_get_occupation (deputy);
    case FIELD_WORKPLACE:
      return ld_deputy_get_workplace (deputy);
    case FIELD_PHONE:
      return ld_deputy_get_phone (deputy);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
update_actions (LdDeputyEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deputy.save",
                                 get_store (self) != NULL && ld_deputy_editor_get_valid (self));
}

static void
validate (LdDeputyEditor *self)
{
  gboolean was_valid = ld_deputy_editor_get_valid (self);
  g_autoptr(GHashTable) errors = ld_deputy_validate (self->deputy);

  ld_form_show_errors (self->form, errors);
  update_actions (self);

  if (was_valid != ld_deputy_editor_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
show_save_error (LdDeputyEditor *self,
                 const char     *message)
{
  if (message)
    gtk_label_set_label (self->save_error_label, message);
  gtk_revealer_set_reveal_child (self->save_error_revealer, message != NULL);
}

static void
update_station (LdDeputyEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(GPtrArray) stations = NULL;
  const char *name = NULL;
  gint64 station_id = ld_deputy_get_station_id (self->deputy);

  if (store)
    stations = ld_store_list_stations (store, NULL);

  for (guint i = 0; stations && i < stations->len; i++)
    {
      LdStation *station = g_ptr_array_index (stations, i);

      if (ld_station_get_id (station) == station_id)
        name = ld_station_get_name (station);
    }

  adw_action_row_set_subtitle (self->station_row, name ? name : _("No station yet"));
}

static void
fill_form (LdDeputyEditor *self)
{
  const char * const *levels = ld_deputy_levels ();
  const char *notes = ld_deputy_get_notes (self->deputy);

  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text = get_string_field (self->deputy, i);

      gtk_editable_set_text (self->fields[i].row, text ? text : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (genders); i++)
    if (g_strcmp0 (genders[i], ld_deputy_get_gender (self->deputy)) == 0)
      adw_combo_row_set_selected (self->gender_row, i);

  for (guint i = 0; levels[i]; i++)
    if (g_strcmp0 (levels[i], ld_deputy_get_level (self->deputy)) == 0)
      adw_combo_row_set_selected (self->level_row, i);

  gtk_switch_set_active (self->active_switch, ld_deputy_get_active (self->deputy));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);

  self->filling = FALSE;
}

/* The record the form starts from: a copy of the given deputy, or a new one at this desk's
 * station with the level most deputies of a station have. */
static LdDeputy *
create_original (LdDeputyEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(LdStation) station = NULL;
  LdDeputy *deputy;

  if (self->given)
    return ld_deputy_copy (self->given);

  deputy = ld_deputy_new ();
  ld_deputy_set_level (deputy, "district");
  ld_deputy_set_active (deputy, TRUE);

  if (store)
    station = ld_store_get_station (store, NULL);
  if (station)
    ld_deputy_set_station_id (deputy, ld_station_get_id (station));

  return deputy;
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Closes the dialog after the current event, so that a dialog answering from inside its own
 * response handler is not destroyed under it. */
static void
close_later (LdDeputyEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

/* ------------------------------------------------------------------ callbacks */

static void
entry_changed_cb (LdDeputyEditor *self,
                  GtkEditable    *editable)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == editable)
      {
        set_string_field (self->deputy, i, gtk_editable_get_text (editable));
        ld_form_touch (self->form, self->fields[i].field);
      }

  validate (self);
}

static void
combo_selected_cb (LdDeputyEditor *self)
{
  const char * const *levels = ld_deputy_levels ();
  guint gender = adw_combo_row_get_selected (self->gender_row);
  guint level = adw_combo_row_get_selected (self->level_row);

  if (self->filling)
    return;

  if (gender < G_N_ELEMENTS (genders))
    ld_deputy_set_gender (self->deputy, genders[gender]);
  if (level < g_strv_length ((char **) levels))
    ld_deputy_set_level (self->deputy, levels[level]);

  validate (self);
}

static void
active_notify_cb (LdDeputyEditor *self)
{
  if (self->filling)
    return;

  ld_deputy_set_active (self->deputy, gtk_switch_get_active (self->active_switch));
  validate (self);
}

static void
notes_changed_cb (LdDeputyEditor *self,
                  GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->filling)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ld_deputy_set_notes (self->deputy, *text ? text : NULL);
  ld_form_touch (self->form, "notes");

  validate (self);
}

static void
confirm_response_cb (LdDeputyEditor *self,
                     const char     *response)
{
  g_clear_object (&self->confirm_dialog);

  if (g_strcmp0 (response, "discard") == 0)
    close_later (self);
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (widget);
  LdStore *store = get_store (self);
  g_autoptr(LdDeputy) saving = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || !ld_deputy_editor_get_valid (self))
    return;

  /* The store fills in the id and tidies the phone; the form's copy stays as typed until the
   * save has gone through. */
  saving = ld_deputy_copy (self->deputy);
  if (!ld_store_save_deputy (store, saving, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the deputy could not be saved */
      message = g_strdup_printf (_("The deputy could not be saved: %s"), error->message);
      show_save_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saving);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_deputy_editor_close_request (GtkWindow *window)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (window);

  if (self->closing || !ld_deputy_editor_get_modified (self))
    return GTK_WINDOW_CLASS (ld_deputy_editor_parent_class)->close_request (window);

  ld_editor_parts_ask_discard (window, &self->confirm_dialog, _("Discard Changes?"),
                               _("What you typed for this deputy has not been saved and "
                                 "will be lost."),
                               G_CALLBACK (confirm_response_cb));

  return TRUE;
}

static void
ld_deputy_editor_constructed (GObject *object)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (object);
  gboolean is_new;

  G_OBJECT_CLASS (ld_deputy_editor_parent_class)->constructed (object);

  self->original = create_original (self);
  self->deputy = ld_deputy_copy (self->original);
  is_new = ld_deputy_get_id (self->deputy) == 0;

  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Deputy") : _("Edit Deputy"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));

  /* A stored deputy shows every problem at once; a new one as the user gets to each field. */
  ld_form_set_show_all (self->form, !is_new);

  fill_form (self);
  update_station (self);
  validate (self);
}

static void
ld_deputy_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_DEPUTY:
      g_value_set_object (value, self->given);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, ld_deputy_editor_get_valid (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, ld_deputy_editor_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_deputy_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_DEPUTY:
      self->given = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_deputy_editor_dispose (GObject *object)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (object);

  if (self->confirm_dialog)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
  g_clear_object (&self->confirm_dialog);
  g_clear_object (&self->context);
  g_clear_object (&self->given);
  g_clear_object (&self->original);
  g_clear_object (&self->deputy);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_DEPUTY_EDITOR);

  G_OBJECT_CLASS (ld_deputy_editor_parent_class)->dispose (object);
}

static void
ld_deputy_editor_finalize (GObject *object)
{
  LdDeputyEditor *self = LD_DEPUTY_EDITOR (object);

  /* The form holds no references, only what it last showed. */
  g_clear_object (&self->form);

  G_OBJECT_CLASS (ld_deputy_editor_parent_class)->finalize (object);
}

static void
ld_deputy_editor_class_init (LdDeputyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_deputy_editor_constructed;
  object_class->get_property = ld_deputy_editor_get_property;
  object_class->set_property = ld_deputy_editor_set_property;
  object_class->dispose = ld_deputy_editor_dispose;
  object_class->finalize = ld_deputy_editor_finalize;

  window_class->close_request = ld_deputy_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEPUTY] =
    g_param_spec_object ("deputy", NULL, NULL,
                         LD_TYPE_DEPUTY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdDeputyEditor::saved:
   * @deputy: the deputy as stored, with its id
   *
   * The deputy was saved; the dialog closes itself.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LD_TYPE_DEPUTY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-deputy-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, constituency_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, constituency_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, group_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, station_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, occupation_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, workplace_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, workplace_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, phone_error);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, notes_frame);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LdDeputyEditor, notes_error);

  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, active_notify_cb);

  gtk_widget_class_install_action (widget_class, "deputy.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "deputy.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "deputy.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "deputy.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "deputy.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "deputy.cancel", NULL);
}

static void
ld_deputy_editor_init (LdDeputyEditor *self)
{
  const char * const *levels = ld_deputy_levels ();
  g_autoptr(GtkStringList) gender_names = NULL;
  g_autoptr(GtkStringList) level_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The field names are the properties of LdDeputy, as ld_deputy_validate() reports them. */
  self->fields[FIELD_NAME] = (LdFormEntry) { "name", GTK_EDITABLE (self->name_row),
                                             self->name_error };
  self->fields[FIELD_CONSTITUENCY] = (LdFormEntry) { "constituency",
                                                     GTK_EDITABLE (self->constituency_row),
                                                     self->constituency_error };
  self->fields[FIELD_GROUP] = (LdFormEntry) { "group", GTK_EDITABLE (self->group_row),
                                              self->group_error };
  self->fields[FIELD_OCCUPATION] = (LdFormEntry) { "occupation",
                                                   GTK_EDITABLE (self->occupation_row),
                                                   self->occupation_error };
  self->fields[FIELD_WORKPLACE] = (LdFormEntry) { "workplace",
                                                  GTK_EDITABLE (self->workplace_row),
                                                  self->workplace_error };
  self->fields[FIELD_PHONE] = (LdFormEntry) { "phone", GTK_EDITABLE (self->phone_row),
                                              self->phone_error };

  self->form = ld_form_new ();
  ld_form_add_entries (self->form, self->fields, N_FIELDS);
  ld_form_add_field (self->form, "notes", GTK_WIDGET (self->notes_frame), self->notes_error);
  /* A choice from a list can only be wrong in a record stored by an older version, so its
   * message shows at once. */
  ld_form_add_field (self->form, "gender", GTK_WIDGET (self->gender_row), NULL);
  ld_form_add_field (self->form, "level", GTK_WIDGET (self->level_row), NULL);
  ld_form_touch (self->form, "gender");
  ld_form_touch (self->form, "level");

  self->filling = TRUE;

  gender_names = gtk_string_list_new ((const char * const []) {
    C_("gender", "Not Given"),
    C_("gender", "Female"),
    C_("gender", "Male"),
    NULL,
  });
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (gender_names));

  for (guint i = 0; levels[i]; i++)
    gtk_string_list_append (level_names, ld_deputy_level_to_string (levels[i]));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (level_names));

  self->filling = FALSE;

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_deputy_editor_new:
 * @parent: (nullable): the window the dialog belongs to
 * @context: the shared services, with an open database
 * @deputy: (nullable): the deputy to edit, or %NULL for a new one
 *
 * The dialog edits a copy of @deputy and saves it through the store; ::saved tells the caller.
 */
LdDeputyEditor *
ld_deputy_editor_new (GtkWindow *parent,
                      LdContext *context,
                      LdDeputy  *deputy)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!deputy || LD_IS_DEPUTY (deputy), NULL);

  return g_object_new (LD_TYPE_DEPUTY_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "deputy", deputy,
                       NULL);
}

/* Returns: (transfer none): the copy being edited */
LdDeputy *
ld_deputy_editor_get_deputy (LdDeputyEditor *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY_EDITOR (self), NULL);

  return self->deputy;
}

gboolean
ld_deputy_editor_get_valid (LdDeputyEditor *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY_EDITOR (self), FALSE);

  return ld_form_get_valid (self->form);
}

gboolean
ld_deputy_editor_get_modified (LdDeputyEditor *self)
{
  g_return_val_if_fail (LD_IS_DEPUTY_EDITOR (self), FALSE);

  if (self->original == NULL || self->deputy == NULL)
    return FALSE;

  return !ld_deputy_equal (self->original, self->deputy);
}

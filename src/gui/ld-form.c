/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ld-form.h"

/*
 * How the editors show what ld_*_validate() found: each field's message under its row and the
 * row marked as wrong, but only on the fields the user has been to, so that a new, empty form
 * does not open covered in red. A stored record shows every problem at once (show-all).
 */

typedef struct
{
  char      *field;     /* property name of the record, as its validation reports it */
  GtkWidget *row;
  GtkLabel  *message;   /* nullable: the label that shows the field's message */
} Field;

struct _LdForm
{
  GObject      parent_instance;

  /* Owned */
  GArray      *fields;      /* of Field; the widgets in it are borrowed from the editor */
  GHashTable  *touched;     /* the fields the user has been to */
  GHashTable  *errors;      /* field → message of the last validation, NULL before one */
  char        *catch_all;
  gboolean     show_all;
};

G_DEFINE_FINAL_TYPE (LdForm, ld_form, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ helpers */

/* Validation names fields by property; accept either spelling of a two-word one. */
static char *
canonical_field (const char *field)
{
  return g_strdelimit (g_strdup (field), "_", '-');
}

static void
field_clear (gpointer data)
{
  Field *f = data;

  g_clear_pointer (&f->field, g_free);
}

static Field *
find_field (LdForm     *self,
            const char *field)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);

      if (g_str_equal (f->field, field))
        return f;
    }

  return NULL;
}

static const char *
lookup_error (LdForm     *self,
              const char *field)
{
  return self->errors ? g_hash_table_lookup (self->errors, field) : NULL;
}

static void
set_message_visible (Field    *f,
                     gboolean  visible)
{
  GtkWidget *label = GTK_WIDGET (f->message);
  GtkWidget *parent = gtk_widget_get_parent (label);

  /* Entry rows have their message in a row of its own right under them. */
  gtk_widget_set_visible (GTK_IS_LIST_BOX_ROW (parent) ? parent : label, visible);
}

/* @message: (nullable): what to show, or NULL to show the field as fine */
static void
show_message (Field      *f,
              const char *message)
{
  if (message)
    gtk_widget_add_css_class (f->row, "error");
  else
    gtk_widget_remove_css_class (f->row, "error");

  if (f->message)
    {
      gtk_label_set_label (f->message, message ? message : "");
      set_message_visible (f, message != NULL);
    }
  else if (ADW_IS_ACTION_ROW (f->row))
    {
      /* A choice from a list says what is wrong in its subtitle. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (f->row), message ? message : "");
    }
}

/* Messages about something the form has no field for still have to be seen: they go under the
 * catch-all field, after its own message. */
static void
show_unplaced (LdForm *self)
{
  g_autoptr(GString) unplaced = g_string_new (NULL);
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *shown;
  Field *f;

  f = self->catch_all ? find_field (self, self->catch_all) : NULL;
  if (f == NULL || f->message == NULL || self->errors == NULL)
    return;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (find_field (self, key) == NULL)
      {
        if (unplaced->len > 0)
          g_string_append_c (unplaced, '\n');
        g_string_append (unplaced, value);
      }

  if (unplaced->len == 0)
    return;

  shown = gtk_label_get_label (f->message);
  text = shown[0] ? g_strconcat (shown, "\n", unplaced->str, NULL) : g_strdup (unplaced->str);
  gtk_label_set_label (f->message, text);
  set_message_visible (f, TRUE);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_form_finalize (GObject *object)
{
  LdForm *self = LD_FORM (object);

  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->catch_all, g_free);

  G_OBJECT_CLASS (ld_form_parent_class)->finalize (object);
}

static void
ld_form_class_init (LdFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ld_form_finalize;
}

static void
ld_form_init (LdForm *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, field_clear);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ------------------------------------------------------------------ public API */

LdForm *
ld_form_new (void)
{
  return g_object_new (LD_TYPE_FORM, NULL);
}

/**
 * ld_form_add_field:
 * @field: the property name the record's validation reports the field's problems under
 * @row: the row that is marked as wrong
 * @message: (nullable): the label for the message, in a row of its own under @row or beside it;
 *   without one, an #AdwActionRow shows the message as its subtitle
 *
 * The form only borrows the widgets: they must live as long as it is used.
 */
void
ld_form_add_field (LdForm     *self,
                   const char *field,
                   GtkWidget  *row,
                   GtkLabel   *message)
{
  Field f;

  g_return_if_fail (LD_IS_FORM (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (!message || GTK_IS_LABEL (message));

  f = (Field) { canonical_field (field), row, message };
  g_array_append_val (self->fields, f);
}

/* Adds each of @entries as by ld_form_add_field(). */
void
ld_form_add_entries (LdForm            *self,
                     const LdFormEntry *entries,
                     guint              n_entries)
{
  g_return_if_fail (LD_IS_FORM (self));
  g_return_if_fail (entries != NULL || n_entries == 0);

  for (guint i = 0; i < n_entries; i++)
    ld_form_add_field (self, entries[i].field, GTK_WIDGET (entries[i].row), entries[i].message);
}

/* Messages for fields the form does not have are shown under @field. */
void
ld_form_set_catch_all (LdForm     *self,
                       const char *field)
{
  g_return_if_fail (LD_IS_FORM (self));

  g_free (self->catch_all);
  self->catch_all = field ? canonical_field (field) : NULL;
}

/* Whether every message shows, whether the user has been to the field or not: a stored record
 * shows its problems at once. Takes effect at the next ld_form_show_errors(). */
void
ld_form_set_show_all (LdForm   *self,
                      gboolean  show_all)
{
  g_return_if_fail (LD_IS_FORM (self));

  self->show_all = !!show_all;
}

/* The user has been to @field: its message shows from the next ld_form_show_errors() on. */
void
ld_form_touch (LdForm     *self,
               const char *field)
{
  g_return_if_fail (LD_IS_FORM (self));
  g_return_if_fail (field != NULL);

  g_hash_table_add (self->touched, canonical_field (field));
}

void
ld_form_touch_all (LdForm *self)
{
  g_return_if_fail (LD_IS_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    ld_form_touch (self, g_array_index (self->fields, Field, i).field);
}

void
ld_form_clear_touched (LdForm *self)
{
  g_return_if_fail (LD_IS_FORM (self));

  g_hash_table_remove_all (self->touched);
}

/**
 * ld_form_show_errors:
 * @errors: (nullable) (transfer none): field → message, as ld_*_validate() returns it; %NULL
 *   when there is no record to check
 *
 * Keeps a copy of @errors and shows each message under its field where the user has been.
 */
void
ld_form_show_errors (LdForm     *self,
                     GHashTable *errors)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (LD_IS_FORM (self));

  g_clear_pointer (&self->errors, g_hash_table_unref);
  if (errors)
    {
      self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->errors, canonical_field (key), g_strdup (value));
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *f = &g_array_index (self->fields, Field, i);
      const char *message = lookup_error (self, f->field);
      gboolean show = message != NULL
                      && (self->show_all || g_hash_table_contains (self->touched, f->field));

      show_message (f, show ? message : NULL);
    }

  show_unplaced (self);
}

/* Whether the last errors shown were none at all. */
gboolean
ld_form_get_valid (LdForm *self)
{
  g_return_val_if_fail (LD_IS_FORM (self), FALSE);

  return self->errors != NULL && g_hash_table_size (self->errors) == 0;
}

/* ------------------------------------------------------------------ dialogs */

/*
 * The question an editor asks before it closes over unsaved changes: @keep_response is the
 * default and what Escape answers, "discard" is marked destructive. The texts come translated
 * from the editor. The dialog is not presented yet, so the caller can connect to "response".
 */
AdwMessageDialog *
ld_form_new_discard_dialog (GtkWindow  *editor,
                            const char *heading,
                            const char *body,
                            const char *keep_response,
                            const char *keep_label,
                            const char *discard_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);
  g_return_val_if_fail (keep_response != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (editor, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    keep_response, keep_label,
                                    "discard", discard_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, keep_response);
  adw_message_dialog_set_close_response (dialog, keep_response);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  return dialog;
}

char *
ld_form_dup_commit_label (const char *opening_label)
{
  static const char *const ellipses[] = { "\u2026", "..." };
  char *label = g_strdup (opening_label != NULL ? opening_label : "");

  g_strchomp (label);
  for (guint i = 0; i < G_N_ELEMENTS (ellipses); i++)
    if (g_str_has_suffix (label, ellipses[i]) && strlen (label) > strlen (ellipses[i]))
      {
        label[strlen (label) - strlen (ellipses[i])] = '\0';
        g_strchomp (label);
        break;
      }

  return label;
}

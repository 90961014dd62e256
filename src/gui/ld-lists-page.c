/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-lists-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ld-lists-page.h"
#include "ld-suggestion-store.h"
#include "ld-toast.h"

/* The editable lists — categories, channels, answer classes — as rows the user renames in place.
 * A seeded entry shows its default name in the UI language until the user renames it; clearing
 * the name brings the default back. */

#define N_LISTS 4
#define N_DEADLINES 6
#define MAX_TIME_LIMIT_DAYS 60

typedef struct
{
  GtkListBox  *list;
  AdwEntryRow *add_row;
  GPtrArray   *entries;   /* LdListEntry, in position order */
  GPtrArray   *rows;      /* AdwEntryRow, one for each entry, in the same order */
} ListState;

struct _LdListsPage
{
  AdwPreferencesPage    parent_instance;

  /* Template widgets */
  GtkSpinButton        *default_limit_spin;
  GtkSpinButton        *deadline_spins[N_DEADLINES];
  AdwPreferencesGroup  *groups[N_LISTS];

  /* Owned */
  LdContext            *context;
  LdStore              *store;
  ListState             lists[N_LISTS];
  guint                 reload_source;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (LdListsPage, ld_lists_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void entry_row_apply_cb         (AdwEntryRow   *row,
                                        LdListsPage   *self);
static void entry_row_changed_cb       (AdwEntryRow   *row,
                                        LdListsPage   *self);
static void time_limit_changed_cb      (GtkSpinButton *spin,
                                        LdListsPage   *self);
static int  time_limit_input_cb        (GtkSpinButton *spin,
                                        double        *new_value,
                                        gpointer       user_data);
static gboolean time_limit_output_cb   (GtkSpinButton *spin,
                                        gpointer       user_data);

/* The suggestion deadlines in the order of their rows, as fields of LdSuggestionDeadlines. */
static const struct
{
  const char *spin;
  gsize       offset;
} deadline_fields[N_DEADLINES] = {
  { "answer_due_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, answer_due_months) },
  { "co_unit_opinion_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, co_unit_opinion_months) },
  { "return_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, return_working_days) },
  { "extension_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, extension_max_months) },
  { "rehandling_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, rehandling_months) },
  { "due_soon_spin", G_STRUCT_OFFSET (LdSuggestionDeadlines, due_soon_days) },
};

#define DEADLINE_FIELD(deadlines, i) \
  G_STRUCT_MEMBER (int, (deadlines), deadline_fields[(i)].offset)

/* ------------------------------------------------------------------ helpers */

static void G_GNUC_PRINTF (2, 3)
show_error (LdListsPage *self,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  ld_toast_add (GTK_WIDGET (self), ld_toast_new_plain (message));
}

static LdListEntry *
find_entry (LdListsPage *self,
            LdListKind   kind,
            gint64       id,
            guint       *index)
{
  GPtrArray *entries;

  if ((guint) kind >= N_LISTS)
    return NULL;

  entries = self->lists[kind].entries;
  for (guint i = 0; i < entries->len; i++)
    {
      LdListEntry *entry = g_ptr_array_index (entries, i);

      if (ld_list_entry_get_id (entry) == id)
        {
          if (index)
            *index = i;
          return entry;
        }
    }

  return NULL;
}

/* The entry shown in @row, as it was last saved. */
static LdListEntry *
find_row_entry (LdListsPage *self,
                GtkWidget   *row,
                LdListKind   kind)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "entry-id");

  return id ? find_entry (self, kind, *id, NULL) : NULL;
}

static gint64
get_row_entry_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "entry-id");

  return id ? *id : 0;
}

/* Until the page reloads, what was just saved stands in for the entry it replaces, so that a
 * second change right after the first starts from it. */
static void
remember_saved (LdListsPage *self,
                LdListEntry *saved)
{
  LdListKind kind = ld_list_entry_get_kind (saved);
  guint index;

  if ((guint) kind >= N_LISTS)
    return;

  if (find_entry (self, kind, ld_list_entry_get_id (saved), &index))
    {
      g_object_unref (g_ptr_array_index (self->lists[kind].entries, index));
      self->lists[kind].entries->pdata[index] = g_object_ref (saved);
    }
  else
    g_ptr_array_add (self->lists[kind].entries, g_object_ref (saved));
}

static void
update_actions (LdListsPage *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.move-up", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.move-down", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.toggle-hidden", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.delete", open);

  gtk_widget_set_sensitive (GTK_WIDGET (self->default_limit_spin), open);
  for (guint i = 0; i < N_DEADLINES; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->deadline_spins[i]), open);
  for (guint k = 0; k < N_LISTS; k++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->lists[k].add_row), open);
}

/* Sets the text of an entry row without it taking the change for the user's. */
static void
set_row_text (LdListsPage *self,
              AdwEntryRow *row,
              const char  *text)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "edited", NULL);
  self->updating = updating;
}

/* Says where the name comes from, and whether new records can use the entry. Every row has a
 * title, so that the names line up. */
static char *
dup_row_title (LdListEntry *entry)
{
  const char *seed_key = ld_list_entry_get_seed_key (entry);
  const char *name = ld_list_entry_get_name (entry);
  const char *seed_name = seed_key ? ld_list_seed_display_name (ld_list_entry_get_kind (entry),
                                                                seed_key)
                                   : NULL;
  g_autofree char *origin = NULL;

  if (seed_key == NULL)
    origin = g_strdup (_("Added for this station"));
  else if (name && name[0] && seed_name)
    /* Translators: %s is the default name of a category, channel or answer class */
    origin = g_strdup_printf (_("Renamed from “%s”"), seed_name);
  else
    origin = g_strdup (_("Default name"));

  if (ld_list_entry_get_hidden (entry))
    /* Translators: the first %s says the entry is hidden, the second where its name comes from */
    return g_strdup_printf (C_("entry notes", "%s · %s"), _("Hidden from new records"), origin);

  return g_steal_pointer (&origin);
}

static GMenuModel *
create_entry_menu (LdListEntry *entry,
                   guint        index,
                   guint        n_entries)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) state = g_menu_new ();
  GVariant *target = g_variant_new ("(ix)", (int) ld_list_entry_get_kind (entry),
                                    ld_list_entry_get_id (entry));
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (target);

  if (index > 0)
    {
      item = g_menu_item_new (_("Move _Up"), NULL);
      g_menu_item_set_action_and_target_value (item, "lists.move-up", target);
      g_menu_append_item (order, item);
      g_clear_object (&item);
    }
  if (index + 1 < n_entries)
    {
      item = g_menu_item_new (_("Move _Down"), NULL);
      g_menu_item_set_action_and_target_value (item, "lists.move-down", target);
      g_menu_append_item (order, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (ld_list_entry_get_hidden (entry) ? _("_Show in New Records")
                                                          : _("_Hide From New Records"),
                          NULL);
  g_menu_item_set_action_and_target_value (item, "lists.toggle-hidden", target);
  g_menu_append_item (state, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "lists.delete", target);
  g_menu_append_item (state, item);
  g_clear_object (&item);

  if (g_menu_model_get_n_items (G_MENU_MODEL (order)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (state));

  g_variant_unref (target);

  return G_MENU_MODEL (menu);
}

static void
set_spin_value (LdListsPage   *self,
                GtkSpinButton *spin,
                double         value)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  /* Runs the output handler even when the value is unchanged, so a new row shows 0 as empty. */
  gtk_spin_button_set_value (spin, value);
  self->updating = updating;
}

static void
set_spin_placeholder (GtkSpinButton *spin,
                      int            days)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  g_autofree char *text = g_strdup_printf ("%d", days);

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), text);
}

static GtkWidget *
create_time_limit_spin (LdListsPage *self)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_TIME_LIMIT_DAYS, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_widget_set_tooltip_text (spin, _("Time limit in working days; empty for the general "
                                       "time limit"));
  g_signal_connect (spin, "input", G_CALLBACK (time_limit_input_cb), NULL);
  g_signal_connect (spin, "output", G_CALLBACK (time_limit_output_cb), NULL);

  return spin;
}

/* Shows @entry in @row, the row of position @index of @n_entries; keeps what the user is typing. */
static void
update_entry_row (LdListsPage *self,
                  AdwEntryRow *row,
                  LdListEntry *entry,
                  guint        index,
                  guint        n_entries)
{
  g_autofree char *title = dup_row_title (entry);
  g_autoptr(GMenuModel) menu = create_entry_menu (entry, index, n_entries);
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (row), "menu-button");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");

  g_object_set_data_full (G_OBJECT (row), "entry-id",
                          g_memdup2 (&(gint64) { ld_list_entry_get_id (entry) }, sizeof (gint64)),
                          g_free);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (!g_object_get_data (G_OBJECT (row), "edited"))
    set_row_text (self, row, ld_list_entry_get_display_name (entry));

  if (ld_list_entry_get_hidden (entry))
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");

  gtk_menu_button_set_menu_model (menu_button, menu);

  if (spin)
    {
      int days = ld_list_entry_get_time_limit_days (entry);

      set_spin_placeholder (spin, (int) gtk_spin_button_get_value (self->default_limit_spin));
      set_spin_value (self, spin, days > 0 ? days : 0);
    }
}

static AdwEntryRow *
create_entry_row (LdListsPage *self,
                  LdListKind   kind)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  GtkWidget *menu_button = gtk_menu_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));

  if (kind == LD_LIST_CONCERN_CATEGORY)
    {
      GtkWidget *spin = create_time_limit_spin (self);

      adw_entry_row_add_suffix (row, spin);
      g_object_set_data (G_OBJECT (row), "spin", spin);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (time_limit_changed_cb), self, 0);
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  gtk_widget_add_css_class (menu_button, "flat");
  adw_entry_row_add_suffix (row, menu_button);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);

  g_signal_connect_object (row, "apply", G_CALLBACK (entry_row_apply_cb), self, 0);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_row_changed_cb), self, 0);

  return row;
}

static gboolean
rows_show_entries (GPtrArray *rows,
                   GPtrArray *entries)
{
  if (rows->len != entries->len)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (get_row_entry_id (g_ptr_array_index (rows, i))
        != ld_list_entry_get_id (g_ptr_array_index (entries, i)))
      return FALSE;

  return TRUE;
}

static void
show_list (LdListsPage *self,
           LdListKind   kind,
           GPtrArray   *entries)
{
  ListState *state = &self->lists[kind];

  /* The same entries in the same order are updated in place, so that a row being typed in or
   * a time limit being stepped through keeps its focus. */
  if (!rows_show_entries (state->rows, entries))
    {
      for (guint i = 0; i < state->rows->len; i++)
        gtk_list_box_remove (state->list, g_ptr_array_index (state->rows, i));
      g_ptr_array_set_size (state->rows, 0);

      for (guint i = 0; i < entries->len; i++)
        {
          AdwEntryRow *row = create_entry_row (self, kind);

          gtk_list_box_insert (state->list, GTK_WIDGET (row), i);
          g_ptr_array_add (state->rows, row);
        }
    }

  g_ptr_array_set_size (state->entries, 0);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (state->entries, g_object_ref (g_ptr_array_index (entries, i)));

  for (guint i = 0; i < entries->len; i++)
    update_entry_row (self, g_ptr_array_index (state->rows, i),
                      g_ptr_array_index (entries, i), i, entries->len);
}

static void
reload (LdListsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store)
    set_spin_value (self, self->default_limit_spin,
                    ld_store_get_default_time_limit (self->store));

  if (self->store)
    {
      LdSuggestionDeadlines deadlines = { 0 };

      /* The page edits the defaults every station follows (ld_suggestion_store_set_deadlines). */
      if (ld_suggestion_store_get_deadlines (self->store, 0, &deadlines, &error))
        for (guint i = 0; i < N_DEADLINES; i++)
          set_spin_value (self, self->deadline_spins[i], DEADLINE_FIELD (&deadlines, i));
    }

  for (guint k = 0; k < N_LISTS; k++)
    {
      g_autoptr(GPtrArray) entries = NULL;

      if (self->store)
        entries = ld_store_list_entries (self->store, k, TRUE, error ? NULL : &error);
      if (entries == NULL)
        entries = g_ptr_array_new_with_free_func (g_object_unref);

      show_list (self, k, entries);
    }

  if (error)
    show_error (self,
                /* Translators: %s says in plain words why the lists could not be loaded */
                _("The lists could not be loaded: %s"), error->message);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LdListsPage *self = user_data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* A move saves two entries; one reload after both is enough, and a row must not be destroyed
 * while its own menu or spin button is still handling the change. */
static void
queue_reload (LdListsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static gboolean
save_entry (LdListsPage *self,
            LdListEntry *entry)
{
  g_autoptr(GError) error = NULL;

  if (!ld_store_save_entry (self->store, entry, &error))
    {
      /* Translators: %s says in plain words why the change could not be saved */
      show_error (self, _("The change could not be saved: %s"), error->message);
      return FALSE;
    }

  remember_saved (self, entry);
  return TRUE;
}

static void
rename_entry (LdListsPage *self,
              AdwEntryRow *row,
              LdListEntry *entry,
              const char  *text)
{
  const char *seed_key = ld_list_entry_get_seed_key (entry);
  const char *seed_name = seed_key ? ld_list_seed_display_name (ld_list_entry_get_kind (entry),
                                                                seed_key)
                                   : NULL;
  const char *name = text;
  g_autoptr(LdListEntry) copy = NULL;

  /* An empty name, or the default name typed out, returns a seeded entry to its default: it then
   * follows the language of the UI again. */
  if (text[0] == '\0' || (seed_name && g_str_equal (text, seed_name)))
    {
      if (seed_key == NULL)
        {
          ld_toast_add (GTK_WIDGET (self),
                        ld_toast_new_plain (_("An entry needs a name. To remove it, delete it.")));
          set_row_text (self, row, ld_list_entry_get_display_name (entry));
          return;
        }
      name = NULL;
    }

  if (g_strcmp0 (name, ld_list_entry_get_name (entry)) == 0)
    {
      set_row_text (self, row, ld_list_entry_get_display_name (entry));
      return;
    }

  copy = ld_list_entry_copy (entry);
  ld_list_entry_set_name (copy, name);
  if (save_entry (self, copy))
    queue_reload (self);
}

static void
move_entry (LdListsPage *self,
            GVariant    *parameter,
            int          offset)
{
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *entries;
  LdListEntry *entry;
  int kind;
  gint64 id;
  guint index = 0;
  guint other;

  g_variant_get (parameter, "(ix)", &kind, &id);
  entry = find_entry (self, kind, id, &index);
  if (self->store == NULL || entry == NULL)
    return;

  entries = self->lists[kind].entries;
  if ((offset < 0 && index == 0) || (offset > 0 && index + 1 >= entries->len))
    return;
  other = index + offset;

  /* Positions may have gaps or ties; number the whole list again and save what moved. */
  order = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (order, g_ptr_array_index (entries, i));
  order->pdata[index] = g_ptr_array_index (entries, other);
  order->pdata[other] = entry;

  for (guint i = 0; i < order->len; i++)
    g_object_ref (g_ptr_array_index (order, i));
  g_ptr_array_set_free_func (order, g_object_unref);

  for (guint i = 0; i < order->len; i++)
    {
      LdListEntry *moved = g_ptr_array_index (order, i);

      if (ld_list_entry_get_position (moved) != (int) i)
        {
          g_autoptr(LdListEntry) copy = ld_list_entry_copy (moved);

          ld_list_entry_set_position (copy, i);
          if (!save_entry (self, copy))
            break;
          g_object_unref (order->pdata[i]);
          order->pdata[i] = g_object_ref (copy);
        }
    }

  /* The next move, before the reload, starts from this order. */
  g_ptr_array_set_size (entries, 0);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (order, i)));

  queue_reload (self);
}

static int
next_position (LdListsPage *self,
               LdListKind   kind)
{
  GPtrArray *entries = self->lists[kind].entries;
  int position = 0;

  for (guint i = 0; i < entries->len; i++)
    position = MAX (position, ld_list_entry_get_position (g_ptr_array_index (entries, i)) + 1);

  return position;
}

static LdListKind
kind_of_add_row (LdListsPage *self,
                 AdwEntryRow *row)
{
  for (guint k = 0; k < N_LISTS; k++)
    if (self->lists[k].add_row == row)
      return k;

  g_return_val_if_reached (LD_LIST_CONCERN_CATEGORY);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdStore     *store,
                  const char  *kind,
                  gint64       id,
                  LdListsPage *self)
{
  if (g_str_has_prefix (kind, "list") || g_str_has_prefix (kind, "setting"))
    queue_reload (self);
}

static void
set_store (LdListsPage *self,
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
context_notify_database_cb (LdListsPage *self)
{
  set_store (self, ld_context_get_store (self->context));
}

static void
entry_row_changed_cb (AdwEntryRow *row,
                      LdListsPage *self)
{
  if (!self->updating)
    g_object_set_data (G_OBJECT (row), "edited", GINT_TO_POINTER (TRUE));
}

static void
entry_row_apply_cb (AdwEntryRow *row,
                    LdListsPage *self)
{
  LdListKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  LdListEntry *entry = find_row_entry (self, GTK_WIDGET (row), kind);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_object_set_data (G_OBJECT (row), "edited", NULL);
  if (self->store == NULL || entry == NULL)
    return;

  rename_entry (self, row, entry, text);
}

static void
add_row_apply_cb (AdwEntryRow *row,
                  LdListsPage *self)
{
  LdListKind kind = kind_of_add_row (self, row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(LdListEntry) entry = NULL;

  if (self->store == NULL || text[0] == '\0')
    return;

  entry = ld_list_entry_new (kind);
  ld_list_entry_set_name (entry, text);
  ld_list_entry_set_position (entry, next_position (self, kind));
  ld_list_entry_set_time_limit_days (entry, -1);

  /* What was typed stays in the row when saving fails. */
  if (save_entry (self, entry))
    {
      set_row_text (self, row, "");
      queue_reload (self);
    }
}

static void
time_limit_changed_cb (GtkSpinButton *spin,
                       LdListsPage   *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ENTRY_ROW);
  LdListEntry *entry = row ? find_row_entry (self, row, LD_LIST_CONCERN_CATEGORY) : NULL;
  int value = gtk_spin_button_get_value_as_int (spin);
  int days = value > 0 ? value : -1;
  g_autoptr(LdListEntry) copy = NULL;

  if (self->updating || self->store == NULL || entry == NULL)
    return;
  if (ld_list_entry_get_time_limit_days (entry) == days
      || (days < 0 && ld_list_entry_get_time_limit_days (entry) <= 0))
    return;

  copy = ld_list_entry_copy (entry);
  ld_list_entry_set_time_limit_days (copy, days);
  if (save_entry (self, copy))
    queue_reload (self);
}

/* Empty means "the general time limit", which the spin button holds as 0. */
static int
time_limit_input_cb (GtkSpinButton *spin,
                     double        *new_value,
                     gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 value;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      *new_value = 0;
      return TRUE;
    }

  value = g_ascii_strtoll (text, &end, 10);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == text || (end && *end != '\0'))
    return GTK_INPUT_ERROR;

  *new_value = CLAMP (value, 0, MAX_TIME_LIMIT_DAYS);
  return TRUE;
}

static gboolean
time_limit_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
default_limit_changed_cb (GtkSpinButton *spin,
                          LdListsPage   *self)
{
  int days = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = self->lists[LD_LIST_CONCERN_CATEGORY].rows;

  if (self->updating || self->store == NULL)
    return;
  if (ld_store_get_default_time_limit (self->store) == days)
    return;

  if (!ld_store_set_default_time_limit (self->store, days, &error))
    {
      /* Translators: %s says in plain words why the change could not be saved */
      show_error (self, _("The change could not be saved: %s"), error->message);
      return;
    }

  /* An empty time limit of a category shows the general one it stands for. */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkSpinButton *limit = g_object_get_data (g_ptr_array_index (rows, i), "spin");

      if (limit)
        set_spin_placeholder (limit, days);
    }
}

static void
deadline_changed_cb (GtkSpinButton *spin,
                     LdListsPage   *self)
{
  LdSuggestionDeadlines deadlines = { 0 }, saved = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->updating || self->store == NULL)
    return;

  for (guint i = 0; i < N_DEADLINES; i++)
    DEADLINE_FIELD (&deadlines, i) = gtk_spin_button_get_value_as_int (self->deadline_spins[i]);
  if (ld_suggestion_store_get_deadlines (self->store, 0, &saved, NULL)
      && memcmp (&saved, &deadlines, sizeof deadlines) == 0)
    return;

  if (!ld_suggestion_store_set_deadlines (self->store, &deadlines, &error))
    {
      /* Translators: %s says in plain words why the change could not be saved */
      show_error (self, _("The change could not be saved: %s"), error->message);
      queue_reload (self);
    }
}

static void
undo_delete_cb (AdwToast    *toast,
                LdListsPage *self)
{
  LdListEntry *entry = g_object_get_data (G_OBJECT (toast), "entry");
  g_autoptr(LdListEntry) again = NULL;

  if (self->store == NULL || entry == NULL)
    return;

  /* Nothing referred to the entry, so it comes back as a new one with the same values. */
  again = ld_list_entry_copy (entry);
  ld_list_entry_set_id (again, 0);
  if (save_entry (self, again))
    queue_reload (self);
}

/* ------------------------------------------------------------------ actions */

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_entry (LD_LISTS_PAGE (widget), parameter, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_entry (LD_LISTS_PAGE (widget), parameter, 1);
}

static void
toggle_hidden_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdListsPage *self = LD_LISTS_PAGE (widget);
  g_autoptr(LdListEntry) copy = NULL;
  LdListEntry *entry;
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  entry = find_entry (self, kind, id, NULL);
  if (self->store == NULL || entry == NULL)
    return;

  copy = ld_list_entry_copy (entry);
  ld_list_entry_set_hidden (copy, !ld_list_entry_get_hidden (entry));
  if (save_entry (self, copy))
    queue_reload (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdListsPage *self = LD_LISTS_PAGE (widget);
  LdDeleteOutcome outcome = LD_DELETE_DELETED;
  g_autoptr(LdListEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  g_autoptr(LdListEntry) entry = NULL;
  AdwToast *toast;
  guint index = 0;
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  if (self->store == NULL || find_entry (self, kind, id, &index) == NULL)
    return;

  entry = g_object_ref (g_ptr_array_index (self->lists[kind].entries, index));
  copy = ld_list_entry_copy (entry);
  name = g_strdup (ld_list_entry_get_display_name (entry));
  if (!ld_store_delete_entry (self->store, copy, &outcome, &error))
    {
      /* Translators: %s says in plain words why the entry could not be deleted */
      show_error (self, _("The entry could not be deleted: %s"), error->message);
      return;
    }
  if (outcome == LD_DELETE_DELETED)
    g_ptr_array_remove_index (self->lists[kind].entries, index);
  queue_reload (self);

  if (outcome == LD_DELETE_RETIRED)
    {
      /* Translators: %s is the name of a category, channel or answer class */
      message = g_strdup_printf (_("“%s” is in use, so it was hidden from new records instead "
                                   "of deleted"), name);
      toast = ld_toast_new_plain (message);
      adw_toast_set_timeout (toast, 8);
      ld_toast_add (GTK_WIDGET (self), toast);
      return;
    }

  /* Translators: %s is the name of a category, channel or answer class */
  message = g_strdup_printf (_("“%s” deleted"), name);
  toast = ld_toast_new_undo (message, _("_Undo"), "entry", ld_list_entry_copy (entry),
                             g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  ld_toast_add (GTK_WIDGET (self), toast);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_lists_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LdListsPage *self = LD_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_lists_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LdListsPage *self = LD_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_lists_page_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_lists_page_dispose (GObject *object)
{
  LdListsPage *self = LD_LISTS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_LISTS_PAGE);

  for (guint k = 0; k < N_LISTS; k++)
    {
      g_clear_pointer (&self->lists[k].entries, g_ptr_array_unref);
      g_clear_pointer (&self->lists[k].rows, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (ld_lists_page_parent_class)->dispose (object);
}

#define BIND_LIST(klass, kind, prefix)                                                          \
  G_STMT_START {                                                                                \
    gtk_widget_class_bind_template_child_full (klass, prefix "_group", FALSE,                  \
                                               G_STRUCT_OFFSET (LdListsPage, groups[kind]));   \
    gtk_widget_class_bind_template_child_full (klass, prefix "_list", FALSE,                   \
                                               G_STRUCT_OFFSET (LdListsPage, lists[kind].list)); \
    gtk_widget_class_bind_template_child_full (klass, prefix "_add_row", FALSE,                \
                                               G_STRUCT_OFFSET (LdListsPage,                   \
                                                                lists[kind].add_row));         \
  } G_STMT_END

static void
ld_lists_page_class_init (LdListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_lists_page_get_property;
  object_class->set_property = ld_lists_page_set_property;
  object_class->dispose = ld_lists_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdListsPage, default_limit_spin);
  for (guint i = 0; i < N_DEADLINES; i++)
    gtk_widget_class_bind_template_child_full (widget_class, deadline_fields[i].spin, FALSE,
                                               G_STRUCT_OFFSET (LdListsPage, deadline_spins)
                                               + i * sizeof (GtkSpinButton *));
  BIND_LIST (widget_class, LD_LIST_CONCERN_CATEGORY, "concern_categories");
  BIND_LIST (widget_class, LD_LIST_SUGGESTION_CATEGORY, "suggestion_categories");
  BIND_LIST (widget_class, LD_LIST_CHANNEL, "channels");
  BIND_LIST (widget_class, LD_LIST_ANSWER_CLASS, "answer_classes");

  gtk_widget_class_install_action (widget_class, "lists.move-up", "(ix)", move_up_action);
  gtk_widget_class_install_action (widget_class, "lists.move-down", "(ix)", move_down_action);
  gtk_widget_class_install_action (widget_class, "lists.toggle-hidden", "(ix)",
                                   toggle_hidden_action);
  gtk_widget_class_install_action (widget_class, "lists.delete", "(ix)", delete_action);
}

static void
ld_lists_page_init (LdListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < N_LISTS; k++)
    {
      self->lists[k].entries = g_ptr_array_new_with_free_func (g_object_unref);
      self->lists[k].rows = g_ptr_array_new ();
      g_signal_connect_object (self->lists[k].add_row, "apply", G_CALLBACK (add_row_apply_cb),
                               self, 0);
    }

  g_signal_connect_object (self->default_limit_spin, "value-changed",
                           G_CALLBACK (default_limit_changed_cb), self, 0);
  for (guint i = 0; i < N_DEADLINES; i++)
    g_signal_connect_object (self->deadline_spins[i], "value-changed",
                             G_CALLBACK (deadline_changed_cb), self, 0);

  update_actions (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_lists_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_LISTS_PAGE, "context", context, NULL);
}

LdContext *
ld_lists_page_get_context (LdListsPage *self)
{
  g_return_val_if_fail (LD_IS_LISTS_PAGE (self), NULL);

  return self->context;
}

void
ld_lists_page_set_context (LdListsPage *self,
                           LdContext   *context)
{
  g_return_if_fail (LD_IS_LISTS_PAGE (self));
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

/* Returns: (transfer none): the group of the rows of the list of @kind */
AdwPreferencesGroup *
ld_lists_page_get_group (LdListsPage *self,
                         LdListKind   kind)
{
  g_return_val_if_fail (LD_IS_LISTS_PAGE (self), NULL);
  g_return_val_if_fail ((guint) kind < N_LISTS, NULL);

  return self->groups[kind];
}

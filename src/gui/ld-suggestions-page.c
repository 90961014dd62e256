/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-suggestions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-column-sort.h"
#include "ld-concern-page.h"
#include "ld-concern-store.h"
#include "ld-concern.h"
#include "ld-deadline.h"
#include "ld-list-entry.h"
#include "ld-list-view.h"
#include "ld-query-model.h"
#include "ld-store.h"
#include "ld-suggestion-store.h"
#include "ld-suggestion.h"
#include "ld-suggestions-page.h"
#include "ld-today.h"

/*
 * The deputies' suggestions in a column view over a lazy model, as the concerns page lists
 * concerns: the search, the filters and the sort become one LdSuggestionQuery that the store
 * answers in SQL, and only the rows on screen are loaded. The due date of a suggestion a unit
 * must still answer carries the 三色 colour (on time, due soon, overdue) in libadwaita's
 * semantic colours, which keep their contrast in the dark style too.
 *
 * The other view of the page lists the concerns whose residents have not been told the outcome
 * yet. It is short by nature (it empties as the clerk calls residents back), so it is loaded
 * whole.
 */

/* Typing pauses shorter than this are one search. */
#define SEARCH_DELAY_MS 200
/* The years the year filter offers, counting back from this one. */
#define N_YEARS 10

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_DEPUTY,
  COLUMN_CATEGORY,
  COLUMN_STATE,
  COLUMN_UNIT,
  COLUMN_ASSIGNED,
  COLUMN_DUE,
  COLUMN_ANSWER,
  N_COLUMNS
} Column;

typedef enum
{
  FEEDBACK_REFERENCE,
  FEEDBACK_RESIDENT,
  FEEDBACK_SUBJECT,
  FEEDBACK_OUTCOME,
  FEEDBACK_BUTTON,
  N_FEEDBACK_COLUMNS
} FeedbackColumn;

/* The first entries of the state drop-down, before one entry per state. */
enum
{
  STATE_FILTER_ALL,
  STATE_FILTER_OPEN,
  N_STATE_FILTERS
};

struct _LdSuggestionsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkToggleButton     *suggestions_toggle;
  GtkToggleButton     *feedback_toggle;
  GtkLabel            *suggestions_count_label;
  GtkLabel            *feedback_count_label;
  GtkStack            *view_stack;
  GtkWidget           *suggestions_box;
  GtkWidget           *filter_bar;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *overdue_toggle;
  GtkToggleButton     *due_soon_toggle;
  GtkToggleButton     *key_toggle;
  GtkToggleButton     *rolling_toggle;
  GtkDropDown         *state_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *deputy_dropdown;
  GtkDropDown         *unit_dropdown;
  GtkDropDown         *year_dropdown;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *deputy_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *state_column;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *assigned_column;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *answer_column;
  AdwStatusPage       *error_page;
  GtkStack            *feedback_stack;
  GtkColumnView       *feedback_view;
  GtkColumnViewColumn *feedback_reference_column;
  GtkColumnViewColumn *feedback_resident_column;
  GtkColumnViewColumn *feedback_subject_column;
  GtkColumnViewColumn *feedback_outcome_column;
  GtkColumnViewColumn *feedback_button_column;
  AdwStatusPage       *feedback_error_page;

  /* Owned */
  LdContext           *context;
  LdStore             *store;
  LdQueryModel        *model;
  GtkSingleSelection  *selection;
  GListStore          *feedback;
  GtkSingleSelection  *feedback_selection;
  GHashTable          *outcomes;        /* concern id (gint64 *) → outcome text, for the rows */
  GPtrArray           *due_cells;       /* the due column's cells (borrowed), to colour again */
  GArray              *category_ids;
  GArray              *deputy_ids;
  GArray              *unit_ids;
  char                *search;
  char                *today;
  LdColumnSort        *column_sort;
  guint                reload_source;
  guint                feedback_source;

  guint                state_mask;
  gint64               category_id;
  gint64               deputy_id;
  gint64               unit_id;
  guint                year;
  guint                first_year;      /* the year of the year drop-down's first entry */
  gboolean             key_supervision_only;
  gboolean             rolling_only;
  gboolean             overdue_only;
  gboolean             due_soon_only;
  int                  due_soon_days;
  LdSuggestionSort     sort;
  gboolean             descending;
  gboolean             folded;
  gboolean             filling;
};

static void store_changed_cb (LdSuggestionsPage *self,
                              const char        *kind,
                              gint64             id);

G_DEFINE_FINAL_TYPE (LdSuggestionsPage, ld_suggestions_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static GDateTime *
dup_local_now (LdSuggestionsPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  now = self->context ? ld_context_now (self->context) : g_date_time_new_now_local ();
  return g_date_time_to_local (now);
}

/* Today's local date, as the 三色 colours and the due filters see it. */
static void
update_today (LdSuggestionsPage *self)
{
  g_autoptr(GDateTime) local = dup_local_now (self);

  g_clear_pointer (&self->today, g_free);
  self->today = g_date_time_format (local, "%Y-%m-%d");
}

/* How many days ahead "due soon" looks: the locality's setting. */
static void
update_deadlines (LdSuggestionsPage *self)
{
  LdSuggestionDeadlines deadlines = { 0 };
  g_autoptr(LdStation) station = NULL;

  self->due_soon_days = 7;
  if (self->store == NULL)
    return;

  station = ld_store_get_station (self->store, NULL);
  if (ld_suggestion_store_get_deadlines (self->store, station ? ld_station_get_id (station) : 0,
                                         &deadlines, NULL)
      && deadlines.due_soon_days > 0)
    self->due_soon_days = deadlines.due_soon_days;
}

static void
fill_query (LdSuggestionsPage *self,
            LdSuggestionQuery *query)
{
  *query = (LdSuggestionQuery) {
    .search = self->search,
    .state_mask = self->state_mask,
    .category_id = self->category_id,
    .deputy_id = self->deputy_id,
    .unit_id = self->unit_id,
    .year = self->year,
    .key_supervision_only = self->key_supervision_only,
    .rolling_only = self->rolling_only,
    .overdue_only = self->overdue_only,
    .due_soon_only = self->due_soon_only,
    .today = self->today,
    .sort = self->sort,
    .descending = self->descending,
  };
}

static gboolean
has_filters (LdSuggestionsPage *self)
{
  return self->search != NULL || self->state_mask != 0 || self->category_id != 0
         || self->deputy_id != 0 || self->unit_id != 0 || self->year != 0
         || self->key_supervision_only || self->rolling_only || self->overdue_only
         || self->due_soon_only;
}

static GArray *
query_ids (gpointer   user_data,
           GError   **error)
{
  LdSuggestionsPage *self = user_data;
  LdSuggestionQuery query;

  if (self->store == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  update_today (self);
  fill_query (self, &query);
  return ld_suggestion_store_query_ids (self->store, &query, error);
}

static GPtrArray *
load_suggestions (gpointer      user_data,
                  const gint64 *ids,
                  guint         n_ids,
                  GError      **error)
{
  LdSuggestionsPage *self = user_data;

  if (self->store == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return ld_suggestion_store_load (self->store, ids, n_ids, error);
}

static gint64
suggestion_id_of (gpointer item)
{
  return ld_suggestion_get_id (LD_SUGGESTION (item));
}

/* Whether the database has any suggestion at all, whatever the filters say. */
static gboolean
has_any_suggestion (LdSuggestionsPage *self)
{
  LdSuggestionQuery query = { .sort = LD_SUGGESTION_SORT_CREATED };

  if (self->store == NULL)
    return FALSE;

  return ld_suggestion_store_count (self->store, &query, NULL) > 0;
}

static void
set_count (GtkLabel   *label,
           guint       n_items,
           const char *description)
{
  g_autofree char *count = g_strdup_printf ("%'u", n_items);

  gtk_label_set_text (label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), description);
}

static void
update_view (LdSuggestionsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *description = NULL;
  const char *view;

  if (n_items > 0)
    view = "list";
  else if (has_filters (self) && has_any_suggestion (self))
    view = "no-match";
  else
    view = "empty";

  /* Translators: the number of suggestions listed, beside the page's title */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u suggestion listed",
                                              "%'u suggestions listed", n_items),
                                 n_items);
  set_count (self->suggestions_count_label, n_items, description);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_count_label),
                          !g_str_equal (view, "empty"));

  gtk_stack_set_visible_child_name (self->content_stack, view);
  gtk_widget_set_visible (self->filter_bar, !g_str_equal (view, "empty"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.clear-filters",
                                 has_filters (self));
}

static void
show_error (LdSuggestionsPage *self,
            const GError      *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_label_set_text (self->suggestions_count_label, "");
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
reload_now (LdSuggestionsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (!ld_query_model_reload (self->model, &error))
    {
      show_error (self, error);
      return;
    }

  update_view (self);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  LdSuggestionsPage *self = data;

  self->reload_source = 0;
  reload_now (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (typing, a burst of store signals) make one query. */
static void
queue_reload (LdSuggestionsPage *self,
              guint              delay_ms)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (delay_ms, reload_timeout_cb, self);
}

static void
update_feedback_view (LdSuggestionsPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->feedback));
  g_autofree char *description = NULL;

  /* Translators: the number of residents still to be told the outcome of their concern */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u resident owed feedback",
                                              "%'u residents owed feedback", n_items),
                                 n_items);
  set_count (self->feedback_count_label, n_items, description);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_count_label), n_items > 0);
  gtk_stack_set_visible_child_name (self->feedback_stack, n_items > 0 ? "list" : "empty");
}

static void
reload_feedback_now (LdSuggestionsPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->feedback_source, g_source_remove);
  g_hash_table_remove_all (self->outcomes);

  if (self->store)
    {
      ids = ld_suggestion_store_feedback_owed (self->store, 0, &error);
      if (ids && ids->len > 0)
        concerns = ld_concern_store_load (self->store, (const gint64 *) ids->data, ids->len,
                                          &error);
    }

  if (error)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_list_store_remove_all (self->feedback);
      adw_status_page_set_description (self->feedback_error_page, escaped);
      gtk_label_set_text (self->feedback_count_label, "");
      gtk_stack_set_visible_child_name (self->feedback_stack, "error");
      return;
    }

  g_list_store_splice (self->feedback, 0, g_list_model_get_n_items (G_LIST_MODEL (self->feedback)),
                       concerns ? concerns->pdata : NULL, concerns ? concerns->len : 0);
  update_feedback_view (self);
}

static gboolean
reload_feedback_timeout_cb (gpointer data)
{
  LdSuggestionsPage *self = data;

  self->feedback_source = 0;
  reload_feedback_now (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload_feedback (LdSuggestionsPage *self)
{
  if (self->feedback_source == 0)
    self->feedback_source = g_timeout_add (0, reload_feedback_timeout_cb, self);
}

/* The list sorts in SQL by the column the user clicked (ld-column-sort); unsorted, the newest
 * suggestions come first. */
static void
read_sort (LdSuggestionsPage *self)
{
  gboolean descending = FALSE;
  int sort = ld_column_sort_read (self->column_sort, &descending);

  if (sort < 0)
    {
      self->sort = LD_SUGGESTION_SORT_CREATED;
      self->descending = TRUE;
    }
  else
    {
      self->sort = sort;
      self->descending = descending;
    }
}

static char *
suggestion_column_text (LdSuggestion *suggestion,
                        Column        column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (ld_suggestion_get_number_display (suggestion));
    case COLUMN_TITLE:
      return g_strdup (ld_suggestion_get_title (suggestion));
    case COLUMN_DEPUTY:
      return g_strdup (ld_suggestion_get_lead_deputy_name (suggestion));
    case COLUMN_CATEGORY:
      return g_strdup (ld_suggestion_get_category_name (suggestion));
    case COLUMN_STATE:
      return g_strdup (ld_suggestion_state_to_string (ld_suggestion_get_state (suggestion)));
    case COLUMN_UNIT:
      return g_strdup (ld_suggestion_get_lead_unit_name (suggestion));
    case COLUMN_ASSIGNED:
      return g_strdup (ld_suggestion_get_assigned_date (suggestion));
    case COLUMN_DUE:
      return g_strdup (ld_suggestion_get_due_date (suggestion));
    case COLUMN_ANSWER:
      return g_strdup (ld_suggestion_get_answer_class_name (suggestion));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* The colour of a due date: only while a unit's answer is due is the deadline live. */
static LdDueStatus
suggestion_due_status (LdSuggestionsPage *self,
                       LdSuggestion      *suggestion)
{
  if (self->today == NULL || !ld_suggestion_state_is_due (ld_suggestion_get_state (suggestion)))
    return LD_DUE_NONE;

  return ld_deadline_status (ld_suggestion_get_due_date (suggestion), self->today,
                             self->due_soon_days);
}

/* What the resident is to be told: what the unit concluded, or the answer to the suggestion the
 * concern went into (the latest one answered). */
static char *
dup_outcome (LdSuggestionsPage *self,
             LdConcern         *concern)
{
  g_autoptr(GArray) ids = NULL;

  if (ld_concern_get_state (concern) != LD_CONCERN_CONVERTED || self->store == NULL)
    return g_strdup (ld_concern_get_outcome (concern));

  ids = ld_suggestion_store_for_concern (self->store, ld_concern_get_id (concern), NULL);
  for (guint i = ids ? ids->len : 0; i > 0; i--)
    {
      g_autoptr(LdSuggestion) suggestion = NULL;
      const char *answer_class, *answer;

      suggestion = ld_suggestion_store_get (self->store, g_array_index (ids, gint64, i - 1), NULL);
      if (suggestion == NULL || ld_suggestion_get_answer_date (suggestion) == NULL)
        continue;

      answer_class = ld_suggestion_get_answer_class_name (suggestion);
      answer = ld_suggestion_get_answer_text (suggestion);
      if (answer_class && answer && *answer)
        /* Translators: the answer class of a suggestion (e.g. "A"), then the answer's text */
        return g_strdup_printf (C_("suggestion answer", "%s: %s"), answer_class, answer);

      return g_strdup (answer && *answer ? answer : answer_class);
    }

  return g_strdup (ld_concern_get_outcome (concern));
}

/* Rows are bound again as they scroll; the answer behind a row is looked up once. */
static const char *
lookup_outcome (LdSuggestionsPage *self,
                LdConcern         *concern)
{
  gint64 id = ld_concern_get_id (concern);
  char *outcome;

  if (g_hash_table_lookup_extended (self->outcomes, &id, NULL, (gpointer *) &outcome))
    return outcome;

  outcome = dup_outcome (self, concern);
  g_hash_table_insert (self->outcomes, g_memdup2 (&id, sizeof id), outcome);
  return outcome;
}

static char *
feedback_column_text (LdSuggestionsPage *self,
                      LdConcern         *concern,
                      FeedbackColumn     column)
{
  switch (column)
    {
    case FEEDBACK_REFERENCE:
      return ld_concern_dup_reference (concern);
    case FEEDBACK_RESIDENT:
      return ld_concern_dup_resident_display (concern);
    case FEEDBACK_SUBJECT:
      return g_strdup (ld_concern_get_subject (concern));
    case FEEDBACK_OUTCOME:
      return g_strdup (lookup_outcome (self, concern));
    case FEEDBACK_BUTTON:
    case N_FEEDBACK_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* A concern page of the window already open on @concern_id, or NULL. */
static GtkWindow *
find_concern_page (GtkWindow *parent,
                   gint64     concern_id)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LD_IS_CONCERN_PAGE (window)
          && gtk_window_get_transient_for (window) == parent
          && ld_concern_page_get_concern_id (LD_CONCERN_PAGE (window)) == concern_id)
        return window;
    }

  return NULL;
}

/* This year and the nine before it: suggestions are counted by the year they were made in. */
static void
update_years_dropdown (LdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = dup_local_now (self);
  guint selected = 0;

  self->first_year = g_date_time_get_year (now);
  gtk_string_list_append (list, _("All Years"));
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_autofree char *year = g_strdup_printf ("%u", self->first_year - i);

      gtk_string_list_append (list, year);
      if (self->year == self->first_year - i)
        selected = i + 1;
    }

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  if (selected == 0)
    self->year = 0;
}

static void
update_dropdowns (LdSuggestionsPage *self)
{
  self->filling = TRUE;
  ld_list_view_fill_entries_dropdown (self->category_dropdown, &self->category_ids,
                                      &self->category_id, _("All Categories"), self->store,
                                      LD_LIST_SUGGESTION_CATEGORY);
  ld_list_view_fill_deputies_dropdown (self->deputy_dropdown, &self->deputy_ids, &self->deputy_id,
                                       _("All Deputies"), self->store);
  ld_list_view_fill_units_dropdown (self->unit_dropdown, &self->unit_ids, &self->unit_id,
                                    _("All Units"), self->store);
  update_years_dropdown (self);
  self->filling = FALSE;
}

/* "My caseload": the deputy this desk belongs to (the caseload-deputy setting) is the deputy
 * filter's default, chosen when the page gets its database and whenever the setting changes;
 * the whole station ("") chooses "All Deputies". */
static void
select_caseload_deputy (LdSuggestionsPage *self)
{
  g_autofree char *uuid = NULL;
  gint64 id;

  if (self->context == NULL || self->store == NULL || self->deputy_ids == NULL)
    return;

  uuid = g_settings_get_string (ld_context_get_settings (self->context), "caseload-deputy");
  id = ld_today_deputy_by_uuid (self->store, uuid, NULL);
  for (guint i = 0; i <= self->deputy_ids->len; i++)
    if (ld_list_view_id_at (self->deputy_ids, i) == id)
      {
        gtk_drop_down_set_selected (self->deputy_dropdown, i);
        break;
      }
}

static void
set_store (LdSuggestionsPage *self,
           LdStore           *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_deadlines (self);
  update_dropdowns (self);
  select_caseload_deputy (self);
  reload_now (self);
  reload_feedback_now (self);
}

static GtkWidget *
create_inscription (void)
{
  GtkWidget *inscription = ld_list_view_new_inscription ();

  /* One line, even in a row that a button makes taller: an inscription shows as many lines as
   * its height holds. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);

  return inscription;
}

static void
set_due_class (GtkWidget   *inscription,
               LdDueStatus  status)
{
  static const LdDueStatus all[] = { LD_DUE_ON_TIME, LD_DUE_SOON, LD_DUE_OVERDUE };
  const char *label = ld_due_status_to_string (status);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != status)
      gtk_widget_remove_css_class (inscription, ld_due_status_to_css_class (all[i]));

  if (status == LD_DUE_NONE)
    {
      gtk_widget_set_tooltip_text (inscription, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (inscription),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_widget_add_css_class (inscription, ld_due_status_to_css_class (status));
  gtk_widget_set_tooltip_text (inscription, label);
  /* A colour alone does not reach a screen reader or a colour-blind clerk. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (inscription),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

/* ------------------------------------------------------------------ callbacks */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  LdSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *inscription = create_inscription ();

  if (column == COLUMN_NUMBER || column == COLUMN_ASSIGNED || column == COLUMN_DUE)
    gtk_widget_add_css_class (inscription, "numeric");
  if (column == COLUMN_DUE)
    g_ptr_array_add (self->due_cells, inscription);
  /* The title is what the clerk reads: in a narrow window the list scrolls sideways rather
   * than squeezing it to a few characters. */
  if (column == COLUMN_TITLE)
    gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 20);
  gtk_list_item_set_child (item, inscription);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  LdSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  LdSuggestion *suggestion = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (column == COLUMN_DUE)
    g_object_set_data (G_OBJECT (inscription), "suggestion",
                       LD_IS_SUGGESTION (suggestion) ? suggestion : NULL);

  if (!LD_IS_SUGGESTION (suggestion))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (inscription), NULL);
      if (column == COLUMN_DUE)
        set_due_class (inscription, LD_DUE_NONE);
      return;
    }

  text = suggestion_column_text (suggestion, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (column == COLUMN_TITLE || column == COLUMN_UNIT || column == COLUMN_CATEGORY)
    gtk_widget_set_tooltip_text (inscription, text && *text ? text : NULL);

  if (column == COLUMN_DUE)
    set_due_class (inscription, suggestion_due_status (self, suggestion));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  if (GPOINTER_TO_INT (data) == COLUMN_DUE)
    g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "suggestion", NULL);
}

static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  LdSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *child = gtk_list_item_get_child (item);

  if (GPOINTER_TO_INT (data) == COLUMN_DUE && child && self->due_cells)
    g_ptr_array_remove_fast (self->due_cells, child);
}

static void
feedback_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  FeedbackColumn column = GPOINTER_TO_INT (data);
  GtkWidget *child;

  if (column == FEEDBACK_BUTTON)
    {
      /* No mnemonic: every row has one. */
      child = gtk_button_new_with_label (_("Resident Told…"));
      gtk_widget_set_tooltip_text (child, _("Record that the resident was told the outcome, "
                                            "and how satisfied they are"));
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (child, 3);
      gtk_widget_set_margin_bottom (child, 3);
      gtk_widget_set_margin_end (child, 6);
    }
  else
    {
      child = create_inscription ();
      if (column == FEEDBACK_REFERENCE)
        gtk_widget_add_css_class (child, "numeric");
    }

  gtk_list_item_set_child (item, child);
}

static void
feedback_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  LdSuggestionsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  FeedbackColumn column = GPOINTER_TO_INT (data);
  GtkWidget *child = gtk_list_item_get_child (item);
  LdConcern *concern = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (!LD_IS_CONCERN (concern))
    return;

  if (column == FEEDBACK_BUTTON)
    {
      g_autofree char *reference = ld_concern_dup_reference (concern);

      /* The target first: the action takes an id, and a button without one would not match. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "x", ld_concern_get_id (concern));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "suggestions.give-feedback");
      /* Which concern the button is about, for a screen reader that reads it alone. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reference,
                                      -1);
      return;
    }

  text = feedback_column_text (self, concern, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
  if (column == FEEDBACK_SUBJECT || column == FEEDBACK_OUTCOME)
    gtk_widget_set_tooltip_text (child, text && *text ? text : NULL);
}

static void
view_toggled_cb (LdSuggestionsPage *self)
{
  gboolean feedback = gtk_toggle_button_get_active (self->feedback_toggle);

  gtk_stack_set_visible_child_name (self->view_stack, feedback ? "feedback" : "suggestions");
}

static void
search_changed_cb (LdSuggestionsPage *self)
{
  if (ld_list_view_take_search (self->search_entry, &self->search))
    /* GtkSearchEntry already waited for a pause in the typing. */
    queue_reload (self, 0);
}

static void
stop_search_cb (LdSuggestionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search moves to the first match, so that a second Enter opens it. */
static void
search_activate_cb (LdSuggestionsPage *self)
{
  reload_now (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (LdSuggestionsPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->filling)
    return;

  self->state_mask = 0;
  if (state == STATE_FILTER_OPEN)
    {
      for (guint i = 0; i < LD_SUGGESTION_N_STATES; i++)
        if (ld_suggestion_state_is_open (i))
          self->state_mask |= 1u << i;
    }
  else if (state != GTK_INVALID_LIST_POSITION && state >= N_STATE_FILTERS)
    self->state_mask = 1u << (state - N_STATE_FILTERS);

  self->category_id = ld_list_view_id_at (self->category_ids,
                                          gtk_drop_down_get_selected (self->category_dropdown));
  self->deputy_id = ld_list_view_id_at (self->deputy_ids,
                                        gtk_drop_down_get_selected (self->deputy_dropdown));
  self->unit_id = ld_list_view_id_at (self->unit_ids,
                                      gtk_drop_down_get_selected (self->unit_dropdown));
  self->year = year != GTK_INVALID_LIST_POSITION && year > 0 ? self->first_year - (year - 1) : 0;
  self->key_supervision_only = gtk_toggle_button_get_active (self->key_toggle);
  self->rolling_only = gtk_toggle_button_get_active (self->rolling_toggle);
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  self->due_soon_only = gtk_toggle_button_get_active (self->due_soon_toggle);

  queue_reload (self, 0);
}

/* Overdue and due soon exclude each other: pressing one releases the other. */
static void
due_toggled_cb (LdSuggestionsPage *self,
                GtkToggleButton   *toggle)
{
  GtkToggleButton *other = toggle == self->overdue_toggle ? self->due_soon_toggle
                                                          : self->overdue_toggle;

  if (gtk_toggle_button_get_active (toggle) && gtk_toggle_button_get_active (other))
    {
      gboolean filling = self->filling;

      self->filling = TRUE;
      gtk_toggle_button_set_active (other, FALSE);
      self->filling = filling;
    }

  filter_changed_cb (self);
}

static void
sorter_changed_cb (LdSuggestionsPage *self)
{
  read_sort (self);
  queue_reload (self, 0);
}

static void
column_view_activate_cb (LdSuggestionsPage *self,
                         guint              position)
{
  g_autoptr(LdSuggestion) suggestion = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                              position);

  gtk_single_selection_set_selected (self->selection, position);
  if (LD_IS_SUGGESTION (suggestion))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-suggestion", "x",
                                ld_suggestion_get_id (suggestion));
}

static void
feedback_view_activate_cb (LdSuggestionsPage *self,
                           guint              position)
{
  g_autoptr(LdConcern) concern = g_list_model_get_item (G_LIST_MODEL (self->feedback), position);

  gtk_single_selection_set_selected (self->feedback_selection, position);
  if (LD_IS_CONCERN (concern))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-concern", "x",
                                ld_concern_get_id (concern));
}

static void
store_changed_cb (LdSuggestionsPage *self,
                  const char        *kind,
                  gint64             id)
{
  if (g_strcmp0 (kind, "list") == 0 || g_strcmp0 (kind, "unit") == 0
      || g_strcmp0 (kind, "deputy") == 0)
    {
      /* Names shown in the rows may have changed with them. */
      update_dropdowns (self);
      queue_reload (self, 0);
      return;
    }

  if (g_strcmp0 (kind, "settings") == 0)
    {
      update_deadlines (self);
      /* The rows are the same, so the model keeps them and they are not bound again; only the
       * colours of the due dates may change. */
      for (guint i = 0; i < self->due_cells->len; i++)
        {
          GtkWidget *cell = g_ptr_array_index (self->due_cells, i);
          LdSuggestion *suggestion = g_object_get_data (G_OBJECT (cell), "suggestion");

          set_due_class (cell, suggestion ? suggestion_due_status (self, suggestion) : LD_DUE_NONE);
        }
      return;
    }

  if (g_strcmp0 (kind, "suggestion") == 0)
    {
      if (id != 0)
        ld_query_model_invalidate (self->model, id);
      queue_reload (self, 0);
      queue_reload_feedback (self);
      return;
    }

  if (g_strcmp0 (kind, "concern") == 0)
    queue_reload_feedback (self);
}

static void
context_notify_database_cb (LdSuggestionsPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

/* ------------------------------------------------------------------ actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (widget);

  ld_suggestions_page_show_feedback (self, FALSE);
  if (gtk_widget_get_visible (self->filter_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (widget);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->state_dropdown, STATE_FILTER_ALL);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->deputy_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->due_soon_toggle, FALSE);
  gtk_toggle_button_set_active (self->key_toggle, FALSE);
  gtk_toggle_button_set_active (self->rolling_toggle, FALSE);
  self->filling = FALSE;

  g_clear_pointer (&self->search, g_free);
  filter_changed_cb (self);
  reload_now (self);
}

/* Parameter: the concern's id. Opens its page at the feedback step, where the clerk records
 * what the resident was told and how satisfied they are. */
static void
give_feedback_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkWindow *page;

  if (self->context == NULL || self->store == NULL || id <= 0)
    return;

  page = find_concern_page (parent, id);
  if (page == NULL)
    page = ld_concern_page_new (parent, self->context, id);
  gtk_window_present (page);

  if (ld_concern_page_start_action (LD_CONCERN_PAGE (page), LD_CONCERN_ACTION_GIVE_FEEDBACK)
      == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The feedback of this concern cannot be "
                                                  "recorded in its present state")));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_suggestions_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestions_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_suggestions_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_suggestions_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_suggestions_page_dispose (GObject *object)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->feedback_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  /* Dropping the columns changes the sorter; there is nothing left to sort then. */
  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_SUGGESTIONS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->feedback_selection);
  g_clear_object (&self->feedback);
  g_clear_pointer (&self->column_sort, ld_column_sort_free);

  G_OBJECT_CLASS (ld_suggestions_page_parent_class)->dispose (object);
}

static void
ld_suggestions_page_finalize (GObject *object)
{
  LdSuggestionsPage *self = LD_SUGGESTIONS_PAGE (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  g_clear_pointer (&self->due_cells, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->deputy_ids, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (ld_suggestions_page_parent_class)->finalize (object);
}

static void
ld_suggestions_page_class_init (LdSuggestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_suggestions_page_get_property;
  object_class->set_property = ld_suggestions_page_set_property;
  object_class->dispose = ld_suggestions_page_dispose;
  object_class->finalize = ld_suggestions_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Whether the window shows the page without its sidebar: the header bar then offers the way
   * back and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-suggestions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, suggestions_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, suggestions_count_label);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_count_label);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, due_soon_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, key_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, rolling_toggle);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, deputy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, deputy_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, state_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, unit_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, assigned_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, answer_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_stack);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_view);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage,
                                        feedback_reference_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage,
                                        feedback_resident_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_subject_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_outcome_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_button_column);
  gtk_widget_class_bind_template_child (widget_class, LdSuggestionsPage, feedback_error_page);

  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, feedback_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "suggestions.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "suggestions.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "suggestions.give-feedback", "x",
                                   give_feedback_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "suggestions.search", NULL);
}

static void
ld_suggestions_page_init (LdSuggestionsPage *self)
{
  g_autoptr(GtkStringList) state_names = gtk_string_list_new (NULL);
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkColumnViewColumn *feedback_columns[N_FEEDBACK_COLUMNS];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = LD_SUGGESTION_SORT_CREATED;
  self->descending = TRUE;
  self->due_soon_days = 7;
  self->outcomes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->due_cells = g_ptr_array_new ();
  update_today (self);

  self->model = ld_query_model_new (LD_TYPE_SUGGESTION, query_ids, load_suggestions,
                                    suggestion_id_of, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->feedback = g_list_store_new (LD_TYPE_CONCERN);
  self->feedback_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->feedback)));
  gtk_single_selection_set_autoselect (self->feedback_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->feedback_selection, TRUE);
  gtk_column_view_set_model (self->feedback_view, GTK_SELECTION_MODEL (self->feedback_selection));

  columns[COLUMN_NUMBER] = self->number_column;
  columns[COLUMN_TITLE] = self->title_column;
  columns[COLUMN_DEPUTY] = self->deputy_column;
  columns[COLUMN_CATEGORY] = self->category_column;
  columns[COLUMN_STATE] = self->state_column;
  columns[COLUMN_UNIT] = self->unit_column;
  columns[COLUMN_ASSIGNED] = self->assigned_column;
  columns[COLUMN_DUE] = self->due_column;
  columns[COLUMN_ANSWER] = self->answer_column;
  ld_list_view_set_factories (columns, N_COLUMNS, self, G_CALLBACK (cell_setup_cb),
                              G_CALLBACK (cell_bind_cb), G_CALLBACK (cell_unbind_cb),
                              G_CALLBACK (cell_teardown_cb));

  feedback_columns[FEEDBACK_REFERENCE] = self->feedback_reference_column;
  feedback_columns[FEEDBACK_RESIDENT] = self->feedback_resident_column;
  feedback_columns[FEEDBACK_SUBJECT] = self->feedback_subject_column;
  feedback_columns[FEEDBACK_OUTCOME] = self->feedback_outcome_column;
  feedback_columns[FEEDBACK_BUTTON] = self->feedback_button_column;
  ld_list_view_set_factories (feedback_columns, N_FEEDBACK_COLUMNS, self,
                              G_CALLBACK (feedback_setup_cb), G_CALLBACK (feedback_bind_cb),
                              NULL, NULL);

  /* Sorting happens in SQL, on indexes only; these sorters only make the headers clickable. */
  self->column_sort = ld_column_sort_new (self->column_view);
  ld_column_sort_add_column (self->column_sort, self->number_column, LD_SUGGESTION_SORT_NUMBER);
  ld_column_sort_add_column (self->column_sort, self->state_column, LD_SUGGESTION_SORT_STATE);
  ld_column_sort_add_column (self->column_sort, self->due_column, LD_SUGGESTION_SORT_DUE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  read_sort (self);

  self->filling = TRUE;
  gtk_string_list_append (state_names, _("All States"));
  gtk_string_list_append (state_names, C_("suggestions filter", "Open"));
  for (guint i = 0; i < LD_SUGGESTION_N_STATES; i++)
    gtk_string_list_append (state_names, ld_suggestion_state_to_string (i));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_names));
  update_dropdowns (self);
  self->filling = FALSE;

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->suggestions_box);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);

  update_view (self);
  update_feedback_view (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_suggestions_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_SUGGESTIONS_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_suggestions_page_get_context (LdSuggestionsPage *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTIONS_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context and lists its suggestions. */
void
ld_suggestions_page_set_context (LdSuggestionsPage *self,
                                 LdContext         *context)
{
  g_return_if_fail (LD_IS_SUGGESTIONS_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    {
      g_signal_handlers_disconnect_by_data (self->context, self);
      g_signal_handlers_disconnect_by_data (ld_context_get_settings (self->context), self);
    }
  g_set_object (&self->context, context);
  if (context)
    {
      g_signal_connect_object (context, "notify::database",
                               G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ld_context_get_settings (context), "changed::caseload-deputy",
                               G_CALLBACK (select_caseload_deputy), self, G_CONNECT_SWAPPED);
    }
  set_store (self, context ? ld_context_get_store (context) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_suggestions_page_get_folded (LdSuggestionsPage *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTIONS_PAGE (self), FALSE);

  return self->folded;
}

void
ld_suggestions_page_set_folded (LdSuggestionsPage *self,
                                gboolean           folded)
{
  g_return_if_fail (LD_IS_SUGGESTIONS_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/* Returns: (transfer none): the suggestions listed, in order, as the column view shows them */
GListModel *
ld_suggestions_page_get_model (LdSuggestionsPage *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Returns: (transfer none): the concerns whose residents are owed feedback, oldest outcome
 * first */
GListModel *
ld_suggestions_page_get_feedback_model (LdSuggestionsPage *self)
{
  g_return_val_if_fail (LD_IS_SUGGESTIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->feedback);
}

void
ld_suggestions_page_show_feedback (LdSuggestionsPage *self,
                                   gboolean           feedback)
{
  g_return_if_fail (LD_IS_SUGGESTIONS_PAGE (self));

  gtk_toggle_button_set_active (feedback ? self->feedback_toggle : self->suggestions_toggle,
                                TRUE);
}

/* Runs the queries again at once, instead of after the usual short pause. */
void
ld_suggestions_page_reload (LdSuggestionsPage *self)
{
  g_return_if_fail (LD_IS_SUGGESTIONS_PAGE (self));

  reload_now (self);
  reload_feedback_now (self);
}

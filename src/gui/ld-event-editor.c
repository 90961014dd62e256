/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-event-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ld-calendar-store.h"
#include "ld-deputy.h"
#include "ld-editor-parts.h"
#include "ld-event-editor.h"
#include "ld-event-series.h"
#include "ld-form.h"
#include "ld-store.h"

/*
 * The dialog that adds or edits one event, or adds a recurring series. It edits a copy of the
 * event (and, with Repeat set, of a series built from the same fields); after every change the
 * copy goes through ld_event_validate() or ld_event_series_validate(), the pure rules of what
 * may be saved, and the form shows each message beside its field. An occurrence of a series
 * shows the series' rule and rotation too, and asks on saving whether the change is for it
 * alone or for it and all later ones; a new rule or rotation can only be for all later ones.
 * Closing with unsaved changes asks first.
 */

enum {
  FIELD_THEME,
  FIELD_DATE,
  FIELD_START,
  FIELD_END,
  FIELD_PLACE,
  FIELD_NOTES,
  N_FIELDS
};

/* The rows of the Repeat combo: none, then the LdRecurrenceFreq values in order. */
enum {
  REPEAT_NONE,
  REPEAT_MONTHLY_DAY,
  REPEAT_MONTHLY_WEEKDAY,
  REPEAT_WEEKLY,
};

enum {
  ENDS_NEVER,
  ENDS_ON_DATE,
  ENDS_AFTER_COUNT,
};

static const int week_ordinals[] = { 1, 2, 3, 4, -1 };

struct _LdEventEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *save_error_revealer;
  GtkLabel         *save_error_label;
  AdwEntryRow      *theme_row;
  GtkLabel         *theme_error;
  AdwComboRow      *kind_row;
  AdwEntryRow      *date_row;
  GtkLabel         *date_error;
  AdwEntryRow      *start_row;
  GtkLabel         *start_error;
  AdwEntryRow      *end_row;
  GtkLabel         *end_error;
  AdwEntryRow      *place_row;
  GtkLabel         *place_error;
  AdwEntryRow      *notes_row;
  GtkLabel         *notes_error;
  AdwPreferencesGroup *repeat_group;
  AdwComboRow      *repeat_row;
  AdwActionRow     *interval_row;
  GtkSpinButton    *interval_spin;
  AdwActionRow     *month_day_row;
  GtkSpinButton    *month_day_spin;
  AdwComboRow      *week_ordinal_row;
  AdwComboRow      *weekday_row;
  AdwActionRow     *weekdays_row;
  GtkToggleButton  *weekday_toggles[7];
  AdwComboRow      *ends_row;
  AdwEntryRow      *until_row;
  AdwActionRow     *count_row;
  GtkSpinButton    *count_spin;
  AdwComboRow      *holiday_row;
  AdwActionRow     *per_event_row;
  GtkSpinButton    *per_event_spin;
  GtkLabel         *repeat_error;
  AdwPreferencesGroup *deputies_group;
  GtkListBox       *deputies_list;
  GtkLabel         *deputies_error;
  AdwPreferencesGroup *status_group;
  AdwComboRow      *status_row;
  AdwActionRow     *cancel_event_row;
  AdwPreferencesGroup *attendance_group;
  GtkListBox       *attendance_list;

  /* Owned */
  LdContext        *context;
  LdEvent          *given;
  LdEvent          *event;
  LdEventSeries    *series;
  LdEventSeries    *loaded;        /* the series of an occurrence, as stored */
  LdForm           *form;
  GArray           *checked;       /* gint64 deputy ids, in the order they were checked */
  GHashTable       *names;         /* deputy id → name */
  AdwMessageDialog *question;

  LdFormEntry       fields[N_FIELDS];
  gboolean          filling;
  gboolean          modified;
  gboolean          closing;
};

G_DEFINE_FINAL_TYPE (LdEventEditor, ld_event_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EVENT,
  PROP_VALID,
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
get_store (LdEventEditor *self)
{
  return self->context ? ld_context_get_store (self->context) : NULL;
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static guint
get_repeat (LdEventEditor *self)
{
  return adw_combo_row_get_selected (self->repeat_row);
}

static gboolean
is_series (LdEventEditor *self)
{
  return get_repeat (self) != REPEAT_NONE;
}

/* An occurrence of a saved series, whose rule and rotation the Repeat rows show. */
static gboolean
is_occurrence (LdEventEditor *self)
{
  return self->loaded != NULL;
}

/* A new event that starts a series: saved as the series, with no status of its own. */
static gboolean
is_new_series (LdEventEditor *self)
{
  return !is_occurrence (self) && is_series (self);
}

static gboolean
is_held (LdEventEditor *self)
{
  return !is_new_series (self) && g_str_equal (ld_event_get_status (self->event), "held");
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);

  return g_date_compare (a, b) == 0;
}

/* Whether two rules give the same dates; fields the frequency does not use do not count. */
static gboolean
recurrences_equal (const LdRecurrence *a,
                   const LdRecurrence *b)
{
  if (a->freq != b->freq || a->interval != b->interval || a->on_holiday != b->on_holiday
      || a->deputies_per_event != b->deputies_per_event || a->count != b->count
      || a->month_day_overflow != b->month_day_overflow
      || !dates_equal (&a->start_date, &b->start_date)
      || !dates_equal (&a->until_date, &b->until_date))
    return FALSE;

  switch (a->freq)
    {
    case LD_RECURRENCE_MONTHLY_DAY:
      return a->month_day == b->month_day;
    case LD_RECURRENCE_MONTHLY_WEEKDAY:
      return a->week_ordinal == b->week_ordinal && a->weekday == b->weekday;
    case LD_RECURRENCE_WEEKLY:
      return a->weekdays_mask == b->weekdays_mask;
    default:
      return TRUE;
    }
}

static gboolean
rotations_equal (LdEventSeries *a,
                 LdEventSeries *b)
{
  guint n_a, n_b;
  const gint64 *ids_a = ld_event_series_get_rotation (a, &n_a);
  const gint64 *ids_b = ld_event_series_get_rotation (b, &n_b);

  return n_a == n_b && (n_a == 0 || memcmp (ids_a, ids_b, n_a * sizeof (gint64)) == 0);
}

static void
update_actions (LdEventEditor *self)
{
  gint64 id = ld_event_get_id (self->event);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save",
                                 get_store (self) != NULL && ld_event_editor_get_valid (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.cancel-event",
                                 get_store (self) != NULL && id != 0
                                 && !g_str_equal (ld_event_get_status (self->given
                                                                       ? self->given
                                                                       : self->event),
                                                  "cancelled"));
}

static void
show_save_error (LdEventEditor *self,
                 const char    *message)
{
  if (message)
    gtk_label_set_label (self->save_error_label, message);
  gtk_revealer_set_reveal_child (self->save_error_revealer, message != NULL);
}

/* The recurrence as the Repeat rows say; the start is the event's date. */
static void
read_recurrence (LdEventEditor *self,
                 LdRecurrence  *rec)
{
  guint repeat = get_repeat (self);
  guint ordinal = adw_combo_row_get_selected (self->week_ordinal_row);
  guint ends = adw_combo_row_get_selected (self->ends_row);

  ld_event_series_get_recurrence (self->series, rec);

  if (repeat != REPEAT_NONE)
    rec->freq = (LdRecurrenceFreq) (repeat - REPEAT_MONTHLY_DAY);
  rec->interval = (guint) gtk_spin_button_get_value_as_int (self->interval_spin);
  rec->month_day = (guint) gtk_spin_button_get_value_as_int (self->month_day_spin);
  rec->week_ordinal = ordinal < G_N_ELEMENTS (week_ordinals) ? week_ordinals[ordinal] : 1;
  rec->weekday = (GDateWeekday) (adw_combo_row_get_selected (self->weekday_row) + 1);
  rec->weekdays_mask = 0;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekday_toggles[i]))
      rec->weekdays_mask |= 1u << i;
  rec->on_holiday = (LdOnHoliday) adw_combo_row_get_selected (self->holiday_row);
  rec->deputies_per_event = (guint) gtk_spin_button_get_value_as_int (self->per_event_spin);

  /* An occurrence's series keeps its start, so the rotation still counts from there. */
  if (!is_occurrence (self))
    parse_iso_date (ld_event_get_date (self->event), &rec->start_date);
  g_date_clear (&rec->until_date, 1);
  rec->count = 0;
  if (ends == ENDS_ON_DATE && !parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (self->until_row)),
                                               &rec->until_date))
    /* An end date that is not one yet: a date before the start, so the rule says so. */
    g_date_set_dmy (&rec->until_date, 1, 1, 1);
  else if (ends == ENDS_AFTER_COUNT)
    rec->count = gtk_spin_button_get_value_as_int (self->count_spin);
}

/* The series takes the event's fields and the checked deputies as its rotation. */
static void
sync_series (LdEventEditor *self)
{
  LdRecurrence rec;

  ld_event_series_set_kind (self->series, ld_event_get_kind (self->event));
  ld_event_series_set_theme (self->series, ld_event_get_theme (self->event));
  ld_event_series_set_place (self->series, ld_event_get_place (self->event));
  ld_event_series_set_start_time (self->series, ld_event_get_start_time (self->event));
  ld_event_series_set_end_time (self->series, ld_event_get_end_time (self->event));
  ld_event_series_set_notes (self->series, ld_event_get_notes (self->event));
  ld_event_series_set_rotation (self->series, (const gint64 *) self->checked->data,
                                self->checked->len);
  read_recurrence (self, &rec);
  ld_event_series_set_recurrence (self->series, &rec);
}

/* Whether the Repeat rows or the rotation of an occurrence differ from its stored series. */
static gboolean
series_changed (LdEventEditor *self)
{
  LdRecurrence now, before;

  if (!is_occurrence (self))
    return FALSE;

  sync_series (self);
  ld_event_series_get_recurrence (self->series, &now);
  ld_event_series_get_recurrence (self->loaded, &before);

  return !recurrences_equal (&now, &before) || !rotations_equal (self->series, self->loaded);
}

static void
update_repeat_rows (LdEventEditor *self)
{
  guint repeat = get_repeat (self);
  guint ends = adw_combo_row_get_selected (self->ends_row);
  gboolean on = repeat != REPEAT_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), on);
  gtk_widget_set_visible (GTK_WIDGET (self->month_day_row), repeat == REPEAT_MONTHLY_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->week_ordinal_row), repeat == REPEAT_MONTHLY_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), repeat == REPEAT_MONTHLY_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->weekdays_row), repeat == REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), on);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), on && ends == ENDS_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), on && ends == ENDS_AFTER_COUNT);
  gtk_widget_set_visible (GTK_WIDGET (self->holiday_row), on);
  gtk_widget_set_visible (GTK_WIDGET (self->per_event_row), on);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), !is_new_series (self));

  adw_preferences_group_set_title (self->deputies_group,
                                   on ? _("Deputies in Turn") : _("Deputies on Duty"));
  adw_preferences_group_set_description (self->deputies_group,
                                         on ? _("Each event takes the next deputies in the order they were checked.")
                                            : NULL);
}

/* Shows each checked deputy's place in the rotation; only a series has one. */
static void
update_order_labels (LdEventEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkLabel *label = g_object_get_data (G_OBJECT (row), "order-label");
      gint64 id;
      guint position = 0;

      if (label == NULL)
        continue;

      id = *(gint64 *) g_object_get_data (G_OBJECT (row), "deputy-id");
      for (guint i = 0; i < self->checked->len; i++)
        if (g_array_index (self->checked, gint64, i) == id)
          position = i + 1;

      if (position > 0 && is_series (self))
        {
          g_autofree char *text = g_strdup_printf ("%u", position);

          gtk_label_set_text (label, text);
          gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }
}

static void attendance_toggled_cb (LdEventEditor *self);

static void
rebuild_attendance (LdEventEditor *self)
{
  /* An occurrence's own deputies, not the rotation its Deputies list shows. */
  g_autoptr(GArray) on_duty = ld_event_get_deputy_ids (self->event, LD_EVENT_ROLE_ON_DUTY);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list))) != NULL)
    gtk_list_box_remove (self->attendance_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group),
                          is_held (self) && on_duty->len > 0);

  for (guint i = 0; i < on_duty->len; i++)
    {
      gint64 id = g_array_index (on_duty, gint64, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *attended = gtk_check_button_new_with_label (_("Attended"));
      GtkWidget *on_leave = gtk_check_button_new_with_label (_("On Leave"));
      const char *name = g_hash_table_lookup (self->names, &id);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : "");
      gtk_check_button_set_group (GTK_CHECK_BUTTON (on_leave), GTK_CHECK_BUTTON (attended));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (attended),
                                   ld_event_has_deputy (self->event, LD_EVENT_ROLE_ATTENDED, id));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (on_leave),
                                   ld_event_has_deputy (self->event, LD_EVENT_ROLE_ON_LEAVE, id));
      gtk_widget_set_valign (attended, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (on_leave, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), attended);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), on_leave);
      g_object_set_data (G_OBJECT (row), "attended", attended);
      g_object_set_data (G_OBJECT (row), "on-leave", on_leave);
      g_object_set_data_full (G_OBJECT (row), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (attended, "toggled", G_CALLBACK (attendance_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (on_leave, "toggled", G_CALLBACK (attendance_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->attendance_list, row);
    }
}

/* Moves a message of the series rule to the field the form shows it at. */
static void
rename_error (GHashTable *errors,
              const char *from,
              const char *to)
{
  const char *message = g_hash_table_lookup (errors, from);

  if (message && !g_hash_table_contains (errors, to))
    g_hash_table_insert (errors, g_strdup (to), g_strdup (message));
  g_hash_table_remove (errors, from);
}

static void
validate (LdEventEditor *self)
{
  gboolean was_valid = ld_event_editor_get_valid (self);
  g_autoptr(GHashTable) errors = NULL;

  if (is_new_series (self))
    {
      sync_series (self);
      errors = ld_event_series_validate (self->series);
      rename_error (errors, "rotation", "deputies");
      rename_error (errors, "start-date", "date");
    }
  else
    errors = ld_event_validate (self->event);

  /* An occurrence is checked as itself, and its series as the Repeat rows now say. */
  if (is_occurrence (self))
    {
      g_autoptr(GHashTable) series_errors = NULL;
      GHashTableIter iter;
      gpointer key, value;

      if (!is_series (self))
        g_hash_table_insert (errors, g_strdup ("repeat"),
                             g_strdup (_("An event of a series keeps repeating. To stop the series, change when it ends.")));

      sync_series (self);
      series_errors = ld_event_series_validate (self->series);
      rename_error (series_errors, "rotation", "deputies");
      rename_error (series_errors, "start-date", "repeat");
      g_hash_table_iter_init (&iter, series_errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (errors, key))
          g_hash_table_insert (errors, g_strdup (key), g_strdup (value));
    }

  ld_form_show_errors (self->form, errors);
  update_actions (self);

  if (was_valid != ld_event_editor_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
set_string_field (LdEventEditor *self,
                  guint          field,
                  const char    *text)
{
  switch (field)
    {
    case FIELD_THEME:
      ld_event_set_theme (self->event, text);
      break;
    case FIELD_DATE:
      ld_event_set_date (self->event, text);
      break;
    case FIELD_START:
      ld_event_set_start_time (self->event, text);
      break;
    case FIELD_END:
      ld_event_set_end_time (self->event, text);
      break;
    case FIELD_PLACE:
      ld_event_set_place (self->event, text);
      break;
    case FIELD_NOTES:
      ld_event_set_notes (self->event, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_string_field (LdEvent *event,
                  guint    field)
{
  switch (field)
    {
    case FIELD_THEME:
      return ld_event_get_theme (event);
    case FIELD_DATE:
      return ld_event_get_date (event);
    case FIELD_START:
      return ld_event_get_start_time (event);
    case FIELD_END:
      return ld_event_get_end_time (event);
    case FIELD_PLACE:
      return ld_event_get_place (event);
    case FIELD_NOTES:
      return ld_event_get_notes (event);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
write_deputies (LdEventEditor *self)
{
  ld_event_set_deputies (self->event, LD_EVENT_ROLE_ON_DUTY,
                         (const gint64 *) self->checked->data, self->checked->len);
}

static void deputy_toggled_cb (LdEventEditor  *self,
                               GtkCheckButton *check);

static void
fill_deputies (LdEventEditor *self)
{
  /* Deputies already on duty stay listed even when retired since. */
  g_autoptr(GPtrArray) deputies = ld_editor_parts_load_deputies (get_store (self), self->checked);

  for (guint i = 0; deputies && i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      gint64 id = ld_deputy_get_id (deputy);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *order = gtk_label_new (NULL);
      gboolean checked = ld_editor_parts_contains_id (self->checked, id);

      g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id),
                           g_strdup (ld_deputy_get_name (deputy)));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ld_deputy_get_name (deputy));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (order, "dim-label");
      gtk_widget_add_css_class (order, "numeric");
      gtk_widget_set_visible (order, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), order);

      g_object_set_data_full (G_OBJECT (row), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data (G_OBJECT (row), "order-label", order);
      g_object_set_data_full (G_OBJECT (check), "deputy-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (deputy_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->deputies_list, row);
    }
}

static void
select_string (AdwComboRow        *row,
               const char * const *values,
               const char         *value)
{
  for (guint i = 0; values[i]; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (row, i);
}

/* Defaults of the Repeat rows that follow the event's date: "on the 15th", "the third
 * Tuesday", "on Tuesdays". */
static void
fill_repeat_from_date (LdEventEditor *self)
{
  GDate date;
  GDateWeekday weekday;

  if (!parse_iso_date (ld_event_get_date (self->event), &date))
    return;

  weekday = g_date_get_weekday (&date);
  gtk_spin_button_set_value (self->month_day_spin, g_date_get_day (&date));
  adw_combo_row_set_selected (self->week_ordinal_row,
                              MIN ((guint) (g_date_get_day (&date) - 1) / 7, 3));
  adw_combo_row_set_selected (self->weekday_row, (guint) weekday - 1);
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekday_toggles[i], i == (guint) weekday - 1);
}

/* The Repeat rows as the stored series of an occurrence says. */
static void
fill_repeat_from_series (LdEventEditor *self)
{
  LdRecurrence rec;
  guint ends = ENDS_NEVER;

  ld_event_series_get_recurrence (self->loaded, &rec);

  adw_combo_row_set_selected (self->repeat_row, REPEAT_MONTHLY_DAY + (guint) rec.freq);
  gtk_spin_button_set_value (self->interval_spin, rec.interval);
  if (rec.freq == LD_RECURRENCE_MONTHLY_DAY)
    gtk_spin_button_set_value (self->month_day_spin, rec.month_day);
  if (rec.freq == LD_RECURRENCE_MONTHLY_WEEKDAY)
    {
      for (guint i = 0; i < G_N_ELEMENTS (week_ordinals); i++)
        if (week_ordinals[i] == rec.week_ordinal)
          adw_combo_row_set_selected (self->week_ordinal_row, i);
      if (g_date_valid_weekday (rec.weekday))
        adw_combo_row_set_selected (self->weekday_row, (guint) rec.weekday - 1);
    }
  if (rec.freq == LD_RECURRENCE_WEEKLY)
    for (guint i = 0; i < 7; i++)
      gtk_toggle_button_set_active (self->weekday_toggles[i], (rec.weekdays_mask & (1u << i)) != 0);

  if (g_date_valid (&rec.until_date))
    {
      g_autofree char *until = format_iso_date (&rec.until_date);

      ends = ENDS_ON_DATE;
      gtk_editable_set_text (GTK_EDITABLE (self->until_row), until);
    }
  else if (rec.count > 0)
    {
      ends = ENDS_AFTER_COUNT;
      gtk_spin_button_set_value (self->count_spin, rec.count);
    }
  adw_combo_row_set_selected (self->ends_row, ends);
  adw_combo_row_set_selected (self->holiday_row, (guint) rec.on_holiday);
  gtk_spin_button_set_value (self->per_event_spin, rec.deputies_per_event);
}

static void
fill_form (LdEventEditor *self)
{
  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_text (self->fields[i].row, get_string_field (self->event, i));

  select_string (self->kind_row, ld_event_kinds (), ld_event_get_kind (self->event));
  select_string (self->status_row, ld_event_statuses (), ld_event_get_status (self->event));
  fill_repeat_from_date (self);
  if (is_occurrence (self))
    fill_repeat_from_series (self);
  fill_deputies (self);

  self->filling = FALSE;
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
close_later (LdEventEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
finish (LdEventEditor *self)
{
  self->closing = TRUE;
  g_signal_emit (self, signals[SAVED], 0);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
report_failure (LdEventEditor *self,
                const GError  *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says in plain words why the event could not be saved */
  message = g_strdup_printf (_("The event could not be saved: %s"), error->message);
  show_save_error (self, message);
}

static void
save_only_this (LdEventEditor *self)
{
  g_autoptr(LdEvent) saving = ld_event_copy (self->event);
  g_autoptr(GError) error = NULL;

  if (!ld_calendar_store_save_event (get_store (self), saving, &error))
    {
      report_failure (self, error);
      return;
    }

  finish (self);
}

/* The series takes this occurrence's kind, theme, place, times and notes, and the rule and
 * rotation of the Repeat rows, from its occurrence date on. */
static void
save_future (LdEventEditor *self)
{
  LdStore *store = get_store (self);
  g_autoptr(LdEventSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  LdEvent *event = self->event;

  g_assert (is_occurrence (self));

  sync_series (self);
  series = ld_event_series_copy (self->series);

  if (!ld_calendar_store_save_series_from (store, series, ld_event_get_occurrence_date (event),
                                           &error))
    {
      report_failure (self, error);
      return;
    }

  finish (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
entry_changed_cb (LdEventEditor *self,
                  GtkEditable   *editable)
{
  if (self->filling)
    return;

  self->modified = TRUE;

  if (editable == GTK_EDITABLE (self->until_row))
    {
      validate (self);
      return;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i].row == editable)
      {
        set_string_field (self, i, gtk_editable_get_text (editable));
        ld_form_touch (self->form, self->fields[i].field);
      }

  validate (self);
}

static void
combo_selected_cb (LdEventEditor *self,
                   GParamSpec    *pspec,
                   AdwComboRow   *row)
{
  const char * const *kinds = ld_event_kinds ();
  const char * const *statuses = ld_event_statuses ();
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  self->modified = TRUE;

  if (row == self->kind_row && selected < g_strv_length ((char **) kinds))
    ld_event_set_kind (self->event, kinds[selected]);
  else if (row == self->status_row && selected < g_strv_length ((char **) statuses))
    {
      ld_event_set_status (self->event, statuses[selected]);
      rebuild_attendance (self);
    }
  else if (row == self->repeat_row)
    {
      self->filling = TRUE;
      fill_repeat_from_date (self);
      self->filling = FALSE;
      update_order_labels (self);
      rebuild_attendance (self);
    }

  update_repeat_rows (self);
  validate (self);
}

static void
repeat_changed_cb (LdEventEditor *self)
{
  if (self->filling)
    return;

  self->modified = TRUE;

  validate (self);
}

static void
deputy_toggled_cb (LdEventEditor  *self,
                   GtkCheckButton *check)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "deputy-id");

  if (self->filling)
    return;

  for (guint i = 0; i < self->checked->len; i++)
    if (g_array_index (self->checked, gint64, i) == id)
      g_array_remove_index (self->checked, i--);
  if (gtk_check_button_get_active (check))
    g_array_append_val (self->checked, id);

  self->modified = TRUE;
  /* For an occurrence the list is its series' rotation, not who is on duty this time. */
  if (!is_occurrence (self))
    write_deputies (self);
  ld_form_touch (self->form, "deputies");
  update_order_labels (self);
  rebuild_attendance (self);
  validate (self);
}

static void
attendance_toggled_cb (LdEventEditor *self)
{
  g_autoptr(GArray) attended = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) on_leave = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "deputy-id");

      if (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "attended")))
        g_array_append_val (attended, id);
      if (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "on-leave")))
        g_array_append_val (on_leave, id);
    }

  ld_event_set_deputies (self->event, LD_EVENT_ROLE_ATTENDED,
                         (const gint64 *) attended->data, attended->len);
  ld_event_set_deputies (self->event, LD_EVENT_ROLE_ON_LEAVE,
                         (const gint64 *) on_leave->data, on_leave->len);
  self->modified = TRUE;
  validate (self);
}

static void
question_response_cb (LdEventEditor *self,
                      const char    *response)
{
  g_clear_object (&self->question);

  if (g_strcmp0 (response, "only") == 0)
    save_only_this (self);
  else if (g_strcmp0 (response, "future") == 0)
    save_future (self);
}

static void
discard_response_cb (LdEventEditor *self,
                     const char    *response)
{
  g_clear_object (&self->question);

  if (g_strcmp0 (response, "discard") == 0)
    close_later (self);
}

static void
cancel_event_response_cb (LdEventEditor *self,
                          const char    *response)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->question);

  if (g_strcmp0 (response, "cancel-event") != 0)
    return;

  if (!ld_calendar_store_cancel_event (get_store (self), ld_event_get_id (self->event), &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says in plain words why the event could not be cancelled */
      message = g_strdup_printf (_("The event could not be cancelled: %s"), error->message);
      show_save_error (self, message);
      return;
    }

  finish (self);
}

static void
ask (LdEventEditor *self,
     AdwMessageDialog *dialog,
     GCallback      callback)
{
  adw_message_dialog_set_close_response (dialog, "keep");
  adw_message_dialog_set_default_response (dialog, "keep");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);

  g_clear_object (&self->question);
  self->question = g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LdEventEditor *self = LD_EVENT_EDITOR (widget);
  LdStore *store = get_store (self);
  AdwMessageDialog *dialog;

  if (store == NULL || !ld_event_editor_get_valid (self))
    return;

  show_save_error (self, NULL);

  if (is_new_series (self))
    {
      g_autoptr(LdEventSeries) saving = NULL;
      g_autoptr(GError) error = NULL;

      sync_series (self);
      saving = ld_event_series_copy (self->series);
      if (!ld_calendar_store_save_series (store, saving, &error))
        {
          report_failure (self, error);
          return;
        }

      finish (self);
      return;
    }

  if (ld_event_get_id (self->event) == 0 || !is_occurrence (self))
    {
      save_only_this (self);
      return;
    }

  /* One occurrence cannot follow a rule or rotation of its own. */
  if (series_changed (self))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Change This and Future Events?"),
                                                           _("The new repeat rule or rotation applies from this event on. Earlier events stay as they are.")));
      adw_message_dialog_add_responses (dialog,
                                        "keep", _("_Keep Editing"),
                                        "future", _("This and _Future Events"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "future", ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Change Only This Event?"),
                                                           _("Change only this event or this and all future events?")));
      adw_message_dialog_add_responses (dialog,
                                        "keep", _("_Keep Editing"),
                                        "future", _("This and _Future Events"),
                                        "only", _("_Only This Event"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "only", ADW_RESPONSE_SUGGESTED);
    }
  ask (self, dialog, G_CALLBACK (question_response_cb));
}

static void
cancel_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LdEventEditor *self = LD_EVENT_EDITOR (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Cancel This Event?"),
                                                       _("The event stays in the calendar, marked as cancelled. Other events of its series are not affected.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Event"),
                                    "cancel-event", _("_Cancel Event"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-event", ADW_RESPONSE_DESTRUCTIVE);
  ask (self, dialog, G_CALLBACK (cancel_event_response_cb));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------------ overrides */

static gboolean
ld_event_editor_close_request (GtkWindow *window)
{
  LdEventEditor *self = LD_EVENT_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->closing || !self->modified)
    return GTK_WINDOW_CLASS (ld_event_editor_parent_class)->close_request (window);

  if (self->question)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return TRUE;
    }

  dialog = ld_form_new_discard_dialog (window, _("Discard Changes?"),
                                       _("What you changed in this event has not been saved and will be lost."),
                                       "keep", _("_Keep Editing"), _("_Discard"));
  ask (self, dialog, G_CALLBACK (discard_response_cb));

  return TRUE;
}

static void
ld_event_editor_constructed (GObject *object)
{
  LdEventEditor *self = LD_EVENT_EDITOR (object);
  g_autoptr(GArray) on_duty = NULL;
  gboolean is_new;

  G_OBJECT_CLASS (ld_event_editor_parent_class)->constructed (object);

  if (self->given)
    self->event = ld_event_copy (self->given);
  else
    {
      self->event = ld_event_new ();
      ld_event_set_kind (self->event, "reception_day");
      ld_event_set_status (self->event, "planned");
    }

  is_new = ld_event_get_id (self->event) == 0;

  if (!is_new && ld_event_get_series_id (self->event) != 0 && get_store (self) != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->loaded = ld_calendar_store_get_series (get_store (self),
                                                   ld_event_get_series_id (self->event), &error);
      if (self->loaded == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s says in plain words why the series could not be read */
          message = g_strdup_printf (_("The series of this event could not be loaded: %s"),
                                     error->message);
          show_save_error (self, message);
        }
    }

  if (is_occurrence (self))
    {
      guint n_ids;
      const gint64 *rotation = ld_event_series_get_rotation (self->loaded, &n_ids);

      g_clear_object (&self->series);
      self->series = ld_event_series_copy (self->loaded);
      g_array_append_vals (self->checked, rotation, n_ids);
    }
  else
    {
      on_duty = ld_event_get_deputy_ids (self->event, LD_EVENT_ROLE_ON_DUTY);
      g_array_append_vals (self->checked, on_duty->data, on_duty->len);
    }

  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Event") : _("Edit Event"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));

  /* A new event can start a series; an occurrence shows its series' rule, which changes from
   * its date on. A single saved event stays single. */
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), is_new || is_occurrence (self));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_event_row), !is_new);
  ld_form_set_show_all (self->form, !is_new);

  fill_form (self);
  update_repeat_rows (self);
  update_order_labels (self);
  rebuild_attendance (self);
  validate (self);
}

static void
ld_event_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LdEventEditor *self = LD_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->given);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, ld_event_editor_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LdEventEditor *self = LD_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_EVENT:
      self->given = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_event_editor_dispose (GObject *object)
{
  LdEventEditor *self = LD_EVENT_EDITOR (object);

  if (self->question)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_clear_object (&self->question);
  g_clear_object (&self->context);
  g_clear_object (&self->given);
  g_clear_object (&self->event);
  g_clear_object (&self->series);
  g_clear_object (&self->loaded);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_EVENT_EDITOR);

  G_OBJECT_CLASS (ld_event_editor_parent_class)->dispose (object);
}

static void
ld_event_editor_finalize (GObject *object)
{
  LdEventEditor *self = LD_EVENT_EDITOR (object);

  g_clear_object (&self->form);
  g_clear_pointer (&self->checked, g_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (ld_event_editor_parent_class)->finalize (object);
}

static void
ld_event_editor_class_init (LdEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ld_event_editor_constructed;
  object_class->get_property = ld_event_editor_get_property;
  object_class->set_property = ld_event_editor_set_property;
  object_class->dispose = ld_event_editor_dispose;
  object_class->finalize = ld_event_editor_finalize;

  window_class->close_request = ld_event_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         LD_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LdEventEditor::saved:
   *
   * The event, series or cancellation was stored; the dialog closes itself.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-event-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LdEventEditor, name)
  BIND (window_title);
  BIND (save_error_revealer);
  BIND (save_error_label);
  BIND (theme_row);
  BIND (theme_error);
  BIND (kind_row);
  BIND (date_row);
  BIND (date_error);
  BIND (start_row);
  BIND (start_error);
  BIND (end_row);
  BIND (end_error);
  BIND (place_row);
  BIND (place_error);
  BIND (notes_row);
  BIND (notes_error);
  BIND (repeat_group);
  BIND (repeat_row);
  BIND (interval_row);
  BIND (interval_spin);
  BIND (month_day_row);
  BIND (month_day_spin);
  BIND (week_ordinal_row);
  BIND (weekday_row);
  BIND (weekdays_row);
  BIND (ends_row);
  BIND (until_row);
  BIND (count_row);
  BIND (count_spin);
  BIND (holiday_row);
  BIND (per_event_row);
  BIND (per_event_spin);
  BIND (repeat_error);
  BIND (deputies_group);
  BIND (deputies_list);
  BIND (deputies_error);
  BIND (status_group);
  BIND (status_row);
  BIND (cancel_event_row);
  BIND (attendance_group);
  BIND (attendance_list);
#undef BIND
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_0", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_1", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_2", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_3", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_4", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_5", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "weekday_toggle_6", FALSE,
                                             G_STRUCT_OFFSET (LdEventEditor, weekday_toggles[6]));

  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "event.cancel", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "event.cancel-event", NULL,
                                   cancel_event_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "event.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "event.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "event.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "event.cancel", NULL);
}

static void
set_model (AdwComboRow        *row,
           const char * const *names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (names);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
ld_event_editor_init (LdEventEditor *self)
{
  const char * const *kinds = ld_event_kinds ();
  const char * const *statuses = ld_event_statuses ();
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->checked = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->series = ld_event_series_new ();

  /* The field names are the properties of LdEvent, as ld_event_validate() reports them. */
  self->fields[FIELD_THEME] = (LdFormEntry) { "theme", GTK_EDITABLE (self->theme_row),
                                              self->theme_error };
  self->fields[FIELD_DATE] = (LdFormEntry) { "date", GTK_EDITABLE (self->date_row),
                                             self->date_error };
  self->fields[FIELD_START] = (LdFormEntry) { "start-time", GTK_EDITABLE (self->start_row),
                                              self->start_error };
  self->fields[FIELD_END] = (LdFormEntry) { "end-time", GTK_EDITABLE (self->end_row),
                                            self->end_error };
  self->fields[FIELD_PLACE] = (LdFormEntry) { "place", GTK_EDITABLE (self->place_row),
                                              self->place_error };
  self->fields[FIELD_NOTES] = (LdFormEntry) { "notes", GTK_EDITABLE (self->notes_row),
                                              self->notes_error };

  self->form = ld_form_new ();
  ld_form_add_entries (self->form, self->fields, N_FIELDS);
  ld_form_add_field (self->form, "deputies", GTK_WIDGET (self->deputies_list),
                     self->deputies_error);
  ld_form_add_field (self->form, "kind", GTK_WIDGET (self->kind_row), NULL);
  ld_form_add_field (self->form, "status", GTK_WIDGET (self->status_row), NULL);
  /* The Repeat rows and anything else without a place of its own share one message. */
  ld_form_add_field (self->form, "repeat", GTK_WIDGET (self->repeat_row), self->repeat_error);
  ld_form_set_catch_all (self->form, "repeat");
  ld_form_touch (self->form, "kind");
  ld_form_touch (self->form, "status");
  ld_form_touch (self->form, "repeat");

  self->filling = TRUE;

  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (kind_names, ld_event_kind_to_string (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  for (guint i = 0; statuses[i]; i++)
    gtk_string_list_append (status_names, ld_event_status_to_string (statuses[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_names));

  set_model (self->repeat_row, (const char * const []) {
    C_("repeat", "None"),
    _("Monthly on a Day"),
    _("Monthly on a Weekday"),
    _("Weekly"),
    NULL,
  });
  set_model (self->week_ordinal_row, (const char * const []) {
    C_("week of the month", "First"),
    C_("week of the month", "Second"),
    C_("week of the month", "Third"),
    C_("week of the month", "Fourth"),
    C_("week of the month", "Last"),
    NULL,
  });
  set_model (self->weekday_row, (const char * const []) {
    _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"),
    _("Sunday"), NULL,
  });
  set_model (self->ends_row, (const char * const []) {
    C_("series ends", "Never"),
    C_("series ends", "On a Date"),
    C_("series ends", "After a Number of Events"),
    NULL,
  });
  /* In LdOnHoliday order. */
  set_model (self->holiday_row, (const char * const []) {
    _("Keep the Date"),
    _("Move to the Next Working Day"),
    _("Skip"),
    NULL,
  });

  self->filling = FALSE;
}

/* ------------------------------------------------------------------ public API */

/**
 * ld_event_editor_new:
 * @parent: (nullable): the window the dialog belongs to
 * @context: the shared services, with an open database
 * @event: (nullable): the event to edit, or %NULL for a new one
 * @date: (nullable): the date of a new event
 *
 * The dialog edits a copy of @event and saves it through the store; ::saved tells the caller.
 */
LdEventEditor *
ld_event_editor_new (GtkWindow   *parent,
                     LdContext   *context,
                     LdEvent     *event,
                     const GDate *date)
{
  g_autoptr(LdEvent) fresh = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LD_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (!event || LD_IS_EVENT (event), NULL);

  /* A new event on @date starts as a fresh record handed in like an existing one. */
  if (event == NULL && date && g_date_valid (date))
    {
      g_autofree char *iso = format_iso_date (date);

      fresh = ld_event_new ();
      ld_event_set_kind (fresh, "reception_day");
      ld_event_set_status (fresh, "planned");
      ld_event_set_date (fresh, iso);
      event = fresh;
    }

  return g_object_new (LD_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "event", event,
                       NULL);
}

/* Returns: (transfer none): the copy being edited */
LdEvent *
ld_event_editor_get_event (LdEventEditor *self)
{
  g_return_val_if_fail (LD_IS_EVENT_EDITOR (self), NULL);

  return self->event;
}

gboolean
ld_event_editor_get_valid (LdEventEditor *self)
{
  g_return_val_if_fail (LD_IS_EVENT_EDITOR (self), FALSE);

  return self->form != NULL && ld_form_get_valid (self->form);
}

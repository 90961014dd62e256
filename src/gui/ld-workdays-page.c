/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-workdays-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-toast.h"
#include "ld-workdays-page.h"
#include "ld-workdays.h"

/* The working-day calendar in Preferences: a year's public holidays and make-up working days,
 * a form to add a day when the State Council publishes the next year's schedule, and removal
 * with Undo. A year without data counts every weekday as a working day, which the page says. */

struct _LdWorkdaysPage
{
  AdwPreferencesPage    parent_instance;

  /* Template widgets */
  AdwComboRow          *year_row;
  AdwPreferencesGroup  *days_group;
  GtkLabel             *empty_label;
  GtkListBox           *days_list;
  AdwEntryRow          *date_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *name_row;

  /* Owned */
  LdContext            *context;
  LdStore              *store;
  GArray               *years;        /* guint, as listed in year_row */
  guint                 year;
  guint                 reload_source;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (LdWorkdaysPage, ld_workdays_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds offered by the form, in the order of kind_row. */
static const LdDayKind form_kinds[] = { LD_DAY_KIND_HOLIDAY, LD_DAY_KIND_MAKEUP_WORKDAY };

/* ------------------------------------------------------------------ helpers */

static void
show_error (LdWorkdaysPage *self,
            const GError   *error)
{
  ld_toast_add (GTK_WIDGET (self), ld_toast_new_plain (error->message));
}

static guint
get_current_year (LdWorkdaysPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->context == NULL)
    return 0;
  now = ld_context_now (self->context);
  return (guint) g_date_time_get_year (now);
}

/* 'YYYY-MM-DD' with a real date, and nothing else. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_day (const char *iso)
{
  char buffer[128];
  GDate date;

  if (!parse_date (iso, &date))
    return g_strdup (iso);

  /* Translators: a day of the working-day calendar, in strftime() format, e.g. "2026-02-16
   * Monday"; keep the date sortable */
  if (g_date_strftime (buffer, sizeof buffer, _("%Y-%m-%d %A"), &date) == 0)
    return g_strdup (iso);
  return g_strdup (buffer);
}

static void
update_actions (LdWorkdaysPage *self)
{
  g_autofree char *text = NULL;
  gboolean valid;
  GDate date;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  valid = parse_date (text, &date);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workdays.add",
                                 self->store != NULL && valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workdays.remove", self->store != NULL);

  if (text[0] != '\0' && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

static GtkWidget *
create_day_row (const LdCalendarDay *day)
{
  g_autofree char *title = format_day (day->day);
  const char *name = ld_calendar_day_get_display_name (day);
  GtkWidget *row, *kind, *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (name != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  g_object_set_data_full (G_OBJECT (row), "day", g_strdup (day->day), g_free);

  kind = gtk_label_new (ld_day_kind_to_string (day->kind));
  gtk_widget_add_css_class (kind, day->kind == LD_DAY_KIND_HOLIDAY ? "success" : "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "workdays.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", day->day);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* The years with data, and the next one, where its schedule will go; and the shown one. */
static void
reload_years (LdWorkdaysPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint current = get_current_year (self);
  guint next = current != 0 ? current + 1 : 0;
  guint selected = 0;

  g_array_set_size (self->years, 0);
  if (self->store != NULL
      && (stored = ld_calendar_store_list_years (self->store, &error)) == NULL)
    show_error (self, error);
  if (stored != NULL)
    g_array_append_vals (self->years, stored->data, stored->len);

  for (guint i = 0; i < 2; i++)
    {
      guint extra = i == 0 ? next : self->year;
      guint at = 0;

      if (extra == 0)
        continue;
      while (at < self->years->len && g_array_index (self->years, guint, at) < extra)
        at++;
      if (at == self->years->len || g_array_index (self->years, guint, at) != extra)
        g_array_insert_val (self->years, at, extra);
    }

  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", g_array_index (self->years, guint, i));

      gtk_string_list_append (model, text);
      if (g_array_index (self->years, guint, i) == self->year)
        selected = i;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->year_row, selected);
  self->updating = FALSE;
}

static void
reload (LdWorkdaysPage *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->year == 0)
    self->year = get_current_year (self);
  reload_years (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_list))) != NULL)
    gtk_list_box_remove (self->days_list, child);

  if (self->store != NULL && self->year != 0
      && (days = ld_calendar_store_list_days (self->store, self->year, &error)) == NULL)
    show_error (self, error);

  for (guint i = 0; days != NULL && i < days->len; i++)
    gtk_list_box_append (self->days_list, create_day_row (g_ptr_array_index (days, i)));

  if (days == NULL || days->len == 0)
    {
      g_autofree char *note = NULL;

      /* Translators: %u is a year */
      note = g_strdup_printf (_("No schedule for %u yet: until it is added, every weekday counts "
                                "as a working day"), self->year);
      gtk_label_set_label (self->empty_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), days == NULL || days->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->days_list), days != NULL && days->len > 0);

  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LdWorkdaysPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LdWorkdaysPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdStore        *store,
                  const char     *kind,
                  gint64          id,
                  LdWorkdaysPage *self)
{
  if (g_str_equal (kind, "calendar"))
    queue_reload (self);
}

static void
set_store (LdWorkdaysPage *self,
           LdStore        *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);

  reload (self);
}

static void
context_notify_database_cb (LdWorkdaysPage *self)
{
  set_store (self, ld_context_get_store (self->context));
}

static void
year_selected_cb (LdWorkdaysPage *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->updating || selected >= self->years->len)
    return;
  ld_workdays_page_set_year (self, g_array_index (self->years, guint, selected));
}

static void
date_changed_cb (LdWorkdaysPage *self)
{
  update_actions (self);
}

static void
date_activated_cb (LdWorkdaysPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workdays.add", NULL);
}

static void
undo_remove_cb (AdwToast       *toast,
                LdWorkdaysPage *self)
{
  LdCalendarDay *day = g_object_get_data (G_OBJECT (toast), "day");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!ld_calendar_store_save_day (self->store, day, &error))
    show_error (self, error);
}

/* ------------------------------------------------------------------ actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (widget);
  g_autofree char *text = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(LdCalendarDay) day = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (self->store == NULL || !parse_date (text, &date))
    return;

  day = ld_calendar_day_new (text, form_kinds[selected < G_N_ELEMENTS (form_kinds) ? selected : 0],
                             NULL, name);
  if (!ld_calendar_store_save_day (self->store, day, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  /* The new day is shown where it now is. */
  ld_workdays_page_set_year (self, g_date_get_year (&date));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (widget);
  const char *iso = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  LdCalendarDay *removed = NULL;
  AdwToast *toast;
  GDate date;

  if (self->store == NULL || !parse_date (iso, &date))
    return;

  if ((days = ld_calendar_store_list_days (self->store, g_date_get_year (&date), &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < days->len && removed == NULL; i++)
    if (g_str_equal (((LdCalendarDay *) g_ptr_array_index (days, i))->day, iso))
      removed = g_ptr_array_index (days, i);

  if (!ld_calendar_store_remove_day (self->store, iso, &error))
    {
      show_error (self, error);
      return;
    }
  if (removed == NULL)
    return;

  shown = format_day (iso);
  /* Translators: %s is a day with its weekday */
  message = g_strdup_printf (_("%s removed"), shown);
  toast = ld_toast_new_undo (message, _("_Undo"), "day", ld_calendar_day_copy (removed),
                             (GDestroyNotify) ld_calendar_day_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  ld_toast_add (GTK_WIDGET (self), toast);
}

/* ------------------------------------------------------------------ overrides */

static void
ld_workdays_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_workdays_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_workdays_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      ld_workdays_page_set_year (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_workdays_page_dispose (GObject *object)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->context)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LD_TYPE_WORKDAYS_PAGE);

  G_OBJECT_CLASS (ld_workdays_page_parent_class)->dispose (object);
}

static void
ld_workdays_page_finalize (GObject *object)
{
  LdWorkdaysPage *self = LD_WORKDAYS_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (ld_workdays_page_parent_class)->finalize (object);
}

static void
ld_workdays_page_class_init (LdWorkdaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_workdays_page_get_property;
  object_class->set_property = ld_workdays_page_set_property;
  object_class->dispose = ld_workdays_page_dispose;
  object_class->finalize = ld_workdays_page_finalize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, 9999, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/ld-workdays-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, days_group);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, days_list);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LdWorkdaysPage, name_row);

  gtk_widget_class_install_action (widget_class, "workdays.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "workdays.remove", "s", remove_action);
}

static void
ld_workdays_page_init (LdWorkdaysPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < G_N_ELEMENTS (form_kinds); i++)
    gtk_string_list_append (kinds, ld_day_kind_to_string (form_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect_object (self->year_row, "notify::selected",
                           G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "entry-activated",
                           G_CALLBACK (date_activated_cb), self, G_CONNECT_SWAPPED);

  reload (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_workdays_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_WORKDAYS_PAGE, "context", context, NULL);
}

LdContext *
ld_workdays_page_get_context (LdWorkdaysPage *self)
{
  g_return_val_if_fail (LD_IS_WORKDAYS_PAGE (self), NULL);

  return self->context;
}

void
ld_workdays_page_set_context (LdWorkdaysPage *self,
                              LdContext      *context)
{
  g_return_if_fail (LD_IS_WORKDAYS_PAGE (self));
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

guint
ld_workdays_page_get_year (LdWorkdaysPage *self)
{
  g_return_val_if_fail (LD_IS_WORKDAYS_PAGE (self), 0);

  return self->year;
}

void
ld_workdays_page_set_year (LdWorkdaysPage *self,
                           guint           year)
{
  g_return_if_fail (LD_IS_WORKDAYS_PAGE (self));
  g_return_if_fail (year <= 9999);

  if (self->year == year)
    return;

  self->year = year;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* Returns: (transfer none): the list of the shown year's days */
GtkListBox *
ld_workdays_page_get_days_list (LdWorkdaysPage *self)
{
  g_return_val_if_fail (LD_IS_WORKDAYS_PAGE (self), NULL);

  return self->days_list;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-notice"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ld-calendar-store.h"
#include "ld-deputy.h"
#include "ld-notice.h"

/* ------------------------------------------------------------------ helpers */

static void
notice_item_free (LdNoticeItem *item)
{
  g_free (item->label);
  g_free (item->value);
  g_free (item);
}

static void
notice_deputy_free (LdNoticeDeputy *deputy)
{
  g_free (deputy->name);
  g_free (deputy->level);
  g_free (deputy->group);
  g_free (deputy);
}

static void
add_item (LdNotice   *notice,
          const char *label,
          const char *value)
{
  LdNoticeItem *item;

  if (value == NULL || value[0] == '\0')
    return;

  item = g_new0 (LdNoticeItem, 1);
  item->label = g_strdup (label);
  item->value = g_strdup (value);
  g_ptr_array_add (notice->details, item);
}

/* "YYYY-MM-DD" at midnight local time, or NULL. */
static GDateTime *
parse_date (const char *text)
{
  int year, month, day;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static const char *
title_for_kind (const char *kind)
{
  if (g_strcmp0 (kind, "reception_day") == 0)
    return _("Reception Notice");
  if (g_strcmp0 (kind, "duty") == 0)
    return _("Notice of Duty Day");
  if (g_str_has_prefix (kind, "visit_"))
    return _("Notice of a Visit");
  if (g_strcmp0 (kind, "forum") == 0)
    return _("Notice of a Forum");
  if (g_strcmp0 (kind, "hearing") == 0)
    return _("Notice of a Hearing");
  if (g_strcmp0 (kind, "council") == 0)
    return _("Notice of a Council Meeting");

  return _("Notice");
}

static char *
format_lead (const char *kind,
             const char *where,
             const char *date,
             const char *time)
{
  if (g_strcmp0 (kind, "reception_day") == 0 || g_strcmp0 (kind, "duty") == 0)
    /* Translators: the opening of a reception notice: %1$s is the place, %2$s the date
     * ("Sunday 15 November 2026"), %3$s the time ("09:00–11:30"). */
    return g_strdup_printf (_("Deputies to the people's congress will receive residents at %1$s "
                              "on %2$s, %3$s. Everyone is welcome to come and tell them about "
                              "their opinions, suggestions and difficulties."),
                            where, date, time);

  if (g_str_has_prefix (kind, "visit_"))
    /* Translators: the opening of a notice of a visit: %1$s is the place, %2$s the date,
     * %3$s the time. */
    return g_strdup_printf (_("Deputies to the people's congress will visit %1$s on %2$s, %3$s, "
                              "to hear the opinions and suggestions of residents."),
                            where, date, time);

  /* Translators: the opening of a notice of a forum, hearing or other meeting: %1$s is the
   * place, %2$s the date, %3$s the time. */
  return g_strdup_printf (_("Deputies to the people's congress will meet residents at %1$s on "
                            "%2$s, %3$s. Everyone is welcome to take part."),
                          where, date, time);
}

/* ------------------------------------------------------------------ public API */

LdNotice *
ld_notice_new (LdStation *station,
               LdEvent   *event,
               GPtrArray *deputies,
               GDateTime *issued)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *time_text = NULL;
  LdNotice *notice;
  const char *start, *end, *where;

  g_return_val_if_fail (LD_IS_STATION (station), NULL);
  g_return_val_if_fail (LD_IS_EVENT (event), NULL);
  g_return_val_if_fail (deputies != NULL, NULL);
  g_return_val_if_fail (issued != NULL, NULL);

  notice = g_new0 (LdNotice, 1);
  notice->details = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_item_free);
  notice->deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) notice_deputy_free);

  notice->title = g_strdup (title_for_kind (ld_event_get_kind (event)));
  notice->station = g_strdup (ld_station_get_name (station));

  if ((date = parse_date (ld_event_get_date (event))) != NULL)
    /* Translators: the date of the event on a notice, a g_date_time_format() pattern with the
     * weekday, e.g. "%Y年%-m月%-d日（%A）" */
    date_text = g_date_time_format (date, _("%A %-d %B %Y"));
  else
    date_text = g_strdup (ld_event_get_date (event));

  start = ld_event_get_start_time (event);
  end = ld_event_get_end_time (event);
  if (start[0] != '\0' && end[0] != '\0')
    /* Translators: the time of an event, from start to end: "09:00–11:30" */
    time_text = g_strdup_printf (_("%s–%s"), start, end);
  else if (start[0] != '\0')
    /* Translators: the time of an event without an end: "from 09:00" */
    time_text = g_strdup_printf (_("from %s"), start);
  else
    time_text = g_strdup (_("all day"));

  /* Without a place of its own the event is held at the station. */
  where = ld_event_get_place (event);
  if (where[0] == '\0')
    where = ld_station_get_address (station);
  if (where == NULL || where[0] == '\0')
    where = ld_station_get_name (station);

  notice->lead = format_lead (ld_event_get_kind (event), where, date_text, time_text);

  add_item (notice, C_("notice", "Date"), date_text);
  add_item (notice, C_("notice", "Time"), time_text);
  add_item (notice, C_("notice", "Place"), where);
  add_item (notice, C_("notice", "Theme"), ld_event_get_theme (event));

  notice->deputies_heading = g_strdup (_("Deputies on Duty"));
  notice->deputy_columns[0] = g_strdup (C_("notice column", "Name"));
  notice->deputy_columns[1] = g_strdup (C_("notice column", "Level"));
  notice->deputy_columns[2] = g_strdup (C_("notice column", "Group"));

  for (guint i = 0; i < deputies->len; i++)
    {
      LdDeputy *deputy = g_ptr_array_index (deputies, i);
      LdNoticeDeputy *row = g_new0 (LdNoticeDeputy, 1);

      row->name = g_strdup (ld_deputy_get_name (deputy));
      row->level = g_strdup (ld_deputy_level_to_string (ld_deputy_get_level (deputy)));
      row->group = g_strdup (ld_deputy_get_group (deputy));
      g_ptr_array_add (notice->deputies, row);
    }

  notice->bring_heading = g_strdup (_("What to Bring"));
  notice->bring = g_strdup (_("You do not need to bring your identity card. If your matter "
                              "has letters, documents or photos, please bring them along, "
                              "or a short written account if that is easier for you. If you "
                              "come on behalf of neighbours or others, please bring the names "
                              "of those concerned and how to reach them. If you cannot come, "
                              "you are welcome to call the station."));

  if (ld_station_get_phone (station)[0] != '\0')
    /* Translators: the station's phone on a notice */
    notice->contact = g_strdup_printf (_("Telephone: %s"), ld_station_get_phone (station));
  else
    notice->contact = g_strdup ("");

  notice->signature = g_strdup (ld_station_get_reporting_unit (station)[0] != '\0'
                                ? ld_station_get_reporting_unit (station)
                                : ld_station_get_name (station));
  /* Translators: the date of issue under a notice, a g_date_time_format() pattern, e.g.
   * "%Y年%-m月%-d日" */
  notice->issue_date = g_date_time_format (issued, _("%-d %B %Y"));

  return notice;
}

LdNotice *
ld_notice_load (LdStore    *store,
                gint64      event_id,
                GDateTime  *issued,
                GError    **error)
{
  g_autoptr(LdEvent) event = NULL;
  g_autoptr(LdStation) station = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (LD_IS_STORE (store), NULL);
  g_return_val_if_fail (issued != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((event = ld_calendar_store_get_event (store, event_id, error)) == NULL)
    return NULL;

  station = ld_store_get_station (store, &local_error);
  if (station == NULL)
    {
      if (local_error == NULL)
        local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                           _("The station's profile has not been filled in yet."));
      g_propagate_error (error, local_error);
      return NULL;
    }

  ids = ld_event_get_deputy_ids (event, LD_EVENT_ROLE_ON_DUTY);
  deputies = ld_store_load_deputies (store, (const gint64 *) (gpointer) ids->data, ids->len,
                                     error);
  if (deputies == NULL)
    return NULL;

  return ld_notice_new (station, event, deputies, issued);
}

void
ld_notice_free (LdNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->title);
  g_free (notice->station);
  g_free (notice->lead);
  g_ptr_array_unref (notice->details);
  g_free (notice->deputies_heading);
  for (guint i = 0; i < G_N_ELEMENTS (notice->deputy_columns); i++)
    g_free (notice->deputy_columns[i]);
  g_ptr_array_unref (notice->deputies);
  g_free (notice->bring_heading);
  g_free (notice->bring);
  g_free (notice->contact);
  g_free (notice->signature);
  g_free (notice->issue_date);
  g_free (notice);
}

char *
ld_notice_to_text (LdNotice *notice)
{
  GString *text;

  g_return_val_if_fail (notice != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n\n%s\n\n", notice->title, notice->station, notice->lead);
  for (guint i = 0; i < notice->details->len; i++)
    {
      LdNoticeItem *item = g_ptr_array_index (notice->details, i);

      g_string_append_printf (text, "%s\t%s\n", item->label, item->value);
    }
  g_string_append_printf (text, "\n%s\n%s\t%s\t%s\n", notice->deputies_heading,
                          notice->deputy_columns[0], notice->deputy_columns[1],
                          notice->deputy_columns[2]);
  for (guint i = 0; i < notice->deputies->len; i++)
    {
      LdNoticeDeputy *row = g_ptr_array_index (notice->deputies, i);

      g_string_append_printf (text, "%s\t%s\t%s\n", row->name, row->level, row->group);
    }
  g_string_append_printf (text, "\n%s\n%s\n\n%s\n%s\n%s\n", notice->bring_heading, notice->bring,
                          notice->contact, notice->signature, notice->issue_date);

  return g_string_free (text, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-workdays"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-workdays.h"

/* ------------------------------------------------------------------ struct */

typedef struct
{
  LdDayKind  kind;
  char      *name;
} Day;

struct _LdWorkdays
{
  gatomicrefcount  ref_count;

  /* Owned */
  GHashTable      *days;   /* Julian day number → Day */
  GHashTable      *years;  /* years with at least one day */
};

G_DEFINE_BOXED_TYPE (LdWorkdays, ld_workdays, ld_workdays_ref, ld_workdays_unref)

/* ------------------------------------------------------------------ tables */

static const struct
{
  const char *seed_key;
  const char *name;
} festivals[] = {
  { "new_year",                N_("New Year’s Day") },
  { "spring_festival",         N_("Spring Festival") },
  { "qingming",                N_("Qingming Festival") },
  { "labour_day",              N_("Labour Day") },
  { "dragon_boat",             N_("Dragon Boat Festival") },
  { "mid_autumn",              N_("Mid-Autumn Festival") },
  { "national_day",            N_("National Day") },
  { "national_day_mid_autumn", N_("National Day and Mid-Autumn Festival") },
};

/* ------------------------------------------------------------------ helpers */

static void
day_free (gpointer data)
{
  Day *day = data;

  g_free (day->name);
  g_free (day);
}

static const Day *
lookup_day (LdWorkdays *self,
            guint32     julian)
{
  g_assert (self != NULL);

  return g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));
}

static gboolean
is_weekend (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_weekday (&date) >= G_DATE_SATURDAY;
}

static gboolean
julian_is_working (LdWorkdays *self,
                   guint32     julian)
{
  const Day *day = lookup_day (self, julian);

  if (day != NULL)
    return day->kind == LD_DAY_KIND_MAKEUP_WORKDAY;
  return !is_weekend (julian);
}

/* ------------------------------------------------------------------ public API */

LdWorkdays *
ld_workdays_new (void)
{
  LdWorkdays *self = g_new0 (LdWorkdays, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->days = g_hash_table_new_full (NULL, NULL, NULL, day_free);
  self->years = g_hash_table_new (NULL, NULL);
  return self;
}

LdWorkdays *
ld_workdays_ref (LdWorkdays *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ld_workdays_unref (LdWorkdays *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);
  g_free (self);
}

void
ld_workdays_add (LdWorkdays  *self,
                 const GDate *date,
                 LdDayKind    kind,
                 const char  *name)
{
  Day *day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (kind == LD_DAY_KIND_HOLIDAY || kind == LD_DAY_KIND_MAKEUP_WORKDAY);

  day = g_new0 (Day, 1);
  day->kind = kind;
  day->name = g_strdup (name);
  g_hash_table_replace (self->days, GUINT_TO_POINTER (g_date_get_julian (date)), day);
  g_hash_table_add (self->years, GUINT_TO_POINTER ((guint) g_date_get_year (date)));
}

gboolean
ld_workdays_has_year (LdWorkdays *self,
                      GDateYear   year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->years, GUINT_TO_POINTER ((guint) year));
}

gboolean
ld_workdays_is_working_day (LdWorkdays  *self,
                            const GDate *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return julian_is_working (self, g_date_get_julian (date));
}

LdDayKind
ld_workdays_get_day_kind (LdWorkdays  *self,
                          const GDate *date)
{
  const Day *day;
  guint32 julian;

  g_return_val_if_fail (self != NULL, LD_DAY_KIND_NORMAL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), LD_DAY_KIND_NORMAL);

  julian = g_date_get_julian (date);
  day = lookup_day (self, julian);
  if (day != NULL)
    return day->kind;
  return is_weekend (julian) ? LD_DAY_KIND_WEEKEND : LD_DAY_KIND_NORMAL;
}

const char *
ld_workdays_get_day_name (LdWorkdays  *self,
                          const GDate *date)
{
  const Day *day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = lookup_day (self, g_date_get_julian (date));
  return day != NULL ? day->name : NULL;
}

void
ld_workdays_next_working_day (LdWorkdays  *self,
                              const GDate *date,
                              GDate       *result)
{
  guint32 julian;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (result != NULL);

  /* Ends: only the finite set of known days can be off on a weekday. */
  julian = g_date_get_julian (date) + 1;
  while (!julian_is_working (self, julian))
    julian++;

  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
}

void
ld_workdays_add_working_days (LdWorkdays  *self,
                              const GDate *start,
                              guint        n,
                              GDate       *result)
{
  guint32 julian;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (result != NULL);

  julian = g_date_get_julian (start);
  if (n == 0)
    {
      while (!julian_is_working (self, julian))
        julian++;
    }
  else
    {
      while (n > 0)
        {
          julian++;
          if (julian_is_working (self, julian))
            n--;
        }
    }

  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
}

const char *
ld_day_kind_to_string (LdDayKind kind)
{
  switch (kind)
    {
    case LD_DAY_KIND_NORMAL:
      return _("Working day");
    case LD_DAY_KIND_WEEKEND:
      return _("Weekend");
    case LD_DAY_KIND_HOLIDAY:
      return _("Public holiday");
    case LD_DAY_KIND_MAKEUP_WORKDAY:
      return _("Make-up working day");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ld_day_kind_to_badge (LdDayKind kind)
{
  switch (kind)
    {
    case LD_DAY_KIND_HOLIDAY:
      /* Translators: the one-character mark of a public holiday on a wall calendar, 休 */
      return C_("day badge", "Off");
    case LD_DAY_KIND_MAKEUP_WORKDAY:
      /* Translators: the one-character mark of a make-up working day on a wall calendar, 班 */
      return C_("day badge", "Work");
    case LD_DAY_KIND_NORMAL:
    case LD_DAY_KIND_WEEKEND:
    default:
      return NULL;
    }
}

const char *
ld_workdays_festival_name (const char *seed_key)
{
  if (seed_key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (festivals); i++)
    if (g_str_equal (festivals[i].seed_key, seed_key))
      return _(festivals[i].name);
  return NULL;
}

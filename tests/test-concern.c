/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-concern"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-concern.h"
#include "ld-mask.h"
#include "ld-workflow.h"

/*
 * The concern record behind the intake form: what a clerk may type into each field and the
 * message shown next to one that cannot be saved, the reference number, drafts that survive a
 * crash, and how a resident's name and phone are masked.
 */

/* The clock of every validation case: 2026-03-15 18:00 in Beijing. */
#define NOW "2026-03-15T10:00:00Z"

/* ------------------------------------------------------------------ helpers */

/* Test values: "@N*text" stands for text repeated N times, so that tables stay readable. */
static char *
expand (const char *value)
{
  GString *result;
  char *end;
  guint64 n;

  if (value == NULL || value[0] != '@')
    return g_strdup (value);

  n = g_ascii_strtoull (value + 1, &end, 10);
  g_assert_true (*end == '*');
  result = g_string_new (NULL);
  for (guint64 i = 0; i < n; i++)
    g_string_append (result, end + 1);
  return g_string_free (result, FALSE);
}

/* A concern the form could save as it is. */
static LdConcern *
new_valid_concern (void)
{
  LdConcern *concern = ld_concern_new ();

  ld_concern_set_received_at (concern, "2026-03-15T09:30:00Z");
  ld_concern_set_channel_id (concern, 1);
  ld_concern_set_category_id (concern, 2);
  ld_concern_set_subject (concern, "小区路灯不亮");
  return concern;
}

static GDateTime *
new_now (void)
{
  return g_date_time_new_from_iso8601 (NOW, NULL);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ validation */

typedef struct
{
  const char *property;
  char        kind;      /* 's' text, 'n' NULL text, 'x' number */
  const char *text;
  gint64      number;
  const char *error;     /* the field with a message, or NULL when it can be saved */
  const char *message;   /* the message, when it matters */
} ValidationCase;

static const ValidationCase validation_cases[] = {
  /* The subject: required, one line, 200 characters. */
  { "subject", 's', "路灯不亮", 0, NULL, NULL },
  { "subject", 's', "", 0, "subject", "Enter what the concern is about" },
  { "subject", 's', "   ", 0, "subject", "Enter what the concern is about" },
  { "subject", 's', "\u3000\u3000", 0, "subject", "Enter what the concern is about" },
  { "subject", 's', "@200*字", 0, NULL, NULL },
  { "subject", 's', "@201*字", 0, "subject", "Use at most 200 characters" },
  { "subject", 's', "@200*a", 0, NULL, NULL },
  { "subject", 's', "@201*a", 0, "subject", "Use at most 200 characters" },
  { "subject", 's', "路灯\n不亮", 0, "subject", NULL },
  { "subject", 's', "路灯\t不亮", 0, "subject", NULL },
  { "subject", 's', "路灯\u2028不亮", 0, "subject", NULL },
  { "subject", 's', "路灯\x01不亮", 0, "subject", NULL },
  { "subject", 's', "bad \xff\xfe text", 0, "subject", NULL },
  /* The resident's own words: newlines and tabs kept, 20,000 characters. */
  { "details", 's', "", 0, NULL, NULL },
  { "details", 's', "第一行\n第二行\n\t缩进的一行", 0, NULL, NULL },
  { "details", 's', "Windows\r\nline ends", 0, NULL, NULL },
  { "details", 's', "@20000*字", 0, NULL, NULL },
  { "details", 's', "@20001*字", 0, "details", "Use at most 20000 characters" },
  { "details", 's', "a bell \x07 here", 0, "details", NULL },
  { "details", 's', "\xc3\x28", 0, "details", NULL },
  /* When it was received: a real UTC time, not in the future beyond a minute's grace. */
  { "received-at", 's', "", 0, "received-at", "Enter when the concern was received" },
  { "received-at", 's', NOW, 0, NULL, NULL },
  { "received-at", 's', "2025-12-31T23:59:59Z", 0, NULL, NULL },
  { "received-at", 's', "2026-03-15T10:00:30Z", 0, NULL, NULL },
  { "received-at", 's', "2026-03-15T10:01:00Z", 0, NULL, NULL },
  { "received-at", 's', "2026-03-15T10:01:01Z", 0, "received-at",
    "The time received cannot be in the future" },
  { "received-at", 's', "2027-01-01T00:00:00Z", 0, "received-at",
    "The time received cannot be in the future" },
  { "received-at", 's', "2026-03-15 09:30:00", 0, "received-at", "Enter a real date and time" },
  { "received-at", 's', "2026-03-15T09:30:00", 0, "received-at", NULL },
  { "received-at", 's', "2026-03-15T09:30:00+08:00", 0, "received-at", NULL },
  { "received-at", 's', "2026-02-30T09:30:00Z", 0, "received-at", NULL },
  { "received-at", 's', "2026-03-15T24:00:00Z", 0, "received-at", NULL },
  { "received-at", 's', "2026-03-15T09:30:60Z", 0, "received-at", NULL },
  { "received-at", 's', "2026-3-15T09:30:00Z", 0, "received-at", NULL },
  { "received-at", 's', "yesterday", 0, "received-at", NULL },
  /* Channel and category are chosen from lists. */
  { "channel-id", 'x', NULL, 0, "channel-id", NULL },
  { "channel-id", 'x', NULL, 7, NULL, NULL },
  { "category-id", 'x', NULL, 0, "category-id", NULL },
  /* The resident: all optional. */
  { "resident-name", 's', "", 0, NULL, NULL },
  { "resident-name", 's', "@50*王", 0, NULL, NULL },
  { "resident-name", 's', "@51*王", 0, "resident-name", "Use at most 50 characters" },
  { "resident-name", 's', "张\n三", 0, "resident-name", NULL },
  { "resident-phone", 's', "", 0, NULL, NULL },
  { "resident-phone", 's', "13800001111", 0, NULL, NULL },
  { "resident-phone", 's', "+86 138 0000 1111", 0, NULL, NULL },
  { "resident-phone", 's', "027-85551234", 0, NULL, NULL },
  { "resident-phone", 's', "(010) 1234 5678", 0, NULL, NULL },
  { "resident-phone", 's', "12345", 0, "resident-phone", NULL },
  { "resident-phone", 's', "call me", 0, "resident-phone", NULL },
  { "resident-address", 's', "@200*路", 0, NULL, NULL },
  { "resident-address", 's', "@201*路", 0, "resident-address", "Use at most 200 characters" },
  { "resident-community", 's', "@201*村", 0, "resident-community", NULL },
  { "resident-community", 's', "幸福社区", 0, NULL, NULL },
  /* Where the matter is. */
  { "place", 's', "@200*x", 0, NULL, NULL },
  { "place", 's', "@201*x", 0, "place", NULL },
  { "place-kind", 'n', NULL, 0, NULL, NULL },
  { "place-kind", 's', "enterprise", 0, NULL, NULL },
  { "place-kind", 's', "community", 0, NULL, NULL },
  { "place-kind", 's', "village", 0, NULL, NULL },
  { "place-kind", 's', "constituency", 0, NULL, NULL },
  { "place-kind", 's', "street", 0, "place-kind", NULL },
  /* Urgency. */
  { "urgency", 's', "normal", 0, NULL, NULL },
  { "urgency", 's', "urgent", 0, NULL, NULL },
  { "urgency", 's', "", 0, "urgency", NULL },
  { "urgency", 's', "very", 0, "urgency", NULL },
};

static void
test_validation (void)
{
  g_autoptr(GDateTime) now = new_now ();

  g_assert_cmpuint (G_N_ELEMENTS (validation_cases), >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      const ValidationCase *c = &validation_cases[i];
      g_autoptr(LdConcern) concern = new_valid_concern ();
      g_autoptr(GHashTable) errors = NULL;

      if (c->kind == 'x')
        g_object_set (concern, c->property, c->number, NULL);
      else
        {
          g_autofree char *text = expand (c->text);

          g_object_set (concern, c->property, text, NULL);
        }

      errors = ld_concern_validate (concern, now);

      if (c->error == NULL)
        {
          if (g_hash_table_size (errors) != 0)
            g_error ("case %u (%s): unexpected messages, e.g. %s", i, c->property,
                     (const char *) g_hash_table_lookup (errors, c->property));
        }
      else
        {
          const char *message = g_hash_table_lookup (errors, c->error);

          if (message == NULL)
            g_error ("case %u (%s): no message for %s", i, c->property, c->error);
          g_assert_cmpuint (g_hash_table_size (errors), ==, 1);
          g_assert_cmpstr (message, !=, "");
          if (c->message != NULL)
            g_assert_cmpstr (message, ==, c->message);
        }
    }
}

static void
test_validation_empty (void)
{
  g_autoptr(GDateTime) now = new_now ();
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GHashTable) errors = ld_concern_validate (concern, now);

  /* A new concern: exactly the required fields are flagged. */
  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
  g_assert_true (g_hash_table_contains (errors, "received-at"));
  g_assert_true (g_hash_table_contains (errors, "channel-id"));
  g_assert_true (g_hash_table_contains (errors, "category-id"));
  g_assert_cmpstr (g_hash_table_lookup (errors, "subject"), ==, "Enter what the concern is about");
}

/* ------------------------------------------------------------------ the object */

static void
test_defaults (void)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();

  g_assert_cmpint (ld_concern_get_id (concern), ==, 0);
  g_assert_cmpstr (ld_concern_get_subject (concern), ==, "");
  g_assert_cmpstr (ld_concern_get_details (concern), ==, "");
  g_assert_cmpstr (ld_concern_get_urgency (concern), ==, "normal");
  g_assert_null (ld_concern_get_place_kind (concern));
  g_assert_null (ld_concern_get_due_date (concern));
  g_assert_null (ld_concern_get_category_name (concern));
  g_assert_cmpint (ld_concern_get_state (concern), ==, LD_CONCERN_REGISTERED);
  g_assert_cmpuint (ld_concern_get_deputy_ids (concern)->len, ==, 0);
  g_assert_false (ld_concern_get_confidential (concern));
  g_assert_null (ld_concern_dup_reference (concern));
}

static void
test_notify (void)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 ids[] = { 4, 2 };
  int state = -1;

  g_signal_connect (concern, "notify", G_CALLBACK (count_notify_cb), names);

  /* Setting what is already there says nothing. */
  ld_concern_set_subject (concern, "");
  ld_concern_set_subject (concern, NULL);
  ld_concern_set_place_kind (concern, NULL);
  ld_concern_set_place_kind (concern, "");
  ld_concern_set_urgency (concern, "normal");
  ld_concern_set_channel_id (concern, 0);
  ld_concern_set_confidential (concern, FALSE);
  ld_concern_set_state (concern, LD_CONCERN_REGISTERED);
  ld_concern_set_deputy_ids (concern, NULL, 0);
  g_object_set (concern, "subject", "", "category-id", (gint64) 0, NULL);
  g_assert_cmpuint (names->len, ==, 0);

  ld_concern_set_subject (concern, "噪音扰民");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "subject");
  ld_concern_set_subject (concern, "噪音扰民");
  g_assert_cmpuint (names->len, ==, 1);

  g_ptr_array_set_size (names, 0);
  ld_concern_set_ref_year (concern, 2026);
  ld_concern_set_ref_seq (concern, 153);
  g_assert_true (names_contain (names, "ref-year"));
  g_assert_true (names_contain (names, "ref-seq"));
  g_assert_true (names_contain (names, "reference"));

  g_ptr_array_set_size (names, 0);
  ld_concern_set_resident_name (concern, "张三");
  ld_concern_set_confidential (concern, TRUE);
  g_assert_true (names_contain (names, "resident-name"));
  g_assert_true (names_contain (names, "confidential"));
  g_assert_true (names_contain (names, "resident-display"));
  ld_concern_set_confidential (concern, 5);  /* any true value is TRUE */
  g_assert_cmpuint (names->len, ==, 4);

  g_ptr_array_set_size (names, 0);
  ld_concern_set_deputy_ids (concern, ids, 2);
  ld_concern_set_deputy_ids (concern, ids, 2);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "deputy-ids");

  g_ptr_array_set_size (names, 0);
  g_object_set (concern, "state", LD_CONCERN_REFERRED, NULL);
  g_object_set (concern, "state", LD_CONCERN_REFERRED, NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_object_get (concern, "state", &state, NULL);
  g_assert_cmpint (state, ==, LD_CONCERN_REFERRED);

  g_ptr_array_set_size (names, 0);
  ld_concern_set_due_date (concern, "2026-04-01");
  ld_concern_set_due_date (concern, "2026-04-01");
  ld_concern_set_unit_name (concern, "市政局");
  g_assert_cmpuint (names->len, ==, 2);
}

static void
test_copy_equal (void)
{
  g_autoptr(LdConcern) concern = new_valid_concern ();
  g_autoptr(LdConcern) copy = NULL;
  const gint64 ids[] = { 9, 3, 5 };
  const gint64 other_ids[] = { 9, 5, 3 };

  ld_concern_set_id (concern, 12);
  ld_concern_set_uuid (concern, "0f3b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  ld_concern_set_resident_name (concern, "李四");
  ld_concern_set_resident_phone (concern, "13800001111");
  ld_concern_set_details (concern, "他说：\n“晚上太黑了”");
  ld_concern_set_place_kind (concern, "community");
  ld_concern_set_deputy_ids (concern, ids, 3);
  ld_concern_set_state (concern, LD_CONCERN_IN_PROGRESS);
  ld_concern_set_due_date (concern, "2026-04-01");

  copy = ld_concern_copy (concern);
  g_assert_true (copy != concern);
  g_assert_true (ld_concern_equal (concern, copy));
  g_assert_cmpint (ld_concern_get_id (copy), ==, 12);
  g_assert_cmpstr (ld_concern_get_uuid (copy), ==, ld_concern_get_uuid (concern));
  g_assert_cmpint (ld_concern_get_state (copy), ==, LD_CONCERN_IN_PROGRESS);
  g_assert_cmpstr (ld_concern_get_due_date (copy), ==, "2026-04-01");
  g_assert_cmpuint (ld_concern_get_deputy_ids (copy)->len, ==, 3);
  g_assert_true (ld_concern_get_deputy_ids (copy) != ld_concern_get_deputy_ids (concern));

  /* The workflow's fields are not the form's. */
  ld_concern_set_state (copy, LD_CONCERN_CONCLUDED);
  ld_concern_set_concluded_date (copy, "2026-03-20");
  ld_concern_set_id (copy, 13);
  g_assert_true (ld_concern_equal (concern, copy));

  ld_concern_set_deputy_ids (copy, other_ids, 3);
  g_assert_false (ld_concern_equal (concern, copy));
  ld_concern_set_deputy_ids (copy, ids, 3);
  g_assert_true (ld_concern_equal (concern, copy));

  ld_concern_set_details (copy, "他说：\n“晚上太黑了”。");
  g_assert_false (ld_concern_equal (concern, copy));
  ld_concern_set_details (copy, ld_concern_get_details (concern));
  ld_concern_set_confidential (copy, TRUE);
  g_assert_false (ld_concern_equal (concern, copy));
  ld_concern_set_confidential (copy, FALSE);
  ld_concern_set_place_kind (copy, NULL);
  g_assert_false (ld_concern_equal (concern, copy));
}

static void
test_reference (void)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autofree char *reference = NULL;
  char *text;

  ld_concern_set_ref_year (concern, 2026);
  g_assert_null (ld_concern_dup_reference (concern));

  ld_concern_set_ref_seq (concern, 153);
  text = ld_concern_dup_reference (concern);
  g_assert_cmpstr (text, ==, "2026-0153");
  g_free (text);

  ld_concern_set_ref_seq (concern, 1);
  text = ld_concern_dup_reference (concern);
  g_assert_cmpstr (text, ==, "2026-0001");
  g_free (text);

  ld_concern_set_ref_seq (concern, 9999);
  text = ld_concern_dup_reference (concern);
  g_assert_cmpstr (text, ==, "2026-9999");
  g_free (text);

  ld_concern_set_ref_seq (concern, 12345);
  g_object_get (concern, "reference", &reference, NULL);
  g_assert_cmpstr (reference, ==, "2026-12345");
}

static void
test_resident_display (void)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autofree char *display = NULL;
  char *text;

  text = ld_concern_dup_resident_display (concern);
  g_assert_cmpstr (text, ==, "Anonymous");
  g_free (text);

  ld_concern_set_confidential (concern, TRUE);
  text = ld_concern_dup_resident_display (concern);
  g_assert_cmpstr (text, ==, "Anonymous");
  g_free (text);

  ld_concern_set_resident_name (concern, "欧阳娜娜");
  text = ld_concern_dup_resident_display (concern);
  g_assert_cmpstr (text, ==, "欧***");
  g_free (text);

  ld_concern_set_confidential (concern, FALSE);
  g_object_get (concern, "resident-display", &display, NULL);
  g_assert_cmpstr (display, ==, "欧阳娜娜");

  ld_concern_set_resident_name (concern, "  ");
  text = ld_concern_dup_resident_display (concern);
  g_assert_cmpstr (text, ==, "Anonymous");
  g_free (text);
}

static void
test_overdue (void)
{
  g_autoptr(LdConcern) concern = new_valid_concern ();

  g_assert_false (ld_concern_is_overdue (concern, "2026-04-02"));

  ld_concern_set_state (concern, LD_CONCERN_REFERRED);
  g_assert_false (ld_concern_is_overdue (concern, "2026-04-02"));
  ld_concern_set_due_date (concern, "2026-04-01");
  g_assert_false (ld_concern_is_overdue (concern, "2026-03-31"));
  g_assert_false (ld_concern_is_overdue (concern, "2026-04-01"));
  g_assert_true (ld_concern_is_overdue (concern, "2026-04-02"));

  ld_concern_set_state (concern, LD_CONCERN_IN_PROGRESS);
  g_assert_true (ld_concern_is_overdue (concern, "2026-04-02"));
  ld_concern_set_state (concern, LD_CONCERN_CONCLUDED);
  g_assert_false (ld_concern_is_overdue (concern, "2026-04-02"));
}

static void
test_place_kinds_urgency (void)
{
  const char * const *kinds = ld_place_kinds ();

  g_assert_cmpuint (g_strv_length ((GStrv) kinds), ==, 4);
  for (guint i = 0; kinds[i] != NULL; i++)
    g_assert_cmpstr (ld_place_kind_to_string (kinds[i]), !=, kinds[i]);
  g_assert_cmpstr (ld_place_kind_to_string ("village"), ==, "Village");
  g_assert_cmpstr (ld_place_kind_to_string (NULL), ==, "");
  g_assert_cmpstr (ld_urgency_to_string ("urgent"), ==, "Urgent");
  g_assert_cmpstr (ld_urgency_to_string ("normal"), ==, "Normal");
}

/* ------------------------------------------------------------------ drafts */

static void
test_draft_round_trip (void)
{
  g_autoptr(LdConcern) concern = new_valid_concern ();
  g_autoptr(LdConcern) back = NULL;
  g_autofree char *draft = NULL;
  const gint64 ids[] = { 31, 7, 1024 };
  gboolean ok = FALSE;

  ld_concern_set_resident_name (concern, "王'小'明");
  ld_concern_set_resident_phone (concern, "027-85551234");
  ld_concern_set_resident_address (concern, "解放大道 1 号 \"东门\"");
  ld_concern_set_resident_community (concern, "幸福社区");
  ld_concern_set_confidential (concern, TRUE);
  ld_concern_set_place_kind (concern, "village");
  ld_concern_set_place (concern, "村口\\桥头");
  ld_concern_set_subject (concern, "桥面坑洼，雨天积水");
  ld_concern_set_details (concern, "原话：\n“桥上坑太多了，\t孩子上学不安全。”\n"
                                   "'单引号' \"双引号\" \\ 反斜杠");
  ld_concern_set_urgency (concern, "urgent");
  ld_concern_set_event_id (concern, 5);
  ld_concern_set_resident_id (concern, 6);
  ld_concern_set_duplicate_of (concern, 8);
  ld_concern_set_deputy_ids (concern, ids, G_N_ELEMENTS (ids));
  /* The workflow is not part of a draft. */
  ld_concern_set_state (concern, LD_CONCERN_REFERRED);
  ld_concern_set_due_date (concern, "2026-04-01");

  draft = ld_concern_to_draft (concern);
  g_assert_true (g_str_has_prefix (draft, "{"));
  g_assert_true (g_str_has_suffix (draft, "}"));

  back = ld_concern_new_from_draft (draft, &ok);
  g_assert_true (ok);
  g_assert_true (ld_concern_equal (concern, back));
  g_assert_cmpstr (ld_concern_get_details (back), ==, ld_concern_get_details (concern));
  g_assert_cmpuint (ld_concern_get_deputy_ids (back)->len, ==, 3);
  g_assert_cmpint (g_array_index (ld_concern_get_deputy_ids (back), gint64, 2), ==, 1024);
  g_assert_cmpint (ld_concern_get_state (back), ==, LD_CONCERN_REGISTERED);
  g_assert_null (ld_concern_get_due_date (back));
}

static void
test_draft_empty (void)
{
  g_autoptr(LdConcern) concern = ld_concern_new ();
  g_autoptr(LdConcern) back = NULL;
  g_autoptr(LdConcern) from_empty = NULL;
  g_autoptr(LdConcern) from_typed = NULL;
  g_autofree char *draft = ld_concern_to_draft (concern);
  gboolean ok = FALSE;

  g_assert_true (g_str_has_prefix (draft, "{"));
  g_assert_true (g_str_has_suffix (draft, "}"));
  back = ld_concern_new_from_draft (draft, &ok);
  g_assert_true (ok);
  g_assert_true (ld_concern_equal (concern, back));

  /* Keys may be missing altogether. */
  ok = FALSE;
  from_empty = ld_concern_new_from_draft ("{}", &ok);
  g_assert_true (ok);
  g_assert_true (ld_concern_equal (concern, from_empty));
  ok = FALSE;
  from_typed = ld_concern_new_from_draft ("@a{sv} {}", &ok);
  g_assert_true (ok);
  g_assert_true (ld_concern_equal (concern, from_typed));
}

static void
test_draft_wrong_types (void)
{
  g_autoptr(LdConcern) concern = NULL;
  gboolean ok = FALSE;

  /* Values of the wrong type are ignored, the others kept. */
  concern = ld_concern_new_from_draft ("{'subject': <42>, 'channel-id': <'seven'>, "
                                       "'urgency': <'urgent'>, 'deputy-ids': <['x']>, "
                                       "'category-id': <int64 3>, 'confidential': <'yes'>, "
                                       "'event-id': <int64 -4>, 'unknown': <true>}", &ok);
  g_assert_true (ok);
  g_assert_cmpstr (ld_concern_get_subject (concern), ==, "");
  g_assert_cmpint (ld_concern_get_channel_id (concern), ==, 0);
  g_assert_cmpstr (ld_concern_get_urgency (concern), ==, "urgent");
  g_assert_cmpuint (ld_concern_get_deputy_ids (concern)->len, ==, 0);
  g_assert_cmpint (ld_concern_get_category_id (concern), ==, 3);
  g_assert_false (ld_concern_get_confidential (concern));
  g_assert_cmpint (ld_concern_get_event_id (concern), ==, 0);
}

static void
test_draft_garbage (void)
{
  static const char * const garbage[] = {
    "", "not a draft", "{", "}", "[1, 2, 3]", "{'subject': <'unterminated'>",
    "{'subject': 'not a variant'}", "42", "{'a': <1>} trailing", "\xff\xfe",
  };
  g_autoptr(LdConcern) empty = ld_concern_new ();

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(LdConcern) concern = NULL;
      gboolean ok = TRUE;

      concern = ld_concern_new_from_draft (garbage[i], &ok);
      g_assert_nonnull (concern);
      if (ok)
        g_error ("garbage draft %u was accepted", i);
      g_assert_true (ld_concern_equal (concern, empty));
    }

  {
    g_autoptr(LdConcern) concern = NULL;
    gboolean ok = TRUE;

    concern = ld_concern_new_from_draft (NULL, &ok);
    g_assert_false (ok);
    g_assert_true (ld_concern_equal (concern, empty));
  }
}

/* ------------------------------------------------------------------ masking */

static void
test_mask (void)
{
  static const struct
  {
    const char *name;
    const char *masked;
  } names[] = {
    { "张三", "张*" },
    { "欧阳娜娜", "欧***" },
    { "李", "李" },
    { "王小明", "王**" },
    { "Li Lei", "L*****" },
    { "", "" },
  };
  static const struct
  {
    const char *phone;
    const char *masked;
  } phones[] = {
    { "13812341234", "138****1234" },
    { "027-85551234", "027-******34" },
    { "010-12345678", "010-******78" },
    { "0755-1234567", "0755-*****67" },
    { "12345", "*****" },
    { "123456", "******" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *masked = ld_mask_name (names[i].name);

      g_assert_cmpstr (masked, ==, names[i].masked);
    }
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *masked = ld_mask_phone (phones[i].phone);

      g_assert_cmpstr (masked, ==, phones[i].masked);
    }

  g_assert_null (ld_mask_name (NULL));
  g_assert_null (ld_mask_phone (NULL));
}

/* ------------------------------------------------------------------ translation */

/* The zh_CN msgstr of msgctxt "concern state", msgid "Referred" in po/zh_CN.po, or NULL. */
static char *
find_translation (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LD_SOURCE_ROOT"), "po", "zh_CN.po", NULL);
  g_autofree char *po = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  char *msgstr;

  if (!g_file_get_contents (path, &po, NULL, NULL))
    return NULL;
  regex = g_regex_new ("^msgctxt \"concern state\"\\s*\\n"
                       "msgid \"Referred\"\\s*\\n"
                       "msgstr \"([^\"]+)\"",
                       G_REGEX_MULTILINE, 0, NULL);
  g_assert_nonnull (regex);
  if (!g_regex_match (regex, po, 0, &match))
    return NULL;
  msgstr = g_match_info_fetch (match, 1);
  if (msgstr == NULL || msgstr[0] == '\0')
    {
      g_free (msgstr);
      return NULL;
    }
  return msgstr;
}

static void
test_state_chinese (void)
{
  g_autofree char *translation = find_translation ();

  if (translation == NULL)
    {
      g_test_skip ("po/zh_CN.po does not translate the concern states yet");
      return;
    }

  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIAISON_DESK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      g_assert_cmpstr (ld_concern_state_to_string (LD_CONCERN_REFERRED), ==, translation);
      g_assert_cmpstr (ld_concern_state_to_string (LD_CONCERN_REFERRED), !=, "Referred");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* English, the source language, whatever the machine's locale. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/concern/validation", test_validation);
  g_test_add_func ("/concern/validation-empty", test_validation_empty);
  g_test_add_func ("/concern/defaults", test_defaults);
  g_test_add_func ("/concern/notify", test_notify);
  g_test_add_func ("/concern/copy-equal", test_copy_equal);
  g_test_add_func ("/concern/reference", test_reference);
  g_test_add_func ("/concern/resident-display", test_resident_display);
  g_test_add_func ("/concern/overdue", test_overdue);
  g_test_add_func ("/concern/place-kinds-urgency", test_place_kinds_urgency);
  g_test_add_func ("/concern/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/concern/draft/empty", test_draft_empty);
  g_test_add_func ("/concern/draft/wrong-types", test_draft_wrong_types);
  g_test_add_func ("/concern/draft/garbage", test_draft_garbage);
  g_test_add_func ("/concern/mask", test_mask);
  g_test_add_func ("/concern/state-chinese", test_state_chinese);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-test-suggestion"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ld-suggestion.h"
#include "ld-workflow.h"

/* The suggestion record as the form edits it: what the validation refuses and why, the copy the
 * form works on, and the notifications the views rely on. No database here. */

#define TODAY "2026-03-15"

/* ------------------------------------------------------------------ helpers */

static LdSuggestion *
new_valid_suggestion (void)
{
  LdSuggestion *suggestion = ld_suggestion_new ();
  const gint64 co_signers[] = { 2, 3 };

  ld_suggestion_set_title (suggestion, "关于缓解东湖小学周边交通拥堵的建议");
  ld_suggestion_set_content (suggestion, "东湖小学周边道路狭窄，\n\t早晚高峰接送车辆集中。");
  ld_suggestion_set_lead_deputy_id (suggestion, 1);
  ld_suggestion_set_co_signer_ids (suggestion, co_signers, G_N_ELEMENTS (co_signers));
  ld_suggestion_set_submitted_date (suggestion, "2026-03-01");
  return suggestion;
}

static GHashTable *
validate (LdSuggestion *suggestion)
{
  return ld_suggestion_validate (suggestion, TODAY);
}

static void
assert_only_error (LdSuggestion *suggestion,
                   const char   *field)
{
  g_autoptr(GHashTable) errors = validate (suggestion);

  if (g_hash_table_size (errors) != 1 || !g_hash_table_contains (errors, field))
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_test_message ("%s: %s", (const char *) key, (const char *) value);
      g_test_fail_printf ("expected one error, on %s", field);
      return;
    }
  g_assert_nonnull (g_hash_table_lookup (errors, field));
  g_assert_cmpstr (g_hash_table_lookup (errors, field), !=, "");
}

static void
assert_valid (LdSuggestion *suggestion)
{
  g_autoptr(GHashTable) errors = validate (suggestion);

  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
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

static void
test_validation (void)
{
  g_autoptr(LdSuggestion) suggestion = new_valid_suggestion ();
  g_autofree char *long_title = NULL;
  g_autofree char *long_content = NULL;
  g_autofree char *long_number = NULL;
  g_autofree char *long_notes = NULL;
  const gint64 lead_twice[] = { 2, 1 };
  const gint64 twice[] = { 2, 3, 2 };
  const gint64 units[] = { 5, 6 };
  const gint64 concerns[] = { 7, 8, 7 };
  GString *text;

  assert_valid (suggestion);

  /* The title: required, on one line, at most 200 characters. */
  ld_suggestion_set_title (suggestion, " \u3000 ");
  assert_only_error (suggestion, "title");
  ld_suggestion_set_title (suggestion, "关于交通\n拥堵的建议");
  assert_only_error (suggestion, "title");
  text = g_string_new (NULL);
  for (guint i = 0; i < 201; i++)
    g_string_append (text, "建");
  long_title = g_string_free (text, FALSE);
  ld_suggestion_set_title (suggestion, long_title);
  assert_only_error (suggestion, "title");
  long_title[strlen (long_title) - strlen ("建")] = '\0';
  ld_suggestion_set_title (suggestion, long_title);
  assert_valid (suggestion);

  /* The content keeps line breaks and tabs, but not control characters or bad UTF-8, and
   * stops at 20,000 characters. */
  ld_suggestion_set_content (suggestion, "第一条\x07");
  assert_only_error (suggestion, "content");
  ld_suggestion_set_content (suggestion, "\xe5\xbb");
  assert_only_error (suggestion, "content");
  long_content = g_strnfill (20001, 'a');
  ld_suggestion_set_content (suggestion, long_content);
  assert_only_error (suggestion, "content");
  long_content[20000] = '\0';
  ld_suggestion_set_content (suggestion, long_content);
  assert_valid (suggestion);

  /* Number and supervisor: one line, 50 characters; notes 5,000 with line breaks. */
  long_number = g_strnfill (51, '9');
  ld_suggestion_set_number (suggestion, long_number);
  assert_only_error (suggestion, "number");
  ld_suggestion_set_number (suggestion, "第0123\t号");
  assert_only_error (suggestion, "number");
  ld_suggestion_set_number (suggestion, "第0123号");
  assert_valid (suggestion);
  long_notes = g_strnfill (5001, 'n');
  ld_suggestion_set_notes (suggestion, long_notes);
  assert_only_error (suggestion, "notes");
  ld_suggestion_set_notes (suggestion, "区人大常委会督办\n第二季度回访");
  assert_valid (suggestion);

  /* A lead deputy, who is not also a co-signer; no co-signer twice. */
  ld_suggestion_set_lead_deputy_id (suggestion, 0);
  assert_only_error (suggestion, "lead-deputy-id");
  ld_suggestion_set_lead_deputy_id (suggestion, 1);
  ld_suggestion_set_co_signer_ids (suggestion, lead_twice, G_N_ELEMENTS (lead_twice));
  assert_only_error (suggestion, "co-signer-ids");
  ld_suggestion_set_co_signer_ids (suggestion, twice, G_N_ELEMENTS (twice));
  assert_only_error (suggestion, "co-signer-ids");
  ld_suggestion_set_co_signer_ids (suggestion, NULL, 0);
  assert_valid (suggestion);

  /* The lead unit is not also a co-unit; no unit or concern twice. */
  ld_suggestion_set_lead_unit_id (suggestion, 5);
  ld_suggestion_set_co_unit_ids (suggestion, units, G_N_ELEMENTS (units));
  assert_only_error (suggestion, "co-unit-ids");
  ld_suggestion_set_lead_unit_id (suggestion, 4);
  assert_valid (suggestion);
  ld_suggestion_set_concern_ids (suggestion, concerns, G_N_ELEMENTS (concerns));
  assert_only_error (suggestion, "concern-ids");
  ld_suggestion_set_concern_ids (suggestion, concerns, 2);
  assert_valid (suggestion);

  /* A real submitted date, not after today; none at all is a draft. */
  ld_suggestion_set_submitted_date (suggestion, "2026-02-30");
  assert_only_error (suggestion, "submitted-date");
  ld_suggestion_set_submitted_date (suggestion, "2026-3-1");
  assert_only_error (suggestion, "submitted-date");
  ld_suggestion_set_submitted_date (suggestion, "2026-03-16");
  assert_only_error (suggestion, "submitted-date");
  ld_suggestion_set_submitted_date (suggestion, TODAY);
  assert_valid (suggestion);
  ld_suggestion_set_submitted_date (suggestion, NULL);
  assert_valid (suggestion);

  /* A supervisor only with key supervision. */
  ld_suggestion_set_supervisor (suggestion, "王主任");
  assert_only_error (suggestion, "supervisor");
  ld_suggestion_set_key_supervision (suggestion, TRUE);
  assert_valid (suggestion);
}

static void
test_validation_empty (void)
{
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();
  g_autoptr(GHashTable) errors = validate (suggestion);

  /* A new form says what is missing, nothing more. */
  g_assert_cmpuint (g_hash_table_size (errors), ==, 2);
  g_assert_true (g_hash_table_contains (errors, "title"));
  g_assert_true (g_hash_table_contains (errors, "lead-deputy-id"));
}

/* ------------------------------------------------------------------ the record */

static void
test_defaults (void)
{
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();

  g_assert_cmpint (ld_suggestion_get_state (suggestion), ==, LD_SUGGESTION_DRAFT);
  g_assert_cmpstr (ld_suggestion_get_title (suggestion), ==, "");
  g_assert_cmpstr (ld_suggestion_get_content (suggestion), ==, "");
  g_assert_null (ld_suggestion_get_number (suggestion));
  g_assert_cmpstr (ld_suggestion_get_number_display (suggestion), ==, "—");
  g_assert_cmpuint (ld_suggestion_get_co_signer_ids (suggestion)->len, ==, 0);
  g_assert_cmpuint (ld_suggestion_get_concern_ids (suggestion)->len, ==, 0);
  g_assert_false (ld_suggestion_get_key_supervision (suggestion));
  g_assert_false (ld_suggestion_get_rolling (suggestion));

  /* Empty text is no text for the nullable fields. */
  ld_suggestion_set_number (suggestion, "");
  g_assert_null (ld_suggestion_get_number (suggestion));
  ld_suggestion_set_number (suggestion, "第0007号");
  g_assert_cmpstr (ld_suggestion_get_number_display (suggestion), ==, "第0007号");
  ld_suggestion_set_title (suggestion, NULL);
  g_assert_cmpstr (ld_suggestion_get_title (suggestion), ==, "");
}

static void
test_notify (void)
{
  g_autoptr(LdSuggestion) suggestion = ld_suggestion_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 ids[] = { 4, 2 };
  int state = -1;
  guint count = 0;

  g_signal_connect (suggestion, "notify", G_CALLBACK (count_notify_cb), names);

  /* Setting what is already there says nothing. */
  ld_suggestion_set_title (suggestion, "");
  ld_suggestion_set_title (suggestion, NULL);
  ld_suggestion_set_number (suggestion, NULL);
  ld_suggestion_set_number (suggestion, "");
  ld_suggestion_set_lead_deputy_id (suggestion, 0);
  ld_suggestion_set_key_supervision (suggestion, FALSE);
  ld_suggestion_set_state (suggestion, LD_SUGGESTION_DRAFT);
  ld_suggestion_set_rehandling_count (suggestion, 0);
  ld_suggestion_set_co_signer_ids (suggestion, NULL, 0);
  ld_suggestion_set_concern_ids (suggestion, NULL, 0);
  g_object_set (suggestion, "title", "", "category-id", (gint64) 0, NULL);
  g_assert_cmpuint (names->len, ==, 0);

  ld_suggestion_set_title (suggestion, "关于增设停车位的建议");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "title");
  ld_suggestion_set_title (suggestion, "关于增设停车位的建议");
  g_assert_cmpuint (names->len, ==, 1);

  /* The number's display follows the number. */
  g_ptr_array_set_size (names, 0);
  ld_suggestion_set_number (suggestion, "第0123号");
  g_assert_true (names_contain (names, "number"));
  g_assert_true (names_contain (names, "number-display"));

  g_ptr_array_set_size (names, 0);
  ld_suggestion_set_key_supervision (suggestion, TRUE);
  ld_suggestion_set_key_supervision (suggestion, 7);  /* any true value is TRUE */
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "key-supervision");

  g_ptr_array_set_size (names, 0);
  ld_suggestion_set_co_signer_ids (suggestion, ids, 2);
  ld_suggestion_set_co_signer_ids (suggestion, ids, 2);
  ld_suggestion_set_co_unit_ids (suggestion, ids, 1);
  ld_suggestion_set_concern_ids (suggestion, ids, 2);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_true (names_contain (names, "co-signer-ids"));
  g_assert_true (names_contain (names, "co-unit-ids"));
  g_assert_true (names_contain (names, "concern-ids"));

  g_ptr_array_set_size (names, 0);
  g_object_set (suggestion, "state", LD_SUGGESTION_ASSIGNED, NULL);
  g_object_set (suggestion, "state", LD_SUGGESTION_ASSIGNED, NULL);
  g_assert_cmpuint (names->len, ==, 1);
  g_object_get (suggestion, "state", &state, NULL);
  g_assert_cmpint (state, ==, LD_SUGGESTION_ASSIGNED);

  g_ptr_array_set_size (names, 0);
  ld_suggestion_set_due_date (suggestion, "2026-06-15");
  ld_suggestion_set_due_date (suggestion, "2026-06-15");
  g_object_set (suggestion, "rehandling-count", 1u, NULL);
  g_object_set (suggestion, "rehandling-count", 1u, NULL);
  ld_suggestion_set_answer_class_name (suggestion, "A");
  ld_suggestion_set_rolling (suggestion, TRUE);
  g_assert_cmpuint (names->len, ==, 4);
  g_object_get (suggestion, "rehandling-count", &count, NULL);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_copy_equal (void)
{
  g_autoptr(LdSuggestion) suggestion = new_valid_suggestion ();
  g_autoptr(LdSuggestion) copy = NULL;
  const gint64 concerns[] = { 9, 3, 5 };
  const gint64 other_concerns[] = { 9, 5, 3 };
  const gint64 units[] = { 6 };

  ld_suggestion_set_id (suggestion, 12);
  ld_suggestion_set_uuid (suggestion, "0f3b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
  ld_suggestion_set_number (suggestion, "第0012号");
  ld_suggestion_set_concern_ids (suggestion, concerns, 3);
  ld_suggestion_set_lead_unit_id (suggestion, 4);
  ld_suggestion_set_co_unit_ids (suggestion, units, 1);
  ld_suggestion_set_state (suggestion, LD_SUGGESTION_ASSIGNED);
  ld_suggestion_set_due_date (suggestion, "2026-06-01");
  ld_suggestion_set_lead_deputy_name (suggestion, "李建国");

  copy = ld_suggestion_copy (suggestion);
  g_assert_true (copy != suggestion);
  g_assert_true (ld_suggestion_equal (suggestion, copy));
  g_assert_cmpint (ld_suggestion_get_id (copy), ==, 12);
  g_assert_cmpstr (ld_suggestion_get_uuid (copy), ==, ld_suggestion_get_uuid (suggestion));
  g_assert_cmpint (ld_suggestion_get_state (copy), ==, LD_SUGGESTION_ASSIGNED);
  g_assert_cmpstr (ld_suggestion_get_due_date (copy), ==, "2026-06-01");
  g_assert_cmpstr (ld_suggestion_get_lead_deputy_name (copy), ==, "李建国");
  g_assert_cmpuint (ld_suggestion_get_concern_ids (copy)->len, ==, 3);
  g_assert_true (ld_suggestion_get_concern_ids (copy) != ld_suggestion_get_concern_ids (suggestion));
  g_assert_cmpuint (ld_suggestion_get_co_signer_ids (copy)->len, ==, 2);

  /* The workflow's fields are not the form's. */
  ld_suggestion_set_state (copy, LD_SUGGESTION_ANSWERED);
  ld_suggestion_set_answer_date (copy, "2026-05-20");
  ld_suggestion_set_id (copy, 13);
  g_assert_true (ld_suggestion_equal (suggestion, copy));

  ld_suggestion_set_concern_ids (copy, other_concerns, 3);
  g_assert_false (ld_suggestion_equal (suggestion, copy));
  ld_suggestion_set_concern_ids (copy, concerns, 3);
  g_assert_true (ld_suggestion_equal (suggestion, copy));

  ld_suggestion_set_content (copy, "另起一段。");
  g_assert_false (ld_suggestion_equal (suggestion, copy));
  ld_suggestion_set_content (copy, ld_suggestion_get_content (suggestion));
  ld_suggestion_set_key_supervision (copy, TRUE);
  g_assert_false (ld_suggestion_equal (suggestion, copy));
  ld_suggestion_set_key_supervision (copy, FALSE);
  ld_suggestion_set_number (copy, NULL);
  g_assert_false (ld_suggestion_equal (suggestion, copy));
  ld_suggestion_set_number (copy, "第0012号");
  ld_suggestion_set_co_unit_ids (copy, NULL, 0);
  g_assert_false (ld_suggestion_equal (suggestion, copy));
  ld_suggestion_set_co_unit_ids (copy, units, 1);
  ld_suggestion_set_submitted_date (copy, "2026-03-02");
  g_assert_false (ld_suggestion_equal (suggestion, copy));
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggestion/validation", test_validation);
  g_test_add_func ("/suggestion/validation-empty", test_validation_empty);
  g_test_add_func ("/suggestion/defaults", test_defaults);
  g_test_add_func ("/suggestion/notify", test_notify);
  g_test_add_func ("/suggestion/copy-equal", test_copy_equal);

  return g_test_run ();
}

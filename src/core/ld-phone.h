/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors that a form shows next to a field, in plain words. */
#define LD_VALIDATION_ERROR (ld_validation_error_quark ())

typedef enum
{
  LD_VALIDATION_ERROR_REQUIRED,
  LD_VALIDATION_ERROR_TOO_LONG,
  LD_VALIDATION_ERROR_INVALID,
} LdValidationError;

GQuark  ld_validation_error_quark (void);

/*
 * Mainland mobiles (11 digits starting with 1) and landlines with an area code (0 + 2–3 digits,
 * then 7–8 digits, e.g. 027-85551234). Spaces, dashes, dots and brackets are tidied away; a
 * leading +86 / 86 on a mobile is dropped. Returns the normalised number ("13800001111",
 * "027-85551234", "010-12345678"), "" for empty input, or %NULL with @error set.
 */
char   *ld_phone_normalize        (const char  *input,
                                   GError     **error);

/*
 * The rule every text field shares: valid UTF-8, at most @max_chars characters (characters, not
 * bytes), no control characters (@multiline allows line breaks and tabs). Returns the message to
 * show next to the field, or %NULL when @text is fine. Whether a field may be empty is the
 * caller's rule.
 */
char   *ld_validation_check_text  (const char  *text,
                                   guint        max_chars,
                                   gboolean     multiline);
/* @text without leading and trailing white space, including the ideographic space (U+3000)
 * of Chinese input methods; "" for NULL. */
char   *ld_validation_strip_text  (const char  *text);

/*
 * The records' validation tables: field (a static property name) → message. The checks below add
 * the message of a field that breaks its rule and leave the table alone otherwise.
 */
GHashTable *ld_validation_errors_new      (void);
/* ld_validation_check_text() on @text. */
void        ld_validation_check_field     (GHashTable  *errors,
                                           const char  *field,
                                           const char  *text,
                                           guint        max_chars,
                                           gboolean     multiline);
/* A field that must not be empty: @required_message when nothing is left of @text once
 * stripped, otherwise ld_validation_check_text() on the stripped text. */
void        ld_validation_check_required  (GHashTable  *errors,
                                           const char  *field,
                                           const char  *text,
                                           guint        max_chars,
                                           const char  *required_message);
/* An optional phone number: the message of ld_phone_normalize() when it is not one. */
void        ld_validation_check_phone     (GHashTable  *errors,
                                           const char  *field,
                                           const char  *phone);

/* FALSE with @error (LD_VALIDATION_ERROR_INVALID) set to the first message of @errors in the
 * order of @fields (any message when none of them has one); TRUE when @errors is empty. */
gboolean    ld_validation_first_error     (GHashTable          *errors,
                                           const char * const  *fields,
                                           GError             **error);

G_END_DECLS

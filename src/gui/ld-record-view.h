/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-concern-store.h"
#include "ld-context.h"

G_BEGIN_DECLS

/*
 * The pieces the window of one record (a concern, a suggestion) is built from, whatever the
 * record: its "name: value" fields, its timeline, a button per step the workflow allows, and
 * the small dialog each step opens, with its labelled fields and its error line.
 */

/* Turns a timeline row into the words its title shows. */
typedef char *(*LdTimelineDescribeFunc) (const LdTimelineEntry *entry);

/* Today, local "YYYY-MM-DD", by the context's clock. */
char       *ld_record_view_dup_today           (LdContext               *context);
/* (nullable): local "YYYY-MM-DD HH:MM" of a UTC ISO 8601 time, NULL for none; text that is no
 * time comes back as it is. */
char       *ld_record_view_format_local_time   (const char              *utc);
/* Whether @text (nullable) is a real date written "YYYY-MM-DD". */
gboolean    ld_record_view_is_valid_date       (const char              *text);
/* Removes every child of a GtkListBox, GtkGrid or GtkBox. */
void        ld_record_view_clear               (GtkWidget               *container);

/* Appends a "name: value" row to @grid at *@row and moves *@row on; an empty value shows as a
 * dash. @valign places the name: GTK_ALIGN_START at the top of a wrapped value, or
 * GTK_ALIGN_BASELINE for name and value on one baseline (a Chinese value drawn with a taller
 * fallback font stays level with its name). Returns the value's label. */
GtkLabel   *ld_record_view_add_field           (GtkGrid                 *grid,
                                                int                     *row,
                                                const char              *name,
                                                const char              *value,
                                                GtkAlign                 valign);
/* Fills @list with the @entries of a timeline (LdTimelineEntry, oldest first), titled by
 * @describe; when @entries is NULL, says in one row that @error kept it from being read. */
void        ld_record_view_show_timeline       (GtkListBox              *list,
                                                GPtrArray               *entries,
                                                const GError            *error,
                                                LdTimelineDescribeFunc   describe);
/* Shows @error (or, when NULL, @missing: the record no longer exists) on @page, the "error"
 * child of @stack. */
void        ld_record_view_show_error          (GtkStack                *stack,
                                                AdwStatusPage           *page,
                                                const GError            *error,
                                                const char              *missing);

/* Appends a button for workflow step @action (an enum value) to @box; @clicked is connected
 * swapped to @object, and reads the step back with ld_record_view_get_button_action(). */
GtkWidget  *ld_record_view_add_action_button   (GtkBox                  *box,
                                                const char              *label,
                                                int                      action,
                                                gboolean                 suggested,
                                                GCallback                clicked,
                                                gpointer                 object);
int         ld_record_view_get_button_action   (GtkButton               *button);

/* A step's dialog: a modal window over @parent titled @title, Cancel and a button named after
 * @opening_label (see ld_form_dup_commit_label()) whose ::clicked calls @commit with @data;
 * *@box gets the column the fields go in. Shown by ld_record_view_present_dialog(). */
GtkWindow  *ld_record_view_new_dialog          (GtkWindow               *parent,
                                                const char              *title,
                                                const char              *opening_label,
                                                int                      width,
                                                GCallback                commit,
                                                gpointer                 data,
                                                GtkBox                 **box);
/* The hidden line under the fields where a refused step says why. */
GtkLabel   *ld_record_view_add_dialog_error    (GtkBox                  *box);
/* Shows the error line with @message, or hides it for NULL. */
void        ld_record_view_set_dialog_error    (GtkLabel                *error_label,
                                                const char              *message);
void        ld_record_view_present_dialog      (GtkWindow               *dialog,
                                                GtkBox                  *box,
                                                GtkWidget               *focus);

/* A field's heading, its mnemonic for @mnemonic_widget (nullable). */
GtkWidget  *ld_record_view_add_dialog_label    (GtkBox                  *box,
                                                const char              *text,
                                                GtkWidget               *mnemonic_widget);
GtkTextView *ld_record_view_add_text_field     (GtkBox                  *box,
                                                const char              *title);
/* A "YYYY-MM-DD" entry holding @value (nullable). */
GtkEntry   *ld_record_view_add_date_field      (GtkBox                  *box,
                                                const char              *title,
                                                const char              *value);
GtkDropDown *ld_record_view_add_dropdown       (GtkBox                  *box,
                                                const char              *title,
                                                GtkStringList           *names);
/* A line that says what the step will mean, e.g. the due date it sets. */
GtkLabel   *ld_record_view_add_hint            (GtkBox                  *box);
/* (nullable): the text of @view (nullable), stripped. */
char       *ld_record_view_dup_text            (GtkTextView             *view);

/* After a step, offers the one that usually follows (a dissatisfied resident: reopen): a
 * message dialog over @parent whose @response button, labelled @label, is the default; its
 * ::response goes to @response_cb swapped to @object. */
void        ld_record_view_offer_step          (GtkWindow               *parent,
                                                const char              *heading,
                                                const char              *body,
                                                const char              *response,
                                                const char              *label,
                                                GCallback                response_cb,
                                                gpointer                 object);

G_END_DECLS

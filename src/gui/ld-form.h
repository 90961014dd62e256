/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LD_TYPE_FORM (ld_form_get_type ())

G_DECLARE_FINAL_TYPE (LdForm, ld_form, LD, FORM, GObject)

/* A text field: the record's property, the row it is typed in, the label for its message. */
typedef struct
{
  const char  *field;
  GtkEditable *row;
  GtkLabel    *message;
} LdFormEntry;

LdForm     *ld_form_new            (void);
void        ld_form_add_field      (LdForm             *self,
                                    const char         *field,
                                    GtkWidget          *row,
                                    GtkLabel           *message);
void        ld_form_add_entries    (LdForm             *self,
                                    const LdFormEntry  *entries,
                                    guint               n_entries);
void        ld_form_set_catch_all  (LdForm             *self,
                                    const char         *field);
void        ld_form_set_show_all   (LdForm             *self,
                                    gboolean            show_all);
void        ld_form_touch          (LdForm             *self,
                                    const char         *field);
void        ld_form_touch_all      (LdForm             *self);
void        ld_form_clear_touched  (LdForm             *self);
void        ld_form_show_errors    (LdForm             *self,
                                    GHashTable         *errors);
gboolean    ld_form_get_valid      (LdForm             *self);

AdwMessageDialog *ld_form_new_discard_dialog (GtkWindow  *editor,
                                              const char *heading,
                                              const char *body,
                                              const char *keep_response,
                                              const char *keep_label,
                                              const char *discard_label);

/* The label of the button that takes a step, from the label of the button that opened its
 * dialog: "Refer…" opens the dialog, "Refer" inside it does the step (without the "…" that
 * promises more to come, whatever the language). */
char       *ld_form_dup_commit_label (const char *opening_label);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"
#include "ld-store.h"
#include "ld-window.h"

G_BEGIN_DECLS

/* What the UI tests share: a fresh database directory, settings at their defaults and a context
 * per test, and ways to wait for the main loop and find widgets the way a user would. */

typedef struct
{
  char       *dir;
  char       *db_path;
  GSettings  *settings;
  LdContext  *context;
  LdWindow   *window;     /* NULL until a test presents one */
} LdTestFixture;

typedef gboolean (*LdTestCondition)       (gpointer   data);
typedef gboolean (*LdTestWidgetPredicate) (GtkWidget *widget,
                                           gpointer   data);

void        ld_test_init_ui                 (int                    *argc,
                                             char                 ***argv);
guint       ld_test_get_n_problems          (void);
void        ld_test_reset_problems          (void);

void        ld_test_fixture_set_up          (LdTestFixture          *fixture,
                                             gconstpointer           data);
void        ld_test_fixture_tear_down       (LdTestFixture          *fixture,
                                             gconstpointer           data);
LdStore    *ld_test_get_store               (LdTestFixture          *fixture);
void        ld_test_save_station            (LdStore                *store,
                                             const char             *name,
                                             const char             *reporting_unit);
void        ld_test_present                 (GtkWindow              *window);
void        ld_test_present_window          (LdTestFixture          *fixture,
                                             const char             *db_path,
                                             GError                 *open_error);

void        ld_test_iterate_until           (LdTestCondition         done,
                                             gpointer                data);
void        ld_test_iterate_idle            (void);
void        ld_test_iterate_for             (guint                   ms);
gboolean    ld_test_widget_is_mapped        (gpointer                widget);
gboolean    ld_test_sidebar_is_mapped       (gpointer                root);

GtkWidget  *ld_test_find_widget             (GtkWidget              *root,
                                             LdTestWidgetPredicate   predicate,
                                             gpointer                data);
GtkWidget  *ld_test_find_widget_of_type     (GtkWidget              *root,
                                             GType                   type);
GtkWidget  *ld_test_find_button_for_action  (GtkWidget              *root,
                                             const char             *action_name);
GtkWidget  *ld_test_find_entry_row          (GtkWidget              *root,
                                             const char             *title);
GtkWidget  *ld_test_find_mapped_status_page (GtkWidget              *root);
GtkWidget  *ld_test_find_sidebar            (GtkWidget              *root);
GtkWindow  *ld_test_find_toplevel           (GType                   type);
GtkWindow  *ld_test_wait_for_toplevel       (GType                   type);
void        ld_test_wait_for_no_toplevel    (GType                   type);
gboolean    ld_test_has_binding             (GtkWidget              *widget,
                                             const char             *accelerator,
                                             const char             *action);

G_END_DECLS

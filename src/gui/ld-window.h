/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-application.h"
#include "ld-context.h"

G_BEGIN_DECLS

#define LD_TYPE_WINDOW (ld_window_get_type ())

G_DECLARE_FINAL_TYPE (LdWindow, ld_window, LD, WINDOW, AdwApplicationWindow)

LdWindow   *ld_window_new                (LdApplication *application,
                                          LdContext     *context,
                                          const char    *database_path,
                                          const GError  *open_error);
LdContext  *ld_window_get_context        (LdWindow      *self);
const char *ld_window_get_database_path  (LdWindow      *self);
void        ld_window_set_database_error (LdWindow      *self,
                                          const char    *database_path,
                                          const GError  *error);
const char *ld_window_get_page           (LdWindow      *self);
void        ld_window_set_page           (LdWindow      *self,
                                          const char    *page);
void        ld_window_add_toast          (LdWindow      *self,
                                          AdwToast      *toast);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

char     *ld_backups_format_date       (const char           *backup_path);
AdwToast *ld_backups_new_restored_toast (const char           *kept_aside);
void      ld_backups_confirm_async     (GtkWindow            *parent,
                                        const char           *backup_path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  ld_backups_confirm_finish    (GAsyncResult         *result,
                                        GError              **error);
void      ld_backups_restore_async     (LdContext            *context,
                                        const char           *db_path,
                                        const char           *backup_path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  ld_backups_restore_finish    (GAsyncResult         *result,
                                        char                **kept_aside,
                                        GError              **error);

G_END_DECLS

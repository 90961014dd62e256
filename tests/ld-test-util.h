/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ld_test_make_tmpdir   (void);
void  ld_test_remove_tree   (const char *path);
char *ld_test_src_path      (const char *relative);

G_END_DECLS

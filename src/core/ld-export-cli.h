/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * `liaison-desk --export FILE.xlsx --from YYYY-MM-DD --to YYYY-MM-DD [--station NAME]
 * [--unmasked] [--database FILE]`: the district workbook from the command line, without a
 * display (no GTK is touched). The option entries below go with the application's own; @options
 * is what GApplication parsed. Errors go to stderr in plain words.
 *
 * Returns: the exit status: 0 only when the workbook was written and recorded
 */
extern const GOptionEntry ld_export_cli_option_entries[];

int          ld_export_cli_run   (GVariantDict  *options);

G_END_DECLS

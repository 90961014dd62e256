/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ld-caseload.h"

G_BEGIN_DECLS

/*
 * A deputy's duty record as a one-sheet workbook, in the UI language: the sheet and its headers
 * are translated, every cell is a string (never a formula). The file appears whole or not at
 * all: it is written next to @path under a temporary name, synced and renamed over @path, so
 * that a failure leaves no file and an earlier one untouched.
 */
gboolean     ld_caseload_xlsx_write  (LdDutyRecord  *record,
                                      const char    *path,
                                      GError       **error);

G_END_DECLS

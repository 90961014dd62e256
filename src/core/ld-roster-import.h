/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ld-csv.h"
#include "ld-store.h"

G_BEGIN_DECLS

/*
 * Importing a roster of deputies or handling units from a CSV file: read and decode it, map the
 * columns by their headers (Chinese or English: 姓名/Name, 性别/Gender, 层级/代表层级/Level,
 * 选区/Constituency, 专业小组/Group, 职业/Occupation, 工作单位/Workplace, 电话/手机/Phone,
 * 备注/Notes; 单位名称/Name, 类型/Kind, 联系人/Contact, 电话/Phone), check every row, and
 * import nothing or only the valid rows in one transaction.
 */

typedef enum
{
  LD_IMPORT_DEPUTIES,
  LD_IMPORT_UNITS,
} LdImportKind;

#define LD_TYPE_ROSTER_IMPORT (ld_roster_import_get_type ())

G_DECLARE_FINAL_TYPE (LdRosterImport, ld_roster_import, LD, ROSTER_IMPORT, GObject)

/* Reads, decodes, parses and checks @file against the store (duplicates of existing deputies
 * and duplicates within the file). Fails only when the file as a whole cannot be used (no
 * name column, unreadable, bad encoding, malformed quoting). */
LdRosterImport *ld_roster_import_new_from_file (LdStore        *store,
                                                LdImportKind    kind,
                                                GFile          *file,
                                                GError        **error);
LdRosterImport *ld_roster_import_new_from_data (LdStore        *store,
                                                LdImportKind    kind,
                                                const char     *data,
                                                gsize           length,
                                                GError        **error);

LdImportKind    ld_roster_import_get_kind      (LdRosterImport *self);
LdCsvEncoding   ld_roster_import_get_encoding  (LdRosterImport *self);
/* The headers recognised, as "column header → field" for the preview, e.g. "姓名" → "name". */
GHashTable     *ld_roster_import_get_mapping   (LdRosterImport *self);
/* Headers that map to nothing (shown, then ignored). */
GStrv           ld_roster_import_get_ignored   (LdRosterImport *self);

guint           ld_roster_import_get_n_rows    (LdRosterImport *self);
guint           ld_roster_import_get_n_valid   (LdRosterImport *self);
/* Row @i (0-based, without the header): an LdDeputy or LdUnit with the values read. */
GObject        *ld_roster_import_get_record    (LdRosterImport *self,
                                                guint           i);
/* The line in the file where row @i starts (1-based, the header is line 1). */
guint           ld_roster_import_get_line      (LdRosterImport *self,
                                                guint           i);
/* Problems of row @i in plain words ("The phone number … is not valid", "Unknown level “…”",
 * "Already in the roster", "Name is missing"); NULL when the row is valid. */
const char * const *ld_roster_import_get_errors (LdRosterImport *self,
                                                 guint           i);

/* Imports in one transaction, through the store: everything when every row is valid, or with
 * @only_valid the valid rows. Without @only_valid and with an invalid row, imports nothing and
 * fails. Deputies get @station_id as their home station; units are shared by every station.
 * When a row is refused at the last moment (added meanwhile in another window, or refused by
 * the database), nothing is imported and the error names its line in the file. Returns the
 * number imported. */
gboolean        ld_roster_import_run           (LdRosterImport *self,
                                                gint64          station_id,
                                                gboolean        only_valid,
                                                guint          *n_imported,
                                                GError        **error);
/* The same with the write in a worker thread, so that a district's roster does not freeze the
 * window. ::changed of the store is still emitted on the thread that created it, before
 * @callback runs. Cancelling stops it only before the transaction begins. */
void            ld_roster_import_run_async     (LdRosterImport      *self,
                                                gint64               station_id,
                                                gboolean             only_valid,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        ld_roster_import_run_finish    (LdRosterImport      *self,
                                                GAsyncResult        *result,
                                                guint               *n_imported,
                                                GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ld-context.h"

G_BEGIN_DECLS

/* The spans a report covers; a span with a year and an index (month 1–12, quarter 1–4, half
 * 1–2, year 1) is one period. */
typedef enum
{
  LD_REPORT_SPAN_MONTH,
  LD_REPORT_SPAN_QUARTER,
  LD_REPORT_SPAN_HALF_YEAR,
  LD_REPORT_SPAN_YEAR,
  LD_REPORT_SPAN_CUSTOM,
} LdReportSpan;

/* The index of the period of @span that holds @month (1–12). */
int          ld_report_span_index_of      (LdReportSpan   span,
                                           int            month);
/* The first and last day ("YYYY-MM-DD") of period @index of @span in @year (not CUSTOM). */
void         ld_report_span_dates         (LdReportSpan   span,
                                           int            year,
                                           int            index,
                                           char         **from,
                                           char         **to);
/* The period in the UI language, "Fourth Quarter 2026"; for CUSTOM, "@from to @to". */
char        *ld_report_span_describe      (LdReportSpan   span,
                                           int            year,
                                           int            index,
                                           const char    *from,
                                           const char    *to);
/* The workbook's default file name in the UI language, with ".xlsx". */
char        *ld_report_span_file_name     (LdReportSpan   span,
                                           int            year,
                                           int            index,
                                           const char    *from,
                                           const char    *to);

#define LD_TYPE_EXPORT_DIALOG (ld_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LdExportDialog, ld_export_dialog, LD, EXPORT_DIALOG, AdwWindow)

/* A modal window over @parent that writes the district workbook of @context's database: the
 * period (this quarter by default, from the context's clock), the station, masked or not, and
 * the file; the export runs in a thread with its progress and Cancel. */
GtkWidget   *ld_export_dialog_new         (GtkWindow      *parent,
                                           LdContext      *context);
/* Chooses period @index of @span in @year, as the period row does. */
void         ld_export_dialog_set_period  (LdExportDialog *self,
                                           LdReportSpan   span,
                                           int            year,
                                           int            index);
/* The file the export writes: the folder and the name shown. */
char        *ld_export_dialog_dup_path    (LdExportDialog *self);
void         ld_export_dialog_set_path    (LdExportDialog *self,
                                           const char     *path);
/* Whether an export is running. */
gboolean     ld_export_dialog_get_busy    (LdExportDialog *self);

G_END_DECLS

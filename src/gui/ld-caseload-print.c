/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-caseload-print"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-caseload.h"
#include "ld-caseload-print.h"

/*
 * As the reception notice (ld-notice-print.c): one walk over the record's blocks that either
 * only measures (to count the pages in ::begin-print) or also draws the blocks of one page (in
 * ::draw-page), so that both agree on where the pages break. Points; A4 with 20 mm margins.
 * The text is ld_duty_record_new()'s, so that a test can read what is printed.
 */

#define MARGIN       (20.0 * 72.0 / 25.4)
/* The serif face prints every glyph whole in cairo's PDF subsets (see ld-notice-print.c). */
#define FONT_FAMILY  "Noto Serif CJK SC, Serif"
#define VALUE_WIDTH  90.0
#define ROW_PAD      3.0

typedef struct
{
  LdDutyRecord    *record;

  /* The walk's state */
  GtkPrintContext *context;
  cairo_t         *cr;       /* NULL while measuring */
  int              page;     /* the page to draw; -1 to measure */
  int              current;  /* the page the walk is on */
  double           y;
  double           width;    /* between the margins */
  double           bottom;
} RecordLayout;

/* ------------------------------------------------------------------ helpers */

static PangoLayout *
create_layout (RecordLayout   *layout,
               const char     *text,
               double          size,
               gboolean        bold,
               double          width,
               PangoAlignment  alignment)
{
  PangoLayout *pango_layout = gtk_print_context_create_pango_layout (layout->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (pango_layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (pango_layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pango_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (pango_layout, alignment);
  pango_layout_set_text (pango_layout, text, -1);

  return pango_layout;
}

static double
layout_height (PangoLayout *pango_layout)
{
  int height;

  pango_layout_get_size (pango_layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static gboolean
is_drawing (RecordLayout *layout)
{
  return layout->cr != NULL && layout->current == layout->page;
}

static void
reserve (RecordLayout *layout,
         double        height)
{
  if (layout->y + height > layout->bottom && layout->y > MARGIN)
    {
      layout->current++;
      layout->y = MARGIN;
    }
}

static void
show_layout (RecordLayout *layout,
             PangoLayout  *pango_layout,
             double        x,
             double        y)
{
  if (!is_drawing (layout))
    return;

  cairo_move_to (layout->cr, x, y);
  pango_cairo_show_layout (layout->cr, pango_layout);
}

static void
draw_rule (RecordLayout *layout,
           double        y,
           double        line_width)
{
  if (!is_drawing (layout))
    return;

  cairo_set_line_width (layout->cr, line_width);
  cairo_move_to (layout->cr, MARGIN, y);
  cairo_line_to (layout->cr, MARGIN + layout->width, y);
  cairo_stroke (layout->cr);
}

static void
add_text (RecordLayout   *layout,
          const char     *text,
          double          size,
          gboolean        bold,
          PangoAlignment  alignment,
          double          space_after)
{
  g_autoptr(PangoLayout) pango_layout = NULL;
  double height;

  if (text == NULL || text[0] == '\0')
    return;

  pango_layout = create_layout (layout, text, size, bold, layout->width, alignment);
  height = layout_height (pango_layout);
  reserve (layout, height);
  show_layout (layout, pango_layout, MARGIN, layout->y);
  layout->y += height + space_after;
}

/* A section: its heading over a rule, then "label ...... value" rows with thin rules between. */
static void
add_section (RecordLayout        *layout,
             LdDutyRecordSection *section)
{
  g_autoptr(PangoLayout) heading = create_layout (layout, section->heading, 13, TRUE,
                                                  layout->width, PANGO_ALIGN_LEFT);
  double height = layout_height (heading);

  /* A heading never ends a page alone. */
  reserve (layout, height + 24);
  show_layout (layout, heading, MARGIN, layout->y);
  layout->y += height + 2;
  draw_rule (layout, layout->y, 0.8);
  layout->y += ROW_PAD;

  for (guint i = 0; i < section->lines->len; i++)
    {
      LdDutyRecordLine *line = g_ptr_array_index (section->lines, i);
      g_autoptr(PangoLayout) label = create_layout (layout, line->label, 11, FALSE,
                                                    layout->width - VALUE_WIDTH,
                                                    PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) value = create_layout (layout, line->value, 11, FALSE,
                                                    VALUE_WIDTH, PANGO_ALIGN_RIGHT);
      double row = MAX (layout_height (label), layout_height (value));

      reserve (layout, row + 2 * ROW_PAD);
      show_layout (layout, label, MARGIN, layout->y);
      show_layout (layout, value, MARGIN + layout->width - VALUE_WIDTH, layout->y);
      layout->y += row + ROW_PAD;
      draw_rule (layout, layout->y, 0.3);
      layout->y += ROW_PAD;
    }
  layout->y += 14;
}

static int
walk_record (RecordLayout *layout)
{
  LdDutyRecord *record = layout->record;

  layout->current = 0;
  layout->y = MARGIN;
  layout->width = gtk_print_context_get_width (layout->context) - 2 * MARGIN;
  layout->bottom = gtk_print_context_get_height (layout->context) - MARGIN;

  if (layout->cr != NULL)
    cairo_set_source_rgb (layout->cr, 0, 0, 0);

  add_text (layout, record->title, 22, TRUE, PANGO_ALIGN_CENTER, 10);
  add_text (layout, record->deputy, 16, TRUE, PANGO_ALIGN_CENTER, 2);
  add_text (layout, record->subtitle, 12, FALSE, PANGO_ALIGN_CENTER, 22);
  for (guint i = 0; i < record->sections->len; i++)
    add_section (layout, g_ptr_array_index (record->sections, i));
  add_text (layout, record->issue_date, 11, FALSE, PANGO_ALIGN_RIGHT, 0);

  return layout->current + 1;
}

/* ------------------------------------------------------------------ callbacks */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RecordLayout      *layout)
{
  layout->context = context;
  layout->cr = NULL;
  layout->page = -1;
  gtk_print_operation_set_n_pages (operation, walk_record (layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              RecordLayout      *layout)
{
  layout->context = context;
  layout->cr = gtk_print_context_get_cairo_context (context);
  layout->page = page_nr;
  walk_record (layout);
  layout->cr = NULL;
}

/* ------------------------------------------------------------------ running */

static gboolean
run_operation (GtkWindow                *parent,
               LdContext                *context,
               gint64                    deputy_id,
               int                       year,
               GtkPrintOperationAction   action,
               const char               *pdf_path,
               GError                  **error)
{
  LdStore *store = ld_context_get_store (context);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(LdDutyRecord) record = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *job_name = NULL;
  RecordLayout layout = { 0 };

  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No database is open."));
      return FALSE;
    }

  now = ld_context_now (context);
  if ((record = ld_duty_record_load (store, deputy_id, year, now, error)) == NULL)
    return FALSE;
  layout.record = record;

  operation = gtk_print_operation_new ();
  page_setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the print job's name: the record's title and the deputy */
  job_name = g_strdup_printf (_("%s – %s"), record->title, record->deputy);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &layout);
  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, pdf_path);

  return gtk_print_operation_run (operation, action, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* ------------------------------------------------------------------ public API */

gboolean
ld_caseload_print (GtkWindow  *parent,
                   LdContext  *context,
                   gint64      deputy_id,
                   int         year,
                   GError    **error)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (LD_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_operation (parent, context, deputy_id, year,
                        GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, error);
}

gboolean
ld_caseload_export_pdf (LdContext   *context,
                        gint64       deputy_id,
                        int          year,
                        const char  *pdf_path,
                        GError     **error)
{
  g_return_val_if_fail (LD_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_operation (NULL, context, deputy_id, year, GTK_PRINT_OPERATION_ACTION_EXPORT,
                        pdf_path, error);
}

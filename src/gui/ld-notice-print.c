/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-notice-print"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-calendar-store.h"
#include "ld-notice.h"
#include "ld-notice-print.h"

/*
 * The notice is laid out by one walk over its blocks that either only measures (to count the
 * pages in ::begin-print) or also draws the blocks of one page (in ::draw-page), so that both
 * agree on where the pages break. Units are points; the page is A4 with 20 mm margins.
 */

#define MARGIN       (20.0 * 72.0 / 25.4)
/* A Song (serif) face, as official notices use; also, cairo 1.16 loses some glyphs of Noto Sans
 * CJK when it embeds a subset in a PDF (如 after a full stop prints blank), and its serif
 * sibling prints whole (tests/check-pdf-glyphs.py). */
#define FONT_FAMILY  "Noto Serif CJK SC, Serif"
#define RULE_WIDTH   0.6
#define CELL_PAD     5.0

typedef struct
{
  LdNotice        *notice;

  /* The walk's state */
  GtkPrintContext *context;
  cairo_t         *cr;       /* NULL while measuring */
  int              page;     /* the page to draw; -1 to measure */
  int              current;  /* the page the walk is on */
  double           y;
  double           width;    /* between the margins */
  double           bottom;
} NoticeLayout;

/* ------------------------------------------------------------------ helpers */

static PangoLayout *
create_layout (NoticeLayout     *layout,
               const char       *text,
               double            size,
               gboolean          bold,
               double            width,
               PangoAlignment    alignment)
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
  pango_layout_set_line_spacing (pango_layout, 1.35);
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

static double
layout_baseline (PangoLayout *pango_layout)
{
  return (double) pango_layout_get_baseline (pango_layout) / PANGO_SCALE;
}

static gboolean
is_drawing (NoticeLayout *layout)
{
  return layout->cr != NULL && layout->current == layout->page;
}

/* Moves to the next page unless @height fits on this one (a block taller than a page starts
 * one of its own and is cut, which a notice never needs). */
static void
reserve (NoticeLayout *layout,
         double        height)
{
  if (layout->y + height > layout->bottom && layout->y > MARGIN)
    {
      layout->current++;
      layout->y = MARGIN;
    }
}

static void
show_layout (NoticeLayout *layout,
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
draw_rule (NoticeLayout *layout,
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
add_text (NoticeLayout   *layout,
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

/* The date, time and place as "label  value" lines, the labels in a column of their own. */
static void
add_details (NoticeLayout *layout)
{
  GPtrArray *details = layout->notice->details;
  double label_width = 0;

  for (guint i = 0; i < details->len; i++)
    {
      LdNoticeItem *item = g_ptr_array_index (details, i);
      g_autoptr(PangoLayout) label = create_layout (layout, item->label, 12, TRUE, -1,
                                                    PANGO_ALIGN_LEFT);
      int width;

      pango_layout_set_width (label, -1);
      pango_layout_get_size (label, &width, NULL);
      label_width = MAX (label_width, (double) width / PANGO_SCALE);
    }
  label_width += 18;

  for (guint i = 0; i < details->len; i++)
    {
      LdNoticeItem *item = g_ptr_array_index (details, i);
      g_autoptr(PangoLayout) label = create_layout (layout, item->label, 12, TRUE, label_width,
                                                    PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) value = create_layout (layout, item->value, 12, FALSE,
                                                    layout->width - label_width,
                                                    PANGO_ALIGN_LEFT);
      /* Latin labels and Chinese values differ in ascent: line them up on the baseline. */
      double baseline = MAX (layout_baseline (label), layout_baseline (value));
      double label_y = baseline - layout_baseline (label);
      double value_y = baseline - layout_baseline (value);
      double height = MAX (label_y + layout_height (label), value_y + layout_height (value));

      reserve (layout, height);
      show_layout (layout, label, MARGIN, layout->y + label_y);
      show_layout (layout, value, MARGIN + label_width, layout->y + value_y);
      layout->y += height + 4;
    }
  layout->y += 14;
}

static void
add_table_row (NoticeLayout  *layout,
               const char   **cells,
               gboolean       header)
{
  /* Name, level, group */
  static const double fractions[] = { 0.28, 0.24, 0.48 };
  PangoLayout *cell_layouts[G_N_ELEMENTS (fractions)];
  double baseline = 0;
  double height = 0;
  double x = MARGIN;

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      cell_layouts[i] = create_layout (layout, cells[i], 12, header,
                                       layout->width * fractions[i] - 2 * CELL_PAD,
                                       PANGO_ALIGN_LEFT);
      baseline = MAX (baseline, layout_baseline (cell_layouts[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    height = MAX (height, baseline - layout_baseline (cell_layouts[i])
                          + layout_height (cell_layouts[i]));
  height += 2 * CELL_PAD;

  reserve (layout, height);
  /* A header row on a new page, or the first one, gets its rule above. */
  if (header)
    draw_rule (layout, layout->y, 1.2);

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      show_layout (layout, cell_layouts[i], x + CELL_PAD,
                   layout->y + CELL_PAD + baseline - layout_baseline (cell_layouts[i]));
      x += layout->width * fractions[i];
      g_object_unref (cell_layouts[i]);
    }

  layout->y += height;
  draw_rule (layout, layout->y, header ? 1.2 : RULE_WIDTH);
}

static void
add_deputies (NoticeLayout *layout)
{
  LdNotice *notice = layout->notice;
  int header_page = -1;

  /* Keep the heading with the header row and at least one deputy. */
  reserve (layout, 100);
  add_text (layout, notice->deputies_heading, 14, TRUE, PANGO_ALIGN_LEFT, 6);

  for (guint i = 0; i < notice->deputies->len; i++)
    {
      LdNoticeDeputy *deputy = g_ptr_array_index (notice->deputies, i);
      const char *cells[] = { deputy->name, deputy->level, deputy->group };

      reserve (layout, 30);
      if (header_page != layout->current)
        {
          add_table_row (layout, (const char **) notice->deputy_columns, TRUE);
          header_page = layout->current;
        }
      add_table_row (layout, cells, FALSE);
    }

  layout->y += 22;
}

/* Walks the whole notice; returns the number of pages. */
static int
walk_notice (NoticeLayout *layout)
{
  LdNotice *notice = layout->notice;

  layout->current = 0;
  layout->y = MARGIN;
  layout->width = gtk_print_context_get_width (layout->context) - 2 * MARGIN;
  layout->bottom = gtk_print_context_get_height (layout->context) - MARGIN;

  if (layout->cr != NULL)
    cairo_set_source_rgb (layout->cr, 0, 0, 0);

  layout->y += 12;
  add_text (layout, notice->title, 28, TRUE, PANGO_ALIGN_CENTER, 6);
  add_text (layout, notice->station, 15, FALSE, PANGO_ALIGN_CENTER, 28);
  add_text (layout, notice->lead, 13, FALSE, PANGO_ALIGN_LEFT, 18);
  add_details (layout);
  add_deputies (layout);
  add_text (layout, notice->bring_heading, 14, TRUE, PANGO_ALIGN_LEFT, 6);
  add_text (layout, notice->bring, 12, FALSE, PANGO_ALIGN_LEFT, 18);
  add_text (layout, notice->contact, 12, FALSE, PANGO_ALIGN_LEFT, 36);

  reserve (layout, 60);
  add_text (layout, notice->signature, 13, FALSE, PANGO_ALIGN_RIGHT, 4);
  add_text (layout, notice->issue_date, 13, FALSE, PANGO_ALIGN_RIGHT, 0);

  return layout->current + 1;
}

/* ------------------------------------------------------------------ callbacks */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                NoticeLayout      *layout)
{
  layout->context = context;
  layout->cr = NULL;
  layout->page = -1;
  gtk_print_operation_set_n_pages (operation, walk_notice (layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              NoticeLayout      *layout)
{
  layout->context = context;
  layout->cr = gtk_print_context_get_cairo_context (context);
  layout->page = page_nr;
  walk_notice (layout);
  layout->cr = NULL;
}

/* ------------------------------------------------------------------ running */

static GtkPrintOperation *
create_operation (LdNotice     *notice,
                  NoticeLayout *layout)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job_name = NULL;

  layout->notice = notice;

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  /* The margins are the notice's own, whatever the printer's defaults. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* Translators: the print job's name: the notice's title and the station */
  job_name = g_strdup_printf (_("%s – %s"), notice->title, notice->station);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), layout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), layout);

  return operation;
}

static gboolean
run_operation (GtkWindow                *parent,
               LdContext                *context,
               gint64                    event_id,
               GtkPrintOperationAction   action,
               const char               *pdf_path,
               GError                  **error)
{
  LdStore *store = ld_context_get_store (context);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(LdNotice) notice = NULL;
  g_autoptr(GDateTime) now = NULL;
  NoticeLayout layout = { 0 };
  GtkPrintOperationResult result;

  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No database is open."));
      return FALSE;
    }

  now = ld_context_now (context);
  if ((notice = ld_notice_load (store, event_id, now, error)) == NULL)
    return FALSE;

  operation = create_operation (notice, &layout);
  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, pdf_path);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return TRUE;

  return ld_calendar_store_set_notice_printed (store, event_id, now, error);
}

/* ------------------------------------------------------------------ public API */

gboolean
ld_notice_print (GtkWindow  *parent,
                 LdContext  *context,
                 gint64      event_id,
                 GError    **error)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (LD_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_operation (parent, context, event_id, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                        NULL, error);
}

gboolean
ld_notice_export_pdf (LdContext   *context,
                      gint64       event_id,
                      const char  *pdf_path,
                      GError     **error)
{
  g_return_val_if_fail (LD_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_operation (NULL, context, event_id, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf_path,
                        error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ld-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ld-export-dialog.h"
#include "ld-record-view.h"
#include "ld-report.h"
#include "ld-reports-page.h"

/*
 * The Reports page: the figures of this month, quarter or year at a glance, as ld-report counts
 * them for the district workbook (so that they are the workbook's own), and the way to export
 * the workbook of any period. The figures are computed again, a moment after the store changes.
 */

#define RELOAD_DELAY_MS  150

struct _LdReportsPage
{
  GtkWidget        parent_instance;

  /* Widgets */
  GtkWidget       *header_bar;
  GtkWidget       *back_button;
  AdwWindowTitle  *window_title;
  GtkToggleButton *span_buttons[3];
  GtkStack        *content_stack;
  GtkBox          *content_box;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *error_page;

  /* Owned */
  LdContext       *context;
  LdStore         *store;
  guint            reload_source;

  LdReportSpan     span;
  gboolean         folded;
  gboolean         updating;
};

static void store_changed_cb (LdReportsPage *self,
                              const char    *kind,
                              gint64         id);

G_DEFINE_FINAL_TYPE (LdReportsPage, ld_reports_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The spans of the switcher, in its order. */
static const LdReportSpan switcher_spans[] = {
  LD_REPORT_SPAN_MONTH,
  LD_REPORT_SPAN_QUARTER,
  LD_REPORT_SPAN_YEAR,
};

/* ------------------------------------------------------------------ helpers */

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_flow (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  return flow;
}

/* A card: the figure, what it counts and, when given, how it is made up. */
static void
add_figure (GtkWidget  *flow,
            const char *name,
            const char *value,
            const char *caption,
            const char *detail)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, 150, -1);
  gtk_widget_set_margin_top (value_label, 12);
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_set_name (value_label, "value");
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (caption_label, 12);
  gtk_widget_set_margin_end (caption_label, 12);
  gtk_widget_add_css_class (caption_label, "caption-heading");
  gtk_box_append (GTK_BOX (card), value_label);
  gtk_box_append (GTK_BOX (card), caption_label);
  if (detail)
    {
      GtkWidget *detail_label = gtk_label_new (detail);

      gtk_widget_set_name (detail_label, "detail");
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (detail_label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_margin_start (detail_label, 12);
      gtk_widget_set_margin_end (detail_label, 12);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_box_append (GTK_BOX (card), detail_label);
    }
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  if (GTK_IS_FLOW_BOX (flow))
    gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
  else
    gtk_box_append (GTK_BOX (flow), card);
}

/* Two cards that stay next to each other however the section's flow wraps. */
static GtkWidget *
add_pair (GtkWidget *flow)
{
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), pair);
  return pair;
}

static void
add_count (GtkWidget  *flow,
           const char *name,
           gint64      value,
           const char *caption)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_figure (flow, name, text, caption, NULL);
}

/* A rate with how it is made up (@detail), or that there is nothing to count yet. */
static void
add_rate (GtkWidget  *flow,
          const char *name,
          gint64      numerator,
          gint64      denominator,
          const char *caption,
          const char *detail)
{
  g_autofree char *text = ld_report_format_rate (ld_report_rate (numerator, denominator));

  add_figure (flow, name, text, caption, denominator > 0 ? detail : _("Nothing to count yet"));
}

static char *
count_text (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

static GtkWidget *
add_section (LdReportsPage *self,
             const char    *name,
             const char    *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *flow = new_flow ();

  gtk_widget_set_name (section, name);
  gtk_box_append (GTK_BOX (section), new_label (title, "heading"));
  gtk_box_append (GTK_BOX (section), flow);
  gtk_box_append (self->content_box, section);
  return flow;
}

static void
show_error (LdReportsPage *self,
            const GError  *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

/* The period of the span shown that holds today, its first and last day. */
static void
get_period (LdReportsPage  *self,
            int            *year,
            int            *index,
            char          **from,
            char          **to)
{
  g_autoptr(GDateTime) now = self->context ? ld_context_now (self->context)
                                           : g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  *year = g_date_time_get_year (local);
  *index = ld_report_span_index_of (self->span, g_date_time_get_month (local));
  ld_report_span_dates (self->span, *year, *index, from, to);
}

static void
rebuild (LdReportsPage             *self,
         const LdConcernFigures    *concerns,
         const LdSuggestionFigures *suggestions)
{
  GtkWidget *flow;

  ld_record_view_clear (GTK_WIDGET (self->content_box));

  flow = add_section (self, "concerns", _("Residents’ Concerns"));
  add_count (flow, "received", concerns->received, C_("report figure", "Received"));
  add_count (flow, "concluded", concerns->concluded, C_("report figure", "Concluded"));
  add_count (flow, "feedback-given", concerns->feedback_given, C_("report figure", "Feedback given"));

  flow = add_section (self, "suggestions", _("Deputies’ Suggestions"));
  add_count (flow, "assigned", suggestions->assigned, C_("report figure", "Assigned to units"));
  add_count (flow, "answered", suggestions->answered, C_("report figure", "Answered"));
  add_count (flow, "answered-on-time", suggestions->answered_on_time, C_("report figure", "Answered on time"));

  /* Satisfaction and solved side by side, the one never instead of the other: the rates come
   * in two pairs, four across when there is room, two and two when not. */
  flow = add_section (self, "rates", _("Rates of the Suggestions Assigned"));
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  {
    GtkWidget *pair;
    const LdSuggestionFigures *f = suggestions;
    g_autofree char *assigned = count_text (f->assigned);
    g_autofree char *answered = count_text (f->answered);
    g_autofree char *on_time = count_text (f->answered_on_time);
    g_autofree char *rated = count_text (f->rated);
    g_autofree char *satisfied = count_text (f->satisfied + f->basically_satisfied);
    g_autofree char *solved = count_text (f->solved);
    g_autofree char *reply_detail = NULL;
    g_autofree char *on_time_detail = NULL;
    g_autofree char *satisfaction_detail = NULL;
    g_autofree char *solved_detail = NULL;

    /* Translators: how a rate is made up: %1$s answered of %2$s assigned */
    reply_detail = g_strdup_printf (_("%1$s of %2$s answered"), answered, assigned);
    /* Translators: how a rate is made up: %1$s answered on time of %2$s answered */
    on_time_detail = g_strdup_printf (_("%1$s of %2$s on time"), on_time, answered);
    /* Translators: how a rate is made up: %1$s satisfied or basically satisfied of %2$s
     * evaluated by the deputies */
    satisfaction_detail = g_strdup_printf (_("%1$s of %2$s rated satisfied"), satisfied, rated);
    /* Translators: how a rate is made up: %1$s solved (class A) of %2$s answered */
    solved_detail = g_strdup_printf (_("%1$s of %2$s solved"), solved, answered);

    pair = add_pair (flow);
    add_rate (pair, "reply-rate", f->answered, f->assigned, _("Reply rate"), reply_detail);
    add_rate (pair, "on-time-rate", f->answered_on_time, f->answered, _("On-time rate"),
              on_time_detail);
    pair = add_pair (flow);
    add_rate (pair, "satisfaction-rate", f->satisfied + f->basically_satisfied, f->rated,
              _("Satisfaction rate"), satisfaction_detail);
    add_rate (pair, "solved-rate", f->solved, f->answered, _("Solved rate"), solved_detail);
  }

  gtk_box_append (self->content_box,
                  new_label (_("Counted as in the district workbook: concerns by the day they "
                               "were received, concluded or given feedback; suggestions by the "
                               "day they were assigned."), "dim-label"));
  gtk_stack_set_visible_child_name (self->content_stack, "content");
}

static gboolean
reload_timeout_cb (gpointer data)
{
  LdReportsPage *self = LD_REPORTS_PAGE (data);

  self->reload_source = 0;
  ld_reports_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
set_store (LdReportsPage *self,
           LdStore       *store)
{
  if (self->store == store)
    return;

  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  ld_reports_page_reload (self);
}

/* ------------------------------------------------------------------ callbacks */

static void
store_changed_cb (LdReportsPage *self,
                  const char    *kind,
                  gint64         id)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
context_notify_database_cb (LdReportsPage *self)
{
  set_store (self, self->context ? ld_context_get_store (self->context) : NULL);
}

static void
span_toggled_cb (GtkToggleButton *button,
                 LdReportsPage   *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (switcher_spans); i++)
    if (self->span_buttons[i] == button)
      ld_reports_page_set_span (self, switcher_spans[i]);
}

/* ------------------------------------------------------------------ actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LdReportsPage *self = LD_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GtkWidget *dialog;
  int year, index;

  if (self->context == NULL || self->store == NULL)
    return;

  dialog = ld_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->context);
  get_period (self, &year, &index, &from, &to);
  ld_export_dialog_set_period (LD_EXPORT_DIALOG (dialog), self->span, year, index);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ overrides */

static void
ld_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LdReportsPage *self = LD_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LdReportsPage *self = LD_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      ld_reports_page_set_context (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      ld_reports_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ld_reports_page_dispose (GObject *object)
{
  LdReportsPage *self = LD_REPORTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  if (self->context)
    g_signal_handlers_disconnect_by_func (self->context, context_notify_database_cb, self);
  g_clear_object (&self->context);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ld_reports_page_parent_class)->dispose (object);
}

static void
ld_reports_page_class_init (LdReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ld_reports_page_get_property;
  object_class->set_property = ld_reports_page_set_property;
  object_class->dispose = ld_reports_page_dispose;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LD_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether the window shows the page without its sidebar: the header bar then offers the way
   * back and the window buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
}

static void
ld_reports_page_init (LdReportsPage *self)
{
  static const char *span_labels[] = {
    N_("This _Month"),
    N_("This _Quarter"),
    N_("This _Year"),
  };
  GtkWidget *box, *button, *switcher, *scrolled, *clamp, *export_button;

  self->span = LD_REPORT_SPAN_QUARTER;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->header_bar = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), self->header_bar);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "win.show-sidebar");
  gtk_widget_set_tooltip_text (self->back_button, _("Back"));
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header_bar), self->back_button);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (self->header_bar), FALSE);
  export_button = gtk_button_new_with_mnemonic (_("_Export Workbook…"));
  gtk_widget_set_name (export_button, "export-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "reports.export");
  gtk_widget_set_tooltip_text (export_button,
                               _("Write the district workbook of a period as an Excel file"));
  gtk_widget_add_css_class (export_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header_bar), export_button);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Reports"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (self->header_bar),
                                   GTK_WIDGET (self->window_title));

  /* The period switcher */
  switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_name (switcher, "span-switcher");
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 12);
  gtk_widget_set_margin_bottom (switcher, 6);
  for (guint i = 0; i < G_N_ELEMENTS (span_labels); i++)
    {
      button = gtk_toggle_button_new_with_mnemonic (_(span_labels[i]));
      self->span_buttons[i] = GTK_TOGGLE_BUTTON (button);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->span_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    switcher_spans[i] == self->span);
      g_signal_connect_object (button, "toggled", G_CALLBACK (span_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (switcher), button);
    }
  gtk_box_append (GTK_BOX (box), switcher);

  self->content_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->content_stack));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  self->content_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content_box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content_box), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content_box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->content_stack, scrolled, "content");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_widget_set_name (GTK_WIDGET (self->empty_page), "empty-page");
  adw_status_page_set_icon_name (self->empty_page, "x-office-spreadsheet-symbolic");
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->empty_page), "empty");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Figures Could Not Be Counted"));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->error_page), "error");

  g_object_bind_property (self, "folded", self->header_bar, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", FALSE);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
ld_reports_page_new (LdContext *context)
{
  g_return_val_if_fail (!context || LD_IS_CONTEXT (context), NULL);

  return g_object_new (LD_TYPE_REPORTS_PAGE,
                       "context", context,
                       NULL);
}

LdContext *
ld_reports_page_get_context (LdReportsPage *self)
{
  g_return_val_if_fail (LD_IS_REPORTS_PAGE (self), NULL);

  return self->context;
}

/* The page follows the database of @context. */
void
ld_reports_page_set_context (LdReportsPage *self,
                             LdContext     *context)
{
  g_return_if_fail (LD_IS_REPORTS_PAGE (self));
  g_return_if_fail (!context || LD_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context)
    g_signal_handlers_disconnect_by_func (self->context, context_notify_database_cb, self);
  g_set_object (&self->context, context);
  if (context)
    g_signal_connect_object (context, "notify::database",
                             G_CALLBACK (context_notify_database_cb), self, G_CONNECT_SWAPPED);
  context_notify_database_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
ld_reports_page_get_folded (LdReportsPage *self)
{
  g_return_val_if_fail (LD_IS_REPORTS_PAGE (self), FALSE);

  return self->folded;
}

void
ld_reports_page_set_folded (LdReportsPage *self,
                            gboolean       folded)
{
  g_return_if_fail (LD_IS_REPORTS_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

LdReportSpan
ld_reports_page_get_span (LdReportsPage *self)
{
  g_return_val_if_fail (LD_IS_REPORTS_PAGE (self), LD_REPORT_SPAN_QUARTER);

  return self->span;
}

void
ld_reports_page_set_span (LdReportsPage *self,
                          LdReportSpan   span)
{
  g_return_if_fail (LD_IS_REPORTS_PAGE (self));
  g_return_if_fail (span == LD_REPORT_SPAN_MONTH || span == LD_REPORT_SPAN_QUARTER
                    || span == LD_REPORT_SPAN_YEAR);

  if (self->span == span)
    return;

  self->span = span;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (switcher_spans); i++)
    if (switcher_spans[i] == span)
      gtk_toggle_button_set_active (self->span_buttons[i], TRUE);
  self->updating = FALSE;
  ld_reports_page_reload (self);
}

void
ld_reports_page_reload (LdReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *described = NULL;
  g_autofree char *subtitle = NULL;
  LdConcernFigures concerns = { 0 };
  LdSuggestionFigures suggestions = { 0 };
  LdReportPeriod period = { 0 };
  int year, index;

  g_return_if_fail (LD_IS_REPORTS_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export",
                                 self->store != NULL && self->context != NULL);
  if (self->store == NULL || self->context == NULL)
    {
      ld_record_view_clear (GTK_WIDGET (self->content_box));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  get_period (self, &year, &index, &from, &to);
  described = ld_report_span_describe (self->span, year, index, NULL, NULL);
  /* Translators: the period the Reports page shows; %1$s is "Fourth Quarter 2026", %2$s and
   * %3$s its first and last day */
  subtitle = g_strdup_printf (_("%1$s · %2$s to %3$s"), described, from, to);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  period.from = from;
  period.to = to;
  if (!ld_report_concern_figures (self->store, &period, &concerns, &error)
      || !ld_report_suggestion_figures (self->store, &period, &suggestions, &error))
    {
      ld_suggestion_figures_clear (&suggestions);
      show_error (self, error);
      return;
    }

  if (concerns.received == 0 && concerns.concluded == 0 && concerns.feedback_given == 0
      && suggestions.assigned == 0 && suggestions.answered == 0)
    {
      g_autofree char *description = NULL;

      ld_record_view_clear (GTK_WIDGET (self->content_box));
      adw_status_page_set_title (self->empty_page, _("Nothing to Report Yet"));
      /* Translators: %s is the period, "Fourth Quarter 2026" */
      description = g_strdup_printf (_("Nothing was recorded for %s: no concern received, "
                                       "concluded or given feedback, and no suggestion "
                                       "assigned. The workbook of any period can still be "
                                       "exported."), described);
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    rebuild (self, &concerns, &suggestions);

  ld_suggestion_figures_clear (&suggestions);
}

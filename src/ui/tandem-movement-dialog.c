/* tandem-movement-dialog.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-movement-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-movement-dialog.h"

/* How the whole portfolio moved between two dates, for a policy team: the
 * count in each cell at either date side by side, how many initiatives
 * moved closer to full co-production, and every flow from one cell to
 * another.  The store computes it on a worker thread; closing the dialog
 * cancels it.  Everything shown is also given as plain text, to copy and
 * for screen readers. */

struct _TandemMovementDialog
{
  AdwWindow       parent_instance;

  TandemStore    *store;
  GCancellable   *cancellable;   /* non-NULL while computing */
  guint           generation;    /* which computation the UI waits for */
  TandemMovement *result;
  char           *text;
  char           *error;

  GtkWidget      *from_entry;
  GtkWidget      *to_entry;
  GtkWidget      *compute_button;
  GtkWidget      *message;
  GtkWidget      *stack;
  GtkWidget      *spinner;
  GtkWidget      *results;

  GtkWidget      *from_title;
  GtkWidget      *from_total;
  GtkWidget      *from_counts[TANDEM_N_CELLS];
  GtkWidget      *to_title;
  GtkWidget      *to_total;
  GtkWidget      *to_counts[TANDEM_N_CELLS];

  GtkWidget      *summary;
  GtkWidget      *first_placed;
  GtkWidget      *flows;
  GtkWidget      *text_label;
};

G_DEFINE_FINAL_TYPE (TandemMovementDialog, tandem_movement_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GWeakRef              self;         /* not a reference: see computed_cb() */
  guint                 generation;
} ComputeData;

#define CELL_ROW(i) ((i) / TANDEM_MATRIX_SIZE + 1)
#define CELL_COL(i) ((i) % TANDEM_MATRIX_SIZE + 1)

/* ---- State ------------------------------------------------------------------ */

static void
show_error (TandemMovementDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (GTK_LABEL (self->message), message ? message : "");
  gtk_widget_set_visible (self->message, message != NULL);
}

static void
show_page (TandemMovementDialog *self)
{
  const char *page = "empty";

  if (self->cancellable != NULL)
    page = "busy";
  else if (self->result != NULL)
    page = "results";

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
}

static void
set_busy (TandemMovementDialog *self,
          GCancellable         *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_set_object (&self->cancellable, cancellable);

  /* A spinner only costs frames while it spins. */
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), cancellable != NULL);
  gtk_widget_set_sensitive (self->compute_button, cancellable == NULL);
  show_page (self);

  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cancel (TandemMovementDialog *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  /* Whatever the cancelled computation still reports is no longer wanted. */
  self->generation++;
  set_busy (self, NULL);
}

/* ---- Results ---------------------------------------------------------------- */

static guint
total (const guint counts[TANDEM_N_CELLS])
{
  guint n = 0;

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    n += counts[i];

  return n;
}

static char *
placed_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u initiative placed",
                                       "%u initiatives placed", n), n);
}

static char *
summary_text (const TandemMovement *m)
{
  g_autofree char *closer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u moved closer to full co-production",
                                                          "%u moved closer to full co-production",
                                                          m->closer), m->closer);
  g_autofree char *further = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u moved further",
                                                           "%u moved further",
                                                           m->further), m->further);
  g_autofree char *same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u stayed the same distance",
                                                        "%u stayed the same distance",
                                                        m->same), m->same);

  /* Translators: joins "N moved closer…", "N moved further" and "N stayed…" */
  return g_strdup_printf (_("%s, %s, %s"), closer, further, same);
}

static char *
first_placed_text (const TandemMovement *m)
{
  /* Translators: a count, then a date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u first placed after %s",
                                       "%u first placed after %s",
                                       m->only_to), m->only_to, m->from);
}

static char *
stayed_text (guint n)
{
  return g_strdup_printf (_("Stayed in the same cell: %u"), n);
}

typedef struct
{
  guint from;
  guint to;
  guint count;
} Flow;

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const Flow *fa = a, *fb = b;

  if (fa->count != fb->count)
    return fa->count > fb->count ? -1 : 1;
  if (fa->from != fb->from)
    return fa->from < fb->from ? -1 : 1;
  return fa->to < fb->to ? -1 : (fa->to > fb->to);
}

/* Flows between different cells, largest first. */
static GArray *
collect_flows (const TandemMovement *m,
               guint                *stayed)
{
  GArray *flows = g_array_new (FALSE, FALSE, sizeof (Flow));

  *stayed = 0;
  for (guint from = 0; from < TANDEM_N_CELLS; from++)
    for (guint to = 0; to < TANDEM_N_CELLS; to++)
      {
        Flow flow = { from, to, m->flows[from][to] };

        if (from == to)
          *stayed += flow.count;
        else if (flow.count > 0)
          g_array_append_val (flows, flow);
      }

  g_array_sort (flows, compare_flows);

  return flows;
}

static char *
flow_text (const Flow *flow)
{
  /* Translators: from cell, to cell (addresses such as 1,1), then a count */
  return g_strdup_printf (_("%u,%u → %u,%u: %u"),
                          CELL_ROW (flow->from), CELL_COL (flow->from),
                          CELL_ROW (flow->to), CELL_COL (flow->to),
                          flow->count);
}

static void
append_grid_text (GString     *text,
                  const char  *date,
                  const guint  counts[TANDEM_N_CELLS])
{
  g_autofree char *placed = placed_text (total (counts));
  g_autofree char *widest = NULL;
  guint most = 0;
  int width;

  /* Pad the counts so the three columns line up in a monospace font. */
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    most = MAX (most, counts[i]);
  widest = g_strdup_printf ("%u", most);
  width = strlen (widest);

  /* Translators: a date, then "N initiatives placed" */
  g_string_append_printf (text, _("At %s (%s):"), date, placed);
  g_string_append_c (text, '\n');

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    {
      for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
        g_string_append_printf (text, "%s%u,%u: %*u", col == 1 ? "  " : "   ", row, col,
                                width, counts[(row - 1) * TANDEM_MATRIX_SIZE + (col - 1)]);
      g_string_append_c (text, '\n');
    }
}

static char *
build_text (const TandemMovement *m)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) flows = NULL;
  g_autofree char *summary = summary_text (m);
  g_autofree char *first = first_placed_text (m);
  g_autofree char *stayed = NULL;
  guint n_stayed;

  /* Translators: two dates */
  g_string_append_printf (text, _("Portfolio movement from %s to %s"), m->from, m->to);
  g_string_append (text, "\n\n");
  append_grid_text (text, m->from, m->from_counts);
  g_string_append_c (text, '\n');
  append_grid_text (text, m->to, m->to_counts);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s\n%s\n\n", summary, first);

  flows = collect_flows (m, &n_stayed);
  for (guint i = 0; i < flows->len; i++)
    {
      g_autofree char *line = flow_text (&g_array_index (flows, Flow, i));

      g_string_append_printf (text, "%s\n", line);
    }
  stayed = stayed_text (n_stayed);
  g_string_append (text, stayed);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_grid (TandemMovementDialog *self,
             GtkWidget            *title,
             GtkWidget            *total_label,
             GtkWidget           **labels,
             const char           *date,
             const guint           counts[TANDEM_N_CELLS])
{
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  g_autofree char *heading = g_strdup_printf (_("At %s"), date);
  g_autofree char *placed = placed_text (total (counts));

  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_text (GTK_LABEL (total_label), placed);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *accessible = NULL;

      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: cell address, its label, a count and a date */
                                                 "Cell %u,%u, %s: %u initiative at %s",
                                                 "Cell %u,%u, %s: %u initiatives at %s", counts[i]),
                                    CELL_ROW (i), CELL_COL (i),
                                    tandem_matrix_get_cell_label (matrix, CELL_ROW (i), CELL_COL (i)),
                                    counts[i], date);

      gtk_label_set_text (GTK_LABEL (labels[i]), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (labels[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static GtkWidget *
flow_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Subtitles hold cell labels, which the user may have reworded. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
update_flows (TandemMovementDialog *self)
{
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  g_autoptr(GArray) flows = NULL;
  g_autofree char *stayed = NULL;
  GtkWidget *child;
  guint n_stayed;

  while ((child = gtk_widget_get_first_child (self->flows)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->flows), child);

  flows = collect_flows (self->result, &n_stayed);
  for (guint i = 0; i < flows->len; i++)
    {
      const Flow *flow = &g_array_index (flows, Flow, i);
      g_autofree char *title = flow_text (flow);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s",
                                                   tandem_matrix_get_cell_label (matrix, CELL_ROW (flow->from),
                                                                                 CELL_COL (flow->from)),
                                                   tandem_matrix_get_cell_label (matrix, CELL_ROW (flow->to),
                                                                                 CELL_COL (flow->to)));

      gtk_list_box_append (GTK_LIST_BOX (self->flows), flow_row_new (title, subtitle));
    }

  stayed = stayed_text (n_stayed);
  gtk_list_box_append (GTK_LIST_BOX (self->flows), flow_row_new (stayed, NULL));
}

static void
show_result (TandemMovementDialog *self)
{
  const TandemMovement *m = self->result;
  g_autofree char *summary = summary_text (m);
  g_autofree char *first = first_placed_text (m);

  update_grid (self, self->from_title, self->from_total, self->from_counts, m->from, m->from_counts);
  update_grid (self, self->to_title, self->to_total, self->to_counts, m->to, m->to_counts);

  gtk_label_set_text (GTK_LABEL (self->summary), summary);
  gtk_label_set_text (GTK_LABEL (self->first_placed), first);
  update_flows (self);

  g_free (self->text);
  self->text = build_text (m);
  gtk_label_set_text (GTK_LABEL (self->text_label), self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
}

/* ---- Computing -------------------------------------------------------------- */

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ComputeData *data = user_data;
  /* The dialog may be gone with its window (GTK 4.8 cannot finalize a
   * dialog after its parent), so the work holds it only weakly. */
  g_autoptr(TandemMovementDialog) self = g_weak_ref_get (&data->self);
  g_autoptr(TandemMovement) movement = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current = self != NULL && data->generation == self->generation;

  g_weak_ref_clear (&data->self);
  g_free (data);

  movement = tandem_store_compute_movement_finish (TANDEM_STORE (source), result, &error);

  /* Closed, cancelled, or overtaken by a newer Compute. */
  if (!current)
    return;

  if (movement != NULL)
    {
      g_clear_pointer (&self->result, tandem_movement_free);
      self->result = g_steal_pointer (&movement);
      show_result (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);

  set_busy (self, NULL);
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static gboolean
check_date (TandemMovementDialog *self,
            GtkWidget            *entry,
            const char           *date,
            const char           *name)
{
  g_autoptr(GError) error = NULL;

  if (tandem_date_check (date, name, &error))
    return TRUE;

  show_error (self, error->message);
  gtk_widget_add_css_class (entry, "error");
  gtk_widget_grab_focus (entry);

  return FALSE;
}

/**
 * tandem_movement_dialog_compute:
 *
 * Checks the two dates and starts computing the movement between them, as
 * the Compute button does.  A computation already running is cancelled.
 * If a date is wrong the dialog says why and computes nothing.
 */
void
tandem_movement_dialog_compute (TandemMovementDialog *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  ComputeData *data;

  g_return_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self));

  if (self->store == NULL)
    return;

  from = entry_text (self->from_entry);
  to = entry_text (self->to_entry);

  if (!check_date (self, self->from_entry, from, _("From")) ||
      !check_date (self, self->to_entry, to, _("To")))
    return;

  /* ISO dates compare as strings. */
  if (strcmp (from, to) > 0)
    {
      show_error (self, _("The From date is after the To date."));
      gtk_widget_add_css_class (self->from_entry, "error");
      gtk_widget_grab_focus (self->from_entry);
      return;
    }

  show_error (self, NULL);
  cancel (self);

  cancellable = g_cancellable_new ();
  data = g_new0 (ComputeData, 1);
  g_weak_ref_init (&data->self, self);
  data->generation = ++self->generation;
  set_busy (self, cancellable);

  tandem_store_compute_movement_async (self->store, from, to, cancellable, computed_cb, data);
}

static void
cancel_clicked_cb (TandemMovementDialog *self)
{
  cancel (self);
  gtk_widget_grab_focus (self->compute_button);
}

static void
entry_changed_cb (GtkWidget *entry)
{
  gtk_widget_remove_css_class (entry, "error");
}

static void
copy_clicked_cb (GtkWidget            *button,
                 TandemMovementDialog *self)
{
  if (self->text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (button), self->text);
}

/* ---- Building --------------------------------------------------------------- */

static GtkWidget *
date_entry_new (TandemMovementDialog *self,
                GtkWidget            *box,
                const char           *mnemonic,
                const char           *accessible)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 10);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), NULL);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (tandem_movement_dialog_compute), self);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

/* Side by side when there is room, one under another in a narrow window
 * (GTK 4.8 has no breakpoints; a flow box wraps by itself). */
static GtkWidget *
reflowing_box_new (guint max_per_line,
                   guint spacing)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), max_per_line);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), spacing);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), spacing);
  return flow;
}

/* The flow box's own children are layout only: focus goes to what is in them. */
static void
reflowing_box_append (GtkWidget *flow,
                      GtkWidget *child)
{
  gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static GtkWidget *
build_dates (TandemMovementDialog *self)
{
  GtkWidget *flow = reflowing_box_new (3, 6);
  GtkWidget *from_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *to_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *today = tandem_date_today ();
  g_autofree char *last_year = tandem_date_years_before (today, 1);

  self->from_entry = date_entry_new (self, from_box, _("_From"), _("From date, as YYYY-MM-DD"));
  self->to_entry = date_entry_new (self, to_box, _("_To"), _("To date, as YYYY-MM-DD"));
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), last_year);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), today);
  reflowing_box_append (flow, from_box);
  reflowing_box_append (flow, to_box);

  self->compute_button = gtk_button_new_with_label (_("Compute"));
  gtk_widget_add_css_class (self->compute_button, "suggested-action");
  gtk_widget_set_halign (self->compute_button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (self->compute_button, _("Count where every initiative stood at both dates"));
  g_signal_connect_swapped (self->compute_button, "clicked", G_CALLBACK (tandem_movement_dialog_compute), self);
  reflowing_box_append (flow, self->compute_button);

  return flow;
}

static GtkWidget *
build_grid (TandemMovementDialog *self,
            GtkWidget           **title,
            GtkWidget           **total_label,
            GtkWidget           **counts)
{
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();

  *title = gtk_label_new (NULL);
  gtk_widget_add_css_class (*title, "heading");
  gtk_label_set_xalign (GTK_LABEL (*title), 0);
  gtk_box_append (GTK_BOX (box), *title);

  *total_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (*total_label, "dim-label");
  gtk_widget_add_css_class (*total_label, "caption");
  gtk_label_set_xalign (GTK_LABEL (*total_label), 0);
  gtk_box_append (GTK_BOX (box), *total_label);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_box_append (GTK_BOX (box), grid);

  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      guint row = CELL_ROW (i), col = CELL_COL (i);
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *address = g_strdup_printf ("%u,%u", row, col);
      GtkWidget *abbreviation = gtk_label_new (address);

      gtk_widget_add_css_class (cell, "card");
      gtk_widget_set_tooltip_text (cell, tandem_matrix_get_cell_label (matrix, row, col));

      gtk_widget_add_css_class (abbreviation, "caption");
      gtk_widget_add_css_class (abbreviation, "dim-label");
      gtk_widget_set_margin_top (abbreviation, 6);
      /* The count's own accessible label names the cell. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (abbreviation), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (cell), abbreviation);

      counts[i] = gtk_label_new ("0");
      gtk_widget_add_css_class (counts[i], "title-1");
      gtk_widget_add_css_class (counts[i], "numeric");
      if (row == TANDEM_FULL_COPRODUCTION_ROW && col == TANDEM_FULL_COPRODUCTION_COL)
        gtk_widget_add_css_class (counts[i], "accent");
      gtk_widget_set_margin_bottom (counts[i], 6);
      gtk_widget_set_margin_start (counts[i], 6);
      gtk_widget_set_margin_end (counts[i], 6);
      gtk_box_append (GTK_BOX (cell), counts[i]);

      gtk_grid_attach (GTK_GRID (grid), cell, col - 1, row - 1, 1, 1);
    }

  return box;
}

static GtkWidget *
build_results (TandemMovementDialog *self)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_VERTICAL,
                                 "spacing", 18,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 NULL);
  GtkWidget *grids = reflowing_box_new (2, 24);
  GtkWidget *flows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading, *expander, *text_box, *copy;

  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (grids), TRUE);
  reflowing_box_append (grids, build_grid (self, &self->from_title, &self->from_total, self->from_counts));
  reflowing_box_append (grids, build_grid (self, &self->to_title, &self->to_total, self->to_counts));
  gtk_box_append (GTK_BOX (box), grids);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_add_css_class (self->summary, "heading");
  self->first_placed = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->first_placed), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->first_placed), 0);
  {
    GtkWidget *summary_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    gtk_box_append (GTK_BOX (summary_box), self->summary);
    gtk_box_append (GTK_BOX (summary_box), self->first_placed);
    gtk_box_append (GTK_BOX (box), summary_box);
  }

  heading = gtk_label_new (_("Moves Between Cells"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (flows_box), heading);

  self->flows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->flows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->flows, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flows),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Moves between cells"),
                                  -1);
  gtk_box_append (GTK_BOX (flows_box), self->flows);
  gtk_box_append (GTK_BOX (box), flows_box);

  /* The same, as text to select, copy or read out. */
  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->text_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->text_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->text_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->text_label), 0);
  gtk_widget_add_css_class (self->text_label, "monospace");
  gtk_box_append (GTK_BOX (text_box), self->text_label);

  copy = gtk_button_new_with_label (_("Copy Text"));
  gtk_widget_set_halign (copy, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (copy, _("Copy the results to the clipboard"));
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (text_box), copy);

  expander = gtk_expander_new (_("Results as Text"));
  gtk_expander_set_child (GTK_EXPANDER (expander), text_box);
  gtk_box_append (GTK_BOX (box), expander);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Results"),
                                  -1);
  self->results = box;

  return box;
}

static GtkWidget *
build_busy (TandemMovementDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (_("Computing…"));
  GtkWidget *button = gtk_button_new_with_label (_("Cancel"));

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 48);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_size_request (self->spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Computing"),
                                  -1);
  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Stop computing"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
build_empty (void)
{
  GtkWidget *label = gtk_label_new (_("Choose two dates and press Compute to see how the portfolio moved between them."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 48);

  return label;
}

/* ---- GObject ---------------------------------------------------------------- */

static gboolean
tandem_movement_dialog_close_request (GtkWindow *window)
{
  cancel (TANDEM_MOVEMENT_DIALOG (window));

  return GTK_WINDOW_CLASS (tandem_movement_dialog_parent_class)->close_request (window);
}

static void
tandem_movement_dialog_dispose (GObject *object)
{
  TandemMovementDialog *self = (TandemMovementDialog *)object;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->generation++;
      g_clear_object (&self->cancellable);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_movement_dialog_parent_class)->dispose (object);
}

static void
tandem_movement_dialog_finalize (GObject *object)
{
  TandemMovementDialog *self = (TandemMovementDialog *)object;

  g_clear_pointer (&self->result, tandem_movement_free);
  g_free (self->text);
  g_free (self->error);

  G_OBJECT_CLASS (tandem_movement_dialog_parent_class)->finalize (object);
}

static void
tandem_movement_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TandemMovementDialog *self = TANDEM_MOVEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, tandem_movement_dialog_is_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_movement_dialog_class_init (TandemMovementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_movement_dialog_dispose;
  object_class->finalize = tandem_movement_dialog_finalize;
  object_class->get_property = tandem_movement_dialog_get_property;

  window_class->close_request = tandem_movement_dialog_close_request;

  /**
   * TandemMovementDialog:busy:
   *
   * Whether a computation is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_movement_dialog_init (TandemMovementDialog *self)
{
}

/* ---- Public API ------------------------------------------------------------- */

GtkWidget *
tandem_movement_dialog_new (GtkWindow   *parent,
                            TandemStore *store)
{
  TandemMovementDialog *self;
  GtkWidget *content, *header, *scroller, *clamp, *box;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  self = g_object_new (TANDEM_TYPE_MOVEMENT_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 720,
                       "default-height", 640,
                       "title", _("Portfolio Movement"),
                       NULL);
  self->store = g_object_ref (store);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   g_object_new (ADW_TYPE_WINDOW_TITLE,
                                                 "title", _("Portfolio Movement"),
                                                 "subtitle", _("How initiatives moved between two dates"),
                                                 NULL));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 18, "margin-bottom", 18, NULL);

  gtk_box_append (GTK_BOX (box), build_dates (self));

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_box_append (GTK_BOX (box), self->message);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  /* As narrow as the page shown, so the dialog fits a phone-sized screen. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), build_empty (), "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), build_busy (self), "busy");
  gtk_stack_add_named (GTK_STACK (self->stack), build_results (self), "results");
  gtk_box_append (GTK_BOX (box), self->stack);

  clamp = g_object_new (ADW_TYPE_CLAMP, "maximum-size", 680, "child", box, NULL);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "vexpand", TRUE,
                           "child", clamp,
                           NULL);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);

  show_page (self);
  gtk_window_set_focus (GTK_WINDOW (self), self->compute_button);

  return GTK_WIDGET (self);
}

/**
 * tandem_movement_dialog_set_dates:
 * @from: (nullable): "YYYY-MM-DD", or %NULL to leave it
 * @to: (nullable): "YYYY-MM-DD", or %NULL to leave it
 *
 * Fills in the date entries; nothing is computed until
 * tandem_movement_dialog_compute().
 */
void
tandem_movement_dialog_set_dates (TandemMovementDialog *self,
                                  const char           *from,
                                  const char           *to)
{
  g_return_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self));

  if (from != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  if (to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
}

/**
 * tandem_movement_dialog_get_result:
 *
 * Returns: (transfer none) (nullable): the movement last computed, or
 *   %NULL before the first computation finished
 */
TandemMovement *
tandem_movement_dialog_get_result (TandemMovementDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self), NULL);

  return self->result;
}

gboolean
tandem_movement_dialog_is_busy (TandemMovementDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tandem_movement_dialog_get_text:
 *
 * Returns: (nullable): the last result as plain text, as the dialog shows
 *   it to select and copy, or %NULL before the first result
 */
const char *
tandem_movement_dialog_get_text (TandemMovementDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self), NULL);

  return self->text;
}

/**
 * tandem_movement_dialog_get_error:
 *
 * Returns: (nullable): what the dialog says is wrong (a bad date, or the
 *   store's error), or %NULL
 */
const char *
tandem_movement_dialog_get_error (TandemMovementDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_MOVEMENT_DIALOG (self), NULL);

  return self->error;
}

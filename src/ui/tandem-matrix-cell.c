/* tandem-matrix-cell.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-matrix-cell"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-initiative-row.h"
#include "tandem-label-editor.h"
#include "tandem-matrix-cell.h"

/* One of the nine cells: its (rewordable) label, how many initiatives it
 * holds, and a recycled list of their names.  However many initiatives a
 * portfolio has, a cell only ever creates the rows that fit on screen. */

struct _TandemMatrixCell
{
  GtkWidget        parent_instance;

  TandemStore     *store;
  guint            row;
  guint            col;

  GtkFilterListModel *filtered;

  GtkWidget       *heading;
  GtkWidget       *count;
  GtkWidget       *cases;
  GtkWidget       *cases_label;
  GtkWidget       *marker;
  GtkWidget       *scroller;
  GtkWidget       *list;

  guint            count_idle_id;
};

G_DEFINE_FINAL_TYPE (TandemMatrixCell, tandem_matrix_cell, GTK_TYPE_WIDGET)

/* ---- Heading buttons ---------------------------------------------------- */

static void
heading_label_changed_cb (TandemMatrix *matrix,
                          const char   *key,
                          GtkWidget    *button)
{
  GtkWidget *text = gtk_menu_button_get_child (GTK_MENU_BUTTON (button));
  const char *label = tandem_matrix_get_label (matrix, key);
  g_autofree char *tooltip = g_strdup_printf (_("%s — click to reword"), label);

  gtk_inscription_set_text (GTK_INSCRIPTION (text), label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Click to reword"),
                                  -1);
}

/* Headings use GtkInscription rather than GtkLabel: it wraps to whatever
 * width the grid gives it, however narrow the window. */
GtkWidget *
_tandem_heading_button_new (TandemMatrix *matrix,
                            const char   *key,
                            const char   *style_class)
{
  g_autofree char *detailed = g_strconcat ("label-changed::", key, NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *text = g_object_new (GTK_TYPE_INSCRIPTION,
                                  "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                  "min-chars", 5,
                                  "nat-chars", 60,
                                  "min-lines", 4,
                                  "nat-lines", 5,
                                  "xalign", 0.5f,
                                  "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                                  NULL);

  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), text);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), tandem_label_editor_new (matrix, key));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "heading-button");
  if (style_class != NULL)
    gtk_widget_add_css_class (button, style_class);

  heading_label_changed_cb (matrix, key, button);
  g_signal_connect_object (matrix, detailed, G_CALLBACK (heading_label_changed_cb), button, 0);

  return button;
}

/* ---- The cell ----------------------------------------------------------- */

static gboolean
in_cell (gpointer item,
         gpointer user_data)
{
  TandemMatrixCell *self = user_data;

  return tandem_initiative_get_row (item) == self->row &&
         tandem_initiative_get_col (item) == self->col;
}

/* Asked for only when shown: setting a tooltip on every change costs an
 * X round trip, and an import changes the count thousands of times. */
static gboolean
count_query_tooltip_cb (GtkWidget        *count,
                        int               x,
                        int               y,
                        gboolean          keyboard,
                        GtkTooltip       *tooltip,
                        TandemMatrixCell *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u initiative in this cell",
                                                        "%u initiatives in this cell", n), n);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_count (TandemMatrixCell *self)
{
  TandemMatrix *matrix = tandem_store_get_matrix (self->store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

  gtk_label_set_text (GTK_LABEL (self->count), count);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: cell address, cell label, count */
                                              "Cell %u,%u, %s: %u initiative",
                                              "Cell %u,%u, %s: %u initiatives", n),
                                 self->row, self->col,
                                 tandem_matrix_get_cell_label (matrix, self->row, self->col), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  if (self->list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tandem_matrix_get_cell_label (matrix, self->row, self->col),
                                    -1);
}

static void
update_cases (TandemMatrixCell *self)
{
  guint n = tandem_store_count_cases_in_cell (self->store, self->row, self->col);
  g_autofree char *label = g_strdup_printf ("%u", n);
  g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "Show the %u case study for cell %u,%u",
                                                              "Show the %u case studies for cell %u,%u", n),
                                                 n, self->row, self->col);

  gtk_label_set_text (GTK_LABEL (self->cases_label), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cases),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
activate_cb (GtkListView      *list,
             guint             position,
             TandemMatrixCell *self)
{
  g_autoptr(TandemInitiative) initiative = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (initiative != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-initiative", "s",
                                tandem_initiative_get_uuid (initiative));
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         TandemMatrixCell *self)
{
  const char *text = g_value_get_string (value);

  if (text == NULL)
    return FALSE;

  /* A case study dropped here is linked to the cell, after asking why. */
  if (g_str_has_prefix (text, "case:") &&
      tandem_store_lookup_case_study (self->store, text + strlen ("case:")) != NULL)
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.link-case-to-cell", "(sii)",
                                       text + strlen ("case:"), self->row, self->col);

  /* Only our own initiative rows carry a UUID that the store knows. */
  if (tandem_store_lookup_initiative (self->store, text) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.move-initiative", "(sii)",
                                     text, self->row, self->col);
}

static gboolean
update_count_idle_cb (gpointer user_data)
{
  TandemMatrixCell *self = user_data;

  self->count_idle_id = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* Once per turn of the main loop, before the next frame, however many
 * initiatives an import adds. */
static void
queue_update_count (TandemMatrixCell *self)
{
  if (self->count_idle_id == 0)
    self->count_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_count_idle_cb, self, NULL);
}

static void
tandem_matrix_cell_dispose (GObject *object)
{
  TandemMatrixCell *self = (TandemMatrixCell *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_handle_id (&self->count_idle_id, g_source_remove);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_matrix_cell_parent_class)->dispose (object);
}

static void
tandem_matrix_cell_class_init (TandemMatrixCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_matrix_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrix-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tandem_matrix_cell_init (TandemMatrixCell *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
}

GtkWidget *
tandem_matrix_cell_new (TandemStore *store,
                        guint        row,
                        guint        col)
{
  TandemMatrixCell *self;
  TandemMatrix *matrix;
  GtkListItemFactory *factory;
  GtkCustomFilter *filter;
  GtkDropTarget *drop;
  GtkWidget *footer;
  g_autofree char *key = NULL;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (tandem_cell_is_valid (row, col), NULL);

  self = g_object_new (TANDEM_TYPE_MATRIX_CELL, NULL);
  self->store = g_object_ref (store);
  self->row = row;
  self->col = col;
  matrix = tandem_store_get_matrix (store);
  key = tandem_matrix_cell_key (row, col);

  if (row == TANDEM_FULL_COPRODUCTION_ROW && col == TANDEM_FULL_COPRODUCTION_COL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "full-coproduction");

  self->heading = _tandem_heading_button_new (matrix, key, "cell-heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));

  /* The store keeps its list sorted by title, so filtering keeps it sorted
   * too: no cell ever sorts its initiatives itself. */
  filter = gtk_custom_filter_new (in_cell, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (tandem_store_get_initiatives (store)),
                                              GTK_FILTER (filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (queue_update_count),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (matrix, "label-changed", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);

  factory = tandem_initiative_row_factory_new (FALSE);

  self->list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))),
                                  factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "cell-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tandem_matrix_get_cell_label (matrix, row, col),
                                  -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (activate_cb), self);

  self->scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                 "hscrollbar-policy", GTK_POLICY_NEVER,
                                 "min-content-height", 60,
                                 "vexpand", TRUE,
                                 "child", self->list,
                                 NULL);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  /* The footer: how many initiatives, and whether the selected one is here
   * or aims to be. */
  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (footer, GTK_WIDGET (self));

  self->count = gtk_label_new ("0");
  gtk_widget_add_css_class (self->count, "cell-count");
  gtk_widget_set_has_tooltip (self->count, TRUE);
  g_signal_connect (self->count, "query-tooltip", G_CALLBACK (count_query_tooltip_cb), self);
  gtk_box_append (GTK_BOX (footer), self->count);

  self->marker = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->marker), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->marker, TRUE);
  gtk_widget_set_halign (self->marker, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->marker, "cell-marker");
  gtk_widget_add_css_class (self->marker, "caption-heading");
  gtk_widget_set_visible (self->marker, FALSE);
  gtk_box_append (GTK_BOX (footer), self->marker);

  /* The case studies that illustrate this cell, one click away. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("accessories-dictionary-symbolic"));
    self->cases_label = gtk_label_new (NULL);
    gtk_box_append (GTK_BOX (box), self->cases_label);
    self->cases = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (self->cases), box);
  }
  gtk_widget_add_css_class (self->cases, "flat");
  gtk_widget_add_css_class (self->cases, "cell-cases");
  gtk_widget_set_halign (self->cases, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cases), "win.show-cases");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cases), "(ii)", row, col);
  gtk_widget_set_tooltip_text (self->cases, _("Show the case studies that illustrate this cell"));
  gtk_box_append (GTK_BOX (footer), self->cases);
  g_signal_connect_object (tandem_store_get_case_studies (store), "items-changed",
                           G_CALLBACK (update_cases), self, G_CONNECT_SWAPPED);
  update_cases (self);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_count (self);

  return GTK_WIDGET (self);
}

guint
tandem_matrix_cell_get_row (TandemMatrixCell *self)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX_CELL (self), 0);

  return self->row;
}

guint
tandem_matrix_cell_get_col (TandemMatrixCell *self)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX_CELL (self), 0);

  return self->col;
}

/**
 * tandem_matrix_cell_get_model:
 *
 * Returns: (transfer none): the initiatives shown in this cell, sorted by title
 */
GListModel *
tandem_matrix_cell_get_model (TandemMatrixCell *self)
{
  g_return_val_if_fail (TANDEM_IS_MATRIX_CELL (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* Marks the cell holding the selected initiative and the cell it aims for. */
void
tandem_matrix_cell_set_marks (TandemMatrixCell *self,
                              gboolean          is_current,
                              gboolean          is_target)
{
  const char *text = NULL;

  g_return_if_fail (TANDEM_IS_MATRIX_CELL (self));

  if (is_current && is_target)
    text = _("Now · target");
  else if (is_current)
    text = _("Now");
  else if (is_target)
    text = _("⚑ Target");

  if (is_target)
    gtk_widget_add_css_class (GTK_WIDGET (self), "target");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "target");

  if (is_current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");

  gtk_label_set_text (GTK_LABEL (self->marker), text);
  gtk_widget_set_visible (self->marker, text != NULL);
}

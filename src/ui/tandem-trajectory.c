/* tandem-trajectory.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-trajectory"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tandem-trajectory.h"

/* One initiative's journey drawn over the matrix: a numbered dot in the
 * cell of each assessment, oldest first, with its date beside it, and an
 * arrow for every move from one cell to another.  It sits in a GtkOverlay
 * on top of the grid and lets every click through to the cells below.
 *
 * Nothing is cached between frames: each snapshot asks the cells where
 * they are now, so the drawing follows the grid however it is laid out. */

#define DOT_RADIUS   10.0
#define LABEL_GAP     2.0
#define HEAD_LENGTH  10.0
#define HEAD_WIDTH    5.0

struct _TandemTrajectory
{
  GtkWidget         parent_instance;

  TandemMatrixView *view;         /* weak */
  GtkWidget        *overlay;      /* weak; the parent we listen to */
  gulong            position_handler;

  GPtrArray        *assessments;  /* TandemAssessment, oldest first */
  GPtrArray        *date_labels;  /* char *, one per assessment */
  guint             target_row;
  guint             target_col;
  guint             n_arrows;
  char             *description;
};

G_DEFINE_FINAL_TYPE (TandemTrajectory, tandem_trajectory, GTK_TYPE_WIDGET)

typedef struct
{
  double       x;
  double       y;
  guint        cell;      /* (row-1)*3 + (col-1) */
  gboolean     placed;    /* its cell is on screen */
  PangoLayout *number;
  PangoLayout *date;
} Dot;

static guint
cell_index (TandemAssessment *assessment)
{
  return (tandem_assessment_get_row (assessment) - 1) * TANDEM_MATRIX_SIZE +
         (tandem_assessment_get_col (assessment) - 1);
}

static gboolean
has_target (TandemTrajectory *self)
{
  return tandem_cell_is_valid (self->target_row, self->target_col);
}

/* ---- Text ------------------------------------------------------------------- */

static guint
count_prefix (GPtrArray  *assessments,
              const char *date,
              gsize       length)
{
  guint n = 0;

  for (guint i = 0; i < assessments->len; i++)
    if (strncmp (tandem_assessment_get_date (g_ptr_array_index (assessments, i)), date, length) == 0)
      n++;

  return n;
}

/* The year alone says enough unless two assessments share it; then the
 * month, and only if that is shared too the whole date. */
static char *
short_date (GPtrArray  *assessments,
            const char *date)
{
  if (strlen (date) < 10 || count_prefix (assessments, date, 4) < 2)
    return g_strndup (date, 4);
  if (count_prefix (assessments, date, 7) < 2)
    return g_strndup (date, 7);
  return g_strdup (date);
}

static void
update_text (TandemTrajectory *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = self->assessments ? self->assessments->len : 0;

  self->n_arrows = 0;
  g_ptr_array_set_size (self->date_labels, 0);

  if (n > 0)
    {
      g_autoptr(GString) steps = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          TandemAssessment *a = g_ptr_array_index (self->assessments, i);
          const char *date = tandem_assessment_get_date (a);
          guint row = tandem_assessment_get_row (a);
          guint col = tandem_assessment_get_col (a);

          if (i > 0)
            g_string_append (steps, "; ");

          if (i == 0)
            /* Translators: a date, then a cell address such as 1,1 */
            g_string_append_printf (steps, _("%s at %u,%u"), date, row, col);
          else if (cell_index (a) != cell_index (g_ptr_array_index (self->assessments, i - 1)))
            {
              /* Translators: a date, then a cell address such as 1,2 */
              g_string_append_printf (steps, _("%s moved to %u,%u"), date, row, col);
              self->n_arrows++;
            }
          else
            /* Translators: a date, then a cell address such as 1,2 */
            g_string_append_printf (steps, _("%s stayed at %u,%u"), date, row, col);

          g_ptr_array_add (self->date_labels, short_date (self->assessments, date));
        }

      /* Translators: the steps of a journey, separated by semicolons */
      g_string_append_printf (text, _("Journey: %s."), steps->str);

      /* The spread of the latest assessment, as drawn by draw_spread(). */
      for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
        {
          TandemAssessment *latest = g_ptr_array_index (self->assessments, n - 1);
          guint row, col;

          if (tandem_assessment_get_placement (latest, s, &row, &col))
            /* Translators: a stakeholder group, then a cell address such as 2,2 */
            g_string_append_printf (text, _(" %s place it at %u,%u."),
                                    tandem_stakeholder_get_label (s), row, col);
        }
    }
  else
    g_string_append (text, _("No assessments yet."));

  if (has_target (self))
    {
      g_string_append_c (text, ' ');
      /* Translators: the target cell address, such as 2,2 */
      g_string_append_printf (text, _("Target %u,%u."), self->target_row, self->target_col);
    }

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
  /* An empty overlay is nothing a screen reader needs to announce. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_HIDDEN, n == 0 && !has_target (self),
                               -1);
}

/* ---- Drawing ---------------------------------------------------------------- */

typedef struct
{
  GdkRGBA line;       /* arrows and rings */
  GdkRGBA dot;        /* dot fill */
  GdkRGBA on_dot;     /* the number in a dot */
  GdkRGBA fg;         /* dates */
  GdkRGBA bg;         /* halos that keep it legible over the cells */
} Colors;

static void
lookup_colors (TandemTrajectory *self,
               Colors           *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);

  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &colors->bg))
    {
      /* Whatever the theme, the opposite of the text colour. */
      double lum = 0.3 * colors->fg.red + 0.59 * colors->fg.green + 0.11 * colors->fg.blue;

      colors->bg = lum > 0.5 ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
    }

  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->line))
    colors->line = colors->fg;

  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->dot))
    colors->dot = colors->line;

  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &colors->on_dot))
    colors->on_dot = colors->bg;
}

static PangoLayout *
make_layout (TandemTrajectory *self,
             const char       *text,
             double            scale,
             gboolean          bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* Spreads the dots of one cell in rows around its centre, so that several
 * visits to the same cell stay apart and each keeps its date legible. */
static void
place_dots (Dot                   *dots,
            guint                  n,
            guint                  cell,
            const graphene_rect_t *bounds)
{
  double spacing = 2 * DOT_RADIUS + 6;
  double vspacing = 0, label_h = 0;
  double cx = bounds->origin.x + bounds->size.width / 2;
  double cy = bounds->origin.y + bounds->size.height / 2;
  guint m = 0, per_row, rows, k = 0;

  for (guint i = 0; i < n; i++)
    if (dots[i].cell == cell)
      {
        double w, h;

        layout_size (dots[i].date, &w, &h);
        spacing = MAX (spacing, w + 8);
        label_h = MAX (label_h, h);
        m++;
      }

  if (m == 0)
    return;

  vspacing = 2 * DOT_RADIUS + LABEL_GAP + label_h + 6;
  per_row = MAX (1, (guint) ((bounds->size.width - 8) / spacing));
  rows = (m + per_row - 1) / per_row;

  for (guint i = 0; i < n; i++)
    {
      guint row, col, in_row;

      if (dots[i].cell != cell)
        continue;

      row = k / per_row;
      col = k % per_row;
      in_row = MIN (per_row, m - row * per_row);

      dots[i].x = cx + (col - (in_row - 1) / 2.0) * spacing;
      /* Lift the block by half a label so dot and date together are centred. */
      dots[i].y = cy - (label_h + LABEL_GAP) / 2 + (row - (rows - 1) / 2.0) * vspacing;
      dots[i].placed = TRUE;
      k++;
    }
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
unit (double  x,
      double  y,
      double *ux,
      double *uy)
{
  double len = hypot (x, y);

  if (len < 1e-6)
    {
      *ux = 1;
      *uy = 0;
      return;
    }

  *ux = x / len;
  *uy = y / len;
}

/* A slightly curved arrow, bowed to its right, so that a move from A to B
 * and a later move back from B to A do not draw over each other. */
static void
draw_arrow (cairo_t      *cr,
            const Colors *colors,
            double        x0,
            double        y0,
            double        x1,
            double        y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len = hypot (dx, dy);
  double bulge, cx, cy, ux, uy, sx, sy, ex, ey, bx, by;

  if (len < 2 * DOT_RADIUS + HEAD_LENGTH)
    return;

  bulge = MIN (len * 0.15, 30);
  cx = (x0 + x1) / 2 - dy / len * bulge;
  cy = (y0 + y1) / 2 + dx / len * bulge;

  unit (cx - x0, cy - y0, &ux, &uy);
  sx = x0 + ux * (DOT_RADIUS + 3);
  sy = y0 + uy * (DOT_RADIUS + 3);

  unit (x1 - cx, y1 - cy, &ux, &uy);
  ex = x1 - ux * (DOT_RADIUS + 4);
  ey = y1 - uy * (DOT_RADIUS + 4);
  /* The line stops where the head begins, so its end never pokes out. */
  bx = ex - ux * HEAD_LENGTH * 0.8;
  by = ey - uy * HEAD_LENGTH * 0.8;

  cairo_move_to (cr, sx, sy);
  cairo_curve_to (cr,
                  sx + 2.0 / 3 * (cx - sx), sy + 2.0 / 3 * (cy - sy),
                  bx + 2.0 / 3 * (cx - bx), by + 2.0 / 3 * (cy - by),
                  bx, by);

  /* A halo in the background colour keeps the line visible over text. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 5.5);
  set_color (cr, &colors->bg, 0.8);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2.5);
  set_color (cr, &colors->line, 0.9);
  cairo_stroke (cr);

  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - ux * HEAD_LENGTH - uy * HEAD_WIDTH, ey - uy * HEAD_LENGTH + ux * HEAD_WIDTH);
  cairo_line_to (cr, ex - ux * HEAD_LENGTH + uy * HEAD_WIDTH, ey - uy * HEAD_LENGTH - ux * HEAD_WIDTH);
  cairo_close_path (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, &colors->bg, 0.8);
  cairo_stroke_preserve (cr);
  set_color (cr, &colors->line, 1);
  cairo_fill (cr);
}

static void
draw_dot (cairo_t      *cr,
          const Colors *colors,
          const Dot    *dot,
          gboolean      latest)
{
  double w, h;

  cairo_new_path (cr);
  cairo_arc (cr, dot->x, dot->y, DOT_RADIUS, 0, 2 * G_PI);
  set_color (cr, &colors->dot, 1);
  cairo_fill_preserve (cr);
  /* The latest placement gets a bolder rim: it is where the initiative is. */
  cairo_set_line_width (cr, latest ? 3 : 1.5);
  if (latest)
    set_color (cr, &colors->fg, 0.9);
  else
    set_color (cr, &colors->bg, 0.9);
  cairo_stroke (cr);

  layout_size (dot->number, &w, &h);
  set_color (cr, &colors->on_dot, 1);
  cairo_move_to (cr, dot->x - w / 2, dot->y - h / 2);
  pango_cairo_show_layout (cr, dot->number);

  layout_size (dot->date, &w, &h);
  cairo_new_path (cr);
  cairo_rectangle (cr, dot->x - w / 2 - 3, dot->y + DOT_RADIUS + LABEL_GAP, w + 6, h);
  set_color (cr, &colors->bg, 0.85);
  cairo_fill (cr);
  set_color (cr, &colors->fg, 1);
  cairo_move_to (cr, dot->x - w / 2, dot->y + DOT_RADIUS + LABEL_GAP);
  pango_cairo_show_layout (cr, dot->date);
}

/* A faint dashed ring around the target, and a dashed line to it from
 * where the initiative is now: the cell itself already says "Target". */
static void
draw_target (TandemTrajectory      *self,
             cairo_t               *cr,
             const Colors          *colors,
             const graphene_rect_t *bounds,
             const Dot             *dots,
             guint                  n)
{
  static const double dashes[] = { 4, 4 };
  guint target = (self->target_row - 1) * TANDEM_MATRIX_SIZE + (self->target_col - 1);
  double cx = bounds->origin.x + bounds->size.width / 2;
  double cy = bounds->origin.y + bounds->size.height / 2;
  double radius = 2 * DOT_RADIUS;
  double limit = MIN (bounds->size.width, bounds->size.height) / 2 - 3;

  for (guint i = 0; i < n; i++)
    if (dots[i].placed && dots[i].cell == target)
      radius = MAX (radius, hypot (dots[i].x - cx, dots[i].y - cy) + DOT_RADIUS + 6);
  radius = MAX (MIN (radius, limit), DOT_RADIUS);

  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 1.5);
  set_color (cr, &colors->line, 0.5);

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (n > 0 && dots[n - 1].placed && dots[n - 1].cell != target)
    {
      double ux, uy;

      unit (cx - dots[n - 1].x, cy - dots[n - 1].y, &ux, &uy);
      cairo_move_to (cr, dots[n - 1].x + ux * (DOT_RADIUS + 3), dots[n - 1].y + uy * (DOT_RADIUS + 3));
      cairo_line_to (cr, cx - ux * radius, cy - uy * radius);
      set_color (cr, &colors->line, 0.4);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* Where the stakeholder groups placed the initiative in its latest
 * assessment, when they see it differently from the agreed cell: a small
 * lettered tag in each of their cells, joined to the agreed point, so the
 * spread of opinion shows on the grid itself. */
static void
draw_spread (TandemTrajectory      *self,
             cairo_t               *cr,
             const Colors          *colors,
             const graphene_rect_t *bounds,
             const gboolean        *on_screen,
             const Dot             *latest)
{
  /* Translators: one-letter tags for commissioners, frontline staff,
   * service users and the community, drawn on the grid */
  const char *tags[TANDEM_N_STAKEHOLDERS] = { C_("stakeholder", "C"), C_("stakeholder", "S"),
                                              C_("stakeholder", "U"), C_("stakeholder", "P") };
  TandemAssessment *assessment = g_ptr_array_index (self->assessments, self->assessments->len - 1);
  static const double dashes[] = { 2, 3 };

  for (guint s = 0; s < TANDEM_N_STAKEHOLDERS; s++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      guint row, col, cell;
      double x, y, w, h;

      if (!tandem_assessment_get_placement (assessment, s, &row, &col))
        continue;

      cell = (row - 1) * TANDEM_MATRIX_SIZE + (col - 1);
      if (!on_screen[cell])
        continue;

      /* Tags line up along the bottom of the cell, one slot a group. */
      x = bounds[cell].origin.x + bounds[cell].size.width * (s + 1) / (TANDEM_N_STAKEHOLDERS + 1);
      y = bounds[cell].origin.y + bounds[cell].size.height - 48;

      if (latest->placed)
        {
          cairo_save (cr);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_set_line_width (cr, 1);
          set_color (cr, &colors->line, 0.45);
          cairo_move_to (cr, latest->x, latest->y);
          cairo_line_to (cr, x, y);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      layout = make_layout (self, tags[s], 0.75, TRUE);
      layout_size (layout, &w, &h);
      cairo_rectangle (cr, x - 8, y - 8, 16, 16);
      set_color (cr, &colors->line, 1.0);
      cairo_fill (cr);
      set_color (cr, &colors->on_dot, 1.0);
      cairo_move_to (cr, x - w / 2, y - h / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
tandem_trajectory_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TandemTrajectory *self = TANDEM_TRAJECTORY (widget);
  graphene_rect_t bounds[TANDEM_N_CELLS];
  gboolean on_screen[TANDEM_N_CELLS] = { FALSE, };
  guint n = self->assessments ? self->assessments->len : 0;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree Dot *dots = NULL;
  Colors colors;
  cairo_t *cr;

  if (self->view == NULL || width <= 0 || height <= 0 || (n == 0 && !has_target (self)))
    return;

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        guint i = (row - 1) * TANDEM_MATRIX_SIZE + (col - 1);
        GtkWidget *cell = GTK_WIDGET (tandem_matrix_view_get_cell (self->view, row, col));

        on_screen[i] = cell != NULL &&
                       gtk_widget_get_mapped (cell) &&
                       gtk_widget_compute_bounds (cell, widget, &bounds[i]);
      }

  dots = g_new0 (Dot, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      dots[i].cell = cell_index (g_ptr_array_index (self->assessments, i));
      dots[i].number = make_layout (self, number, 0.8, TRUE);
      dots[i].date = make_layout (self, g_ptr_array_index (self->date_labels, i), 0.75, FALSE);
    }

  for (guint cell = 0; cell < TANDEM_N_CELLS; cell++)
    if (on_screen[cell])
      place_dots (dots, n, cell, &bounds[cell]);

  lookup_colors (self, &colors);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (has_target (self))
    {
      guint target = (self->target_row - 1) * TANDEM_MATRIX_SIZE + (self->target_col - 1);

      if (on_screen[target])
        draw_target (self, cr, &colors, &bounds[target], dots, n);
    }

  /* Arrows first, so the dots and dates sit on top of them. */
  for (guint i = 1; i < n; i++)
    if (dots[i].cell != dots[i - 1].cell && dots[i].placed && dots[i - 1].placed)
      draw_arrow (cr, &colors, dots[i - 1].x, dots[i - 1].y, dots[i].x, dots[i].y);

  if (n > 0)
    draw_spread (self, cr, &colors, bounds, on_screen, &dots[n - 1]);

  for (guint i = 0; i < n; i++)
    if (dots[i].placed)
      draw_dot (cr, &colors, &dots[i], i == n - 1);

  cairo_destroy (cr);

  for (guint i = 0; i < n; i++)
    {
      g_object_unref (dots[i].number);
      g_object_unref (dots[i].date);
    }
}

/* ---- Following the grid ----------------------------------------------------- */

/* The overlay allocates us afresh whenever the grid below is laid out
 * again, but if our own size did not change GTK would not redraw us even
 * though the cells may have moved.  The overlay asks where to put us on
 * every allocation, which is exactly when to redraw. */
static gboolean
get_child_position_cb (GtkOverlay       *overlay,
                       GtkWidget        *widget,
                       GdkRectangle     *allocation,
                       TandemTrajectory *self)
{
  if (widget == GTK_WIDGET (self))
    gtk_widget_queue_draw (widget);

  return FALSE;  /* the overlay's own placement: all of it */
}

static void
parent_changed_cb (TandemTrajectory *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->overlay != NULL)
    g_clear_signal_handler (&self->position_handler, self->overlay);
  g_clear_weak_pointer (&self->overlay);

  if (GTK_IS_OVERLAY (parent))
    {
      g_set_weak_pointer (&self->overlay, parent);
      self->position_handler = g_signal_connect (parent, "get-child-position",
                                                 G_CALLBACK (get_child_position_cb), self);
    }
}

static void
tandem_trajectory_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tandem_trajectory_parent_class)->css_changed (widget, change);

  /* Named colours are looked up while drawing, so light/dark switches
   * need a fresh snapshot. */
  gtk_widget_queue_draw (widget);
}

static void
tandem_trajectory_dispose (GObject *object)
{
  TandemTrajectory *self = (TandemTrajectory *)object;

  if (self->overlay != NULL)
    g_clear_signal_handler (&self->position_handler, self->overlay);
  g_clear_weak_pointer (&self->overlay);
  g_clear_weak_pointer (&self->view);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_trajectory_parent_class)->dispose (object);
}

static void
tandem_trajectory_finalize (GObject *object)
{
  TandemTrajectory *self = (TandemTrajectory *)object;

  g_ptr_array_unref (self->date_labels);
  g_free (self->description);

  G_OBJECT_CLASS (tandem_trajectory_parent_class)->finalize (object);
}

static void
tandem_trajectory_class_init (TandemTrajectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_trajectory_dispose;
  object_class->finalize = tandem_trajectory_finalize;

  widget_class->snapshot = tandem_trajectory_snapshot;
  widget_class->css_changed = tandem_trajectory_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trajectory");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_trajectory_init (TandemTrajectory *self)
{
  self->date_labels = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);

  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey across the matrix"),
                                  -1);
  update_text (self);
}

GtkWidget *
tandem_trajectory_new (void)
{
  return g_object_new (TANDEM_TYPE_TRAJECTORY, NULL);
}

/**
 * tandem_trajectory_set_matrix_view:
 *
 * Sets the matrix view whose cells the journey is drawn over.  The view is
 * not referenced.
 */
void
tandem_trajectory_set_matrix_view (TandemTrajectory *self,
                                   TandemMatrixView *view)
{
  g_return_if_fail (TANDEM_IS_TRAJECTORY (self));
  g_return_if_fail (view == NULL || TANDEM_IS_MATRIX_VIEW (view));

  if (g_set_weak_pointer (&self->view, view))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_trajectory_set_journey:
 * @assessments: (nullable) (element-type TandemAssessment): oldest first
 * @target_row: the target cell's row, or 0 for none
 * @target_col: the target cell's column, or 0 for none
 *
 * Shows @assessments (which is referenced, not copied) and the target.
 */
void
tandem_trajectory_set_journey (TandemTrajectory *self,
                               GPtrArray        *assessments,
                               guint             target_row,
                               guint             target_col)
{
  g_return_if_fail (TANDEM_IS_TRAJECTORY (self));

  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      TandemAssessment *a = g_ptr_array_index (assessments, i);

      g_return_if_fail (TANDEM_IS_ASSESSMENT (a));
      g_return_if_fail (tandem_cell_is_valid (tandem_assessment_get_row (a), tandem_assessment_get_col (a)));
    }

  if (assessments != NULL)
    g_ptr_array_ref (assessments);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  self->assessments = assessments;

  if (tandem_cell_is_valid (target_row, target_col))
    {
      self->target_row = target_row;
      self->target_col = target_col;
    }
  else
    self->target_row = self->target_col = 0;

  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tandem_trajectory_get_n_arrows:
 *
 * Returns: how many moves between consecutive assessments changed cell
 */
guint
tandem_trajectory_get_n_arrows (TandemTrajectory *self)
{
  g_return_val_if_fail (TANDEM_IS_TRAJECTORY (self), 0);

  return self->n_arrows;
}

/**
 * tandem_trajectory_get_description:
 *
 * Returns: the journey in words, as given to screen readers
 */
const char *
tandem_trajectory_get_description (TandemTrajectory *self)
{
  g_return_val_if_fail (TANDEM_IS_TRAJECTORY (self), NULL);

  return self->description;
}

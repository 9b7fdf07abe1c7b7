/* tandem-timeline.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tandem-timeline.h"

/* One initiative's journey over time, on a shared date axis: its distance
 * from full co-production as a stepped line (the top line is the goal), its
 * readiness stage on a small band below, and one sparkline per outcome
 * indicator.  Everything it shows is also in a plain-text table, which is
 * its accessible description and can be shown instead of the drawing. */

#define PAD               8.0
#define GAP               6.0   /* between the gutter labels and the plot */
#define DOT_RADIUS        4.0
#define DIST_STEP        28.0   /* between distances 0, 1 and 2 */
#define STAGE_STEP        9.0   /* between stages 1 to 4 */
#define BAND_GAP         20.0
#define INDICATOR_HEIGHT 60.0
#define MIN_SPAN_DAYS    30     /* so that a single date still has room */

struct _TandemTimeline
{
  GtkWidget     parent_instance;

  GPtrArray    *assessments;  /* TandemAssessment, oldest first */
  GPtrArray    *indicators;   /* TandemIndicator */
  TandemMatrix *matrix;
  char         *text;
};

enum {
  PROP_0,
  PROP_TEXT_ALTERNATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemTimeline, tandem_timeline, GTK_TYPE_WIDGET)

typedef struct
{
  double  th;          /* height of a line of small text */
  double  dist_top;    /* y of distance 0; distance d is DIST_STEP * d lower */
  double  stage_top;   /* y of stage 4; stage s is STAGE_STEP * (4 - s) lower */
  double  ind_top;     /* top of the first indicator's sparkline */
  double  axis_top;    /* top of the year labels */
  double  height;

  double  gutter;      /* width of the labels on the left */
  double  x0;          /* the plot, left to right */
  double  x1;
  guint32 start;       /* Julian days at x0 and x1 */
  guint32 end;
  guint32 today;
} Layout;

/* ---- Dates and numbers ------------------------------------------------------- */

/* The Julian day of a YYYY-MM-DD date, or 0 if it is not one. */
static guint32
date_to_julian (const char *date)
{
  GDate parsed;
  guint year, month, day;

  if (date == NULL ||
      sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&parsed, 1);
  g_date_set_dmy (&parsed, day, month, year);

  return g_date_get_julian (&parsed);
}

static guint32
year_to_julian (guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);

  return g_date_get_julian (&date);
}

static guint
julian_to_year (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_year (&date);
}

/* Readings in the user's locale, with no trailing zeros. */
static char *
format_value (double value)
{
  return g_strdup_printf ("%.6g", value);
}

/* ---- Text alternative ---------------------------------------------------------- */

static void
append_assessment (TandemTimeline   *self,
                   GString          *text,
                   TandemAssessment *assessment)
{
  guint row = tandem_assessment_get_row (assessment);
  guint col = tandem_assessment_get_col (assessment);
  TandemStage stage = tandem_assessment_get_stage (assessment);
  const char *stage_label = stage != TANDEM_STAGE_NONE ? tandem_stage_get_label (stage)
                                                       : _("no stage recorded");
  const char *cell_label = NULL;
  guint distance = 0;

  if (tandem_cell_is_valid (row, col))
    {
      distance = tandem_cell_distance (row, col);
      if (self->matrix != NULL)
        cell_label = tandem_matrix_get_cell_label (self->matrix, row, col);
    }

  if (cell_label != NULL)
    /* Translators: date, cell, cell name, distance from full co-production, readiness stage */
    g_string_append_printf (text, _("%s  %u,%u  %s  distance %u  %s"),
                            tandem_assessment_get_date (assessment), row, col, cell_label,
                            distance, stage_label);
  else
    /* Translators: date, cell, distance from full co-production, readiness stage */
    g_string_append_printf (text, _("%s  %u,%u  distance %u  %s"),
                            tandem_assessment_get_date (assessment), row, col,
                            distance, stage_label);
  g_string_append_c (text, '\n');
}

static void
append_indicator (GString         *text,
                  TandemIndicator *indicator)
{
  const char *unit = tandem_indicator_get_unit (indicator);
  guint n = tandem_indicator_get_n_readings (indicator);
  double baseline, target;
  gboolean has_baseline = tandem_indicator_get_baseline (indicator, &baseline);
  gboolean has_target = tandem_indicator_get_target (indicator, &target);

  if (unit != NULL && unit[0] != '\0')
    g_string_append_printf (text, "%s (%s):", tandem_indicator_get_name (indicator), unit);
  else
    g_string_append_printf (text, "%s:", tandem_indicator_get_name (indicator));

  if (n == 0)
    g_string_append_printf (text, " %s", _("no readings yet"));

  for (guint i = 0; i < n; i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (indicator, i);
      g_autofree char *value = format_value (reading->value);

      g_string_append_printf (text, "%s %s %s", i > 0 ? ";" : "", reading->date, value);
    }

  if (has_baseline)
    {
      g_autofree char *value = format_value (baseline);

      g_string_append (text, "; ");
      g_string_append_printf (text, _("baseline %s"), value);
    }

  if (has_target)
    {
      g_autofree char *value = format_value (target);

      g_string_append (text, "; ");
      g_string_append_printf (text, _("target %s"), value);
    }

  g_string_append_c (text, '\n');
}

static void
rebuild_text (TandemTimeline *self)
{
  GString *text = g_string_new (NULL);
  guint n_assessments = self->assessments ? self->assessments->len : 0;
  guint n_indicators = self->indicators ? self->indicators->len : 0;

  if (n_assessments == 0)
    g_string_append_printf (text, "%s\n", _("No assessments yet."));

  for (guint i = 0; i < n_assessments; i++)
    append_assessment (self, text, g_ptr_array_index (self->assessments, i));

  if (n_indicators > 0)
    g_string_append_c (text, '\n');

  for (guint i = 0; i < n_indicators; i++)
    append_indicator (text, g_ptr_array_index (self->indicators, i));

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  if (g_strcmp0 (text->str, self->text) == 0)
    {
      g_string_free (text, TRUE);
      return;
    }

  g_free (self->text);
  self->text = g_string_free (text, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_ALTERNATIVE]);
}

/* ---- Layout ------------------------------------------------------------------------ */

static PangoLayout *
create_small_layout (TandemTimeline *self,
                     const char     *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
measure_text (TandemTimeline *self,
              const char     *text,
              int            *width,
              int            *height)
{
  g_autoptr(PangoLayout) layout = create_small_layout (self, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static guint
n_indicators (TandemTimeline *self)
{
  return self->indicators ? self->indicators->len : 0;
}

static void
compute_heights (TandemTimeline *self,
                 Layout         *l)
{
  int text_height;

  measure_text (self, "0123456789", NULL, &text_height);

  l->th = text_height;
  l->dist_top = round (PAD + l->th / 2) + 0.5;
  l->stage_top = l->dist_top + 2 * DIST_STEP + BAND_GAP;
  l->ind_top = l->stage_top + 3 * STAGE_STEP + 14;
  l->axis_top = l->ind_top + n_indicators (self) * INDICATOR_HEIGHT + 2;
  l->height = l->axis_top + l->th + PAD;
}

static void
widen_range (guint32    julian,
             guint32   *lo,
             guint32   *hi)
{
  if (julian == 0)
    return;

  *lo = MIN (*lo, julian);
  *hi = MAX (*hi, julian);
}

/* From the first date shown to the later of today and the last one. */
static gboolean
compute_range (TandemTimeline *self,
               Layout         *l)
{
  g_autofree char *today = tandem_date_today ();
  guint32 lo = G_MAXUINT32;
  guint32 hi = 0;

  for (guint i = 0; self->assessments && i < self->assessments->len; i++)
    widen_range (date_to_julian (tandem_assessment_get_date (g_ptr_array_index (self->assessments, i))),
                 &lo, &hi);

  for (guint i = 0; i < n_indicators (self); i++)
    {
      TandemIndicator *indicator = g_ptr_array_index (self->indicators, i);

      for (guint j = 0; j < tandem_indicator_get_n_readings (indicator); j++)
        widen_range (date_to_julian (tandem_indicator_get_reading (indicator, j)->date), &lo, &hi);
    }

  if (hi == 0)
    return FALSE;

  l->today = date_to_julian (today);
  hi = MAX (hi, l->today);

  if (hi - lo < MIN_SPAN_DAYS)
    {
      guint32 extra = MIN_SPAN_DAYS - (hi - lo);

      lo -= MIN (lo - 1, extra / 2);
      hi += extra - extra / 2;
    }

  l->start = lo;
  l->end = hi;

  return TRUE;
}

static gboolean
compute_layout (TandemTimeline *self,
                int             width,
                Layout         *l)
{
  const char *gutter_labels[] = {
    _("Full co-production"), _("1 step away"), _("2 steps away"), _("Readiness stage"),
  };
  int widest = 0;

  compute_heights (self, l);

  if (!compute_range (self, l))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (gutter_labels); i++)
    {
      int label_width;

      measure_text (self, gutter_labels[i], &label_width, NULL);
      widest = MAX (widest, label_width);
    }

  l->gutter = MIN (PAD + widest + GAP, width * 0.4);
  l->x0 = l->gutter + DOT_RADIUS;
  l->x1 = MAX (l->x0 + 1, width - PAD - DOT_RADIUS);

  return TRUE;
}

static double
x_of (const Layout *l,
      guint32       julian)
{
  return l->x0 + ((double) julian - l->start) / ((double) l->end - l->start) * (l->x1 - l->x0);
}

static double
y_of_distance (const Layout *l,
               guint         distance)
{
  return l->dist_top + distance * DIST_STEP;
}

static double
y_of_stage (const Layout *l,
            TandemStage   stage)
{
  return l->stage_top + (TANDEM_STAGE_FULL_CO_PRODUCTION - stage) * STAGE_STEP;
}

/* ---- Drawing ---------------------------------------------------------------------- */

static void
set_colour (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

/* Small text with its box placed at (@x, @y) by @xalign and @yalign;
 * @max_width (if > 0) ellipsizes it. */
static void
show_text (TandemTimeline *self,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          xalign,
           double          yalign,
           double          max_width)
{
  g_autoptr(PangoLayout) layout = create_small_layout (self, text);
  int width, height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, round (x - width * xalign), round (y - height * yalign));
  pango_cairo_show_layout (cr, layout);
}

static void
dot (cairo_t *cr,
     double   x,
     double   y,
     double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y)
{
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* A faint line at each new year, labelled below, skipping labels that
 * would not fit. */
static void
draw_years (TandemTimeline *self,
            cairo_t        *cr,
            const Layout   *l,
            int             width,
            const GdkRGBA  *fg)
{
  guint first = julian_to_year (l->start);
  guint last = julian_to_year (l->end);
  double per_year = (l->x1 - l->x0) * 365.25 / ((double) l->end - l->start);
  gboolean labelled = FALSE;
  int label_width;
  guint every;

  measure_text (self, "0000", &label_width, NULL);
  every = MAX (1, (guint) ceil ((label_width + 12) / per_year));

  cairo_set_line_width (cr, 1);

  for (guint year = first + 1; year <= last; year++)
    {
      double x = round (x_of (l, year_to_julian (year))) + 0.5;
      g_autofree char *label = NULL;

      set_colour (cr, fg, 0.12);
      cairo_move_to (cr, x, l->dist_top - l->th / 2);
      cairo_line_to (cr, x, l->axis_top);
      cairo_stroke (cr);

      if (year % every != 0)
        continue;

      label = g_strdup_printf ("%u", year);
      set_colour (cr, fg, 0.7);
      show_text (self, cr, label,
                 CLAMP (x, label_width / 2.0, width - label_width / 2.0), l->axis_top, 0.5, 0, 0);
      labelled = TRUE;
    }

  /* Within one year, say which. */
  if (!labelled)
    {
      g_autofree char *label = g_strdup_printf ("%u", first);

      set_colour (cr, fg, 0.7);
      show_text (self, cr, label, l->x0, l->axis_top, 0, 0, 0);
    }
}

static void
draw_distance (TandemTimeline *self,
               cairo_t        *cr,
               const Layout   *l,
               const GdkRGBA  *fg,
               const GdkRGBA  *accent)
{
  const char *labels[] = { _("Full co-production"), _("1 step away"), _("2 steps away") };
  gboolean started = FALSE;
  double last_x = 0, last_y = 0;
  guint32 last_julian = 0;

  cairo_set_line_width (cr, 1);
  for (guint d = 0; d < G_N_ELEMENTS (labels); d++)
    {
      if (d == 0)
        set_colour (cr, accent, 0.5);
      else
        set_colour (cr, fg, 0.15);
      hline (cr, l->x0, l->x1, y_of_distance (l, d));

      set_colour (cr, fg, d == 0 ? 0.9 : 0.7);
      show_text (self, cr, labels[d], PAD, y_of_distance (l, d), 0, 0.5, l->gutter - PAD - GAP);
    }

  if (self->assessments == NULL)
    return;

  /* Where an initiative stands holds until its next assessment: steps. */
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_colour (cr, accent, 1);
  for (guint i = 0; i < self->assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (self->assessments, i);
      guint row = tandem_assessment_get_row (assessment);
      guint col = tandem_assessment_get_col (assessment);
      guint32 julian = date_to_julian (tandem_assessment_get_date (assessment));
      double x, y;

      if (julian == 0 || !tandem_cell_is_valid (row, col))
        continue;

      x = x_of (l, julian);
      y = y_of_distance (l, tandem_cell_distance (row, col));

      if (!started)
        cairo_move_to (cr, x, y);
      else
        {
          cairo_line_to (cr, x, last_y);
          cairo_line_to (cr, x, y);
        }

      started = TRUE;
      last_x = x;
      last_y = y;
      last_julian = julian;
    }

  if (!started)
    return;

  cairo_stroke (cr);

  /* Until today it still stands there, as far as anyone knows. */
  if (l->today > last_julian)
    {
      const double dashes[] = { 4, 3 };

      set_colour (cr, accent, 0.6);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      hline (cr, last_x, x_of (l, l->today), last_y);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  set_colour (cr, accent, 1);
  for (guint i = 0; i < self->assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (self->assessments, i);
      guint row = tandem_assessment_get_row (assessment);
      guint col = tandem_assessment_get_col (assessment);
      guint32 julian = date_to_julian (tandem_assessment_get_date (assessment));

      if (julian != 0 && tandem_cell_is_valid (row, col))
        dot (cr, x_of (l, julian), y_of_distance (l, tandem_cell_distance (row, col)), DOT_RADIUS);
    }
}

static void
draw_stage (TandemTimeline *self,
            cairo_t        *cr,
            const Layout   *l,
            const GdkRGBA  *fg)
{
  TandemStage previous = TANDEM_STAGE_NONE;
  gboolean started = FALSE;
  double last_y = 0;

  cairo_set_line_width (cr, 1);
  set_colour (cr, fg, 0.1);
  for (TandemStage s = TANDEM_STAGE_ACTIVE_INVOLVEMENT; s <= TANDEM_STAGE_FULL_CO_PRODUCTION; s++)
    hline (cr, l->x0, l->x1, y_of_stage (l, s));

  set_colour (cr, fg, 0.7);
  show_text (self, cr, _("Readiness stage"), PAD,
             (y_of_stage (l, TANDEM_STAGE_FULL_CO_PRODUCTION) + y_of_stage (l, TANDEM_STAGE_ACTIVE_INVOLVEMENT)) / 2,
             0, 0.5, l->gutter - PAD - GAP);

  if (self->assessments == NULL)
    return;

  /* The line breaks where an assessment recorded no stage. */
  cairo_set_line_width (cr, 1.5);
  set_colour (cr, fg, 0.75);
  for (guint i = 0; i < self->assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (self->assessments, i);
      TandemStage stage = tandem_assessment_get_stage (assessment);
      guint32 julian = date_to_julian (tandem_assessment_get_date (assessment));
      double x, y;

      if (julian == 0)
        continue;

      if (stage == TANDEM_STAGE_NONE)
        {
          started = FALSE;
          continue;
        }

      x = x_of (l, julian);
      y = y_of_stage (l, stage);

      if (!started)
        cairo_move_to (cr, x, y);
      else
        {
          cairo_line_to (cr, x, last_y);
          cairo_line_to (cr, x, y);
        }

      started = TRUE;
      last_y = y;
    }
  cairo_stroke (cr);

  /* Dots, numbered where the stage changes so the band stays readable. */
  for (guint i = 0; i < self->assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (self->assessments, i);
      TandemStage stage = tandem_assessment_get_stage (assessment);
      guint32 julian = date_to_julian (tandem_assessment_get_date (assessment));
      double x, y;

      if (julian == 0 || stage == TANDEM_STAGE_NONE)
        continue;

      x = x_of (l, julian);
      y = y_of_stage (l, stage);
      set_colour (cr, fg, 0.85);
      dot (cr, x, y, 3);

      if (stage != previous)
        {
          g_autofree char *number = g_strdup_printf ("%d", (int) stage);

          show_text (self, cr, number, x + 3, y - 2, 0, 1, 0);
        }

      previous = stage;
    }
}

static void
draw_reference (TandemTimeline *self,
                cairo_t        *cr,
                const Layout   *l,
                const GdkRGBA  *colour,
                gboolean        is_target,
                double          value,
                double          y,
                double          yalign)
{
  const double dashes[] = { 4, 3 };
  g_autofree char *number = format_value (value);
  g_autofree char *label = is_target ? g_strdup_printf (_("target %s"), number)
                                     : g_strdup_printf (_("baseline %s"), number);

  set_colour (cr, colour, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  hline (cr, l->x0, l->x1, round (y) + 0.5);
  cairo_set_dash (cr, NULL, 0, 0);

  show_text (self, cr, label, l->x1, yalign > 0.5 ? y - 1 : y + 1, 1, yalign, 0);
}

static void
draw_indicator (TandemTimeline  *self,
                cairo_t         *cr,
                const Layout    *l,
                guint            index,
                const GdkRGBA   *fg,
                const GdkRGBA   *accent,
                const GdkRGBA   *success)
{
  TandemIndicator *indicator = g_ptr_array_index (self->indicators, index);
  const char *unit = tandem_indicator_get_unit (indicator);
  guint n = tandem_indicator_get_n_readings (indicator);
  double top = l->ind_top + index * INDICATOR_HEIGHT;
  double plot_top = top + l->th + 6;
  double plot_bottom = top + INDICATOR_HEIGHT - 8;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  double baseline, target;
  gboolean has_baseline = tandem_indicator_get_baseline (indicator, &baseline);
  gboolean has_target = tandem_indicator_get_target (indicator, &target);
  g_autofree char *title = NULL;
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;
  gboolean started = FALSE;

  if (unit != NULL && unit[0] != '\0')
    title = g_strdup_printf ("%s (%s)", tandem_indicator_get_name (indicator), unit);
  else
    title = g_strdup (tandem_indicator_get_name (indicator));

  set_colour (cr, fg, 0.9);
  show_text (self, cr, title, l->x0, top, 0, 0, l->x1 - l->x0);

  for (guint i = 0; i < n; i++)
    {
      double value = tandem_indicator_get_reading (indicator, i)->value;

      lo = MIN (lo, value);
      hi = MAX (hi, value);
    }
  if (has_baseline)
    {
      lo = MIN (lo, baseline);
      hi = MAX (hi, baseline);
    }
  if (has_target)
    {
      lo = MIN (lo, target);
      hi = MAX (hi, target);
    }

  if (lo > hi)
    {
      set_colour (cr, fg, 0.55);
      show_text (self, cr, _("No readings yet"), l->x0, (plot_top + plot_bottom) / 2, 0, 0.5, 0);
      return;
    }

  /* A flat series sits in the middle rather than on an edge. */
  if (hi - lo < 1e-9)
    {
      double pad = MAX (fabs (hi) * 0.1, 1.0);

      lo -= pad;
      hi += pad;
    }

#define Y_OF(v) (plot_bottom - ((v) - lo) / (hi - lo) * (plot_bottom - plot_top))

  set_colour (cr, fg, 0.15);
  cairo_set_line_width (cr, 1);
  hline (cr, l->x0, l->x1, round (plot_bottom) + 0.5);

  lo_text = format_value (lo);
  hi_text = format_value (hi);
  set_colour (cr, fg, 0.6);
  show_text (self, cr, hi_text, l->gutter - GAP, plot_top, 1, 0.5, 0);
  show_text (self, cr, lo_text, l->gutter - GAP, plot_bottom, 1, 0.5, 0);

  if (has_baseline)
    draw_reference (self, cr, l, fg, FALSE, baseline, Y_OF (baseline), 0);
  if (has_target)
    draw_reference (self, cr, l, success, TRUE, target, Y_OF (target), 1);

  set_colour (cr, accent, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (indicator, i);
      guint32 julian = date_to_julian (reading->date);

      if (julian == 0)
        continue;

      if (!started)
        cairo_move_to (cr, x_of (l, julian), Y_OF (reading->value));
      else
        cairo_line_to (cr, x_of (l, julian), Y_OF (reading->value));
      started = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const TandemReading *reading = tandem_indicator_get_reading (indicator, i);
      guint32 julian = date_to_julian (reading->date);

      if (julian != 0)
        dot (cr, x_of (l, julian), Y_OF (reading->value), 2.5);
    }

#undef Y_OF
}

static void
draw (TandemTimeline *self,
      cairo_t        *cr,
      int             width,
      int             height)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent, success;
  Layout l;

  /* Theme colours, so that light, dark and high contrast all work. */
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "success_color", &success))
    success = fg;

  if (!compute_layout (self, width, &l))
    {
      set_colour (cr, &fg, 0.55);
      show_text (self, cr, _("No assessments or readings yet"), width / 2.0, height / 2.0, 0.5, 0.5, 0);
      return;
    }

  draw_years (self, cr, &l, width, &fg);
  draw_distance (self, cr, &l, &fg, &accent);
  draw_stage (self, cr, &l, &fg);
  for (guint i = 0; i < n_indicators (self); i++)
    draw_indicator (self, cr, &l, i, &fg, &accent, &success);
}

/* ---- GtkWidget ---------------------------------------------------------------------- */

static void
tandem_timeline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TandemTimeline *self = TANDEM_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
tandem_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TandemTimeline *self = TANDEM_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 480;
    }
  else
    {
      Layout l;

      compute_heights (self, &l);
      *minimum = *natural = (int) ceil (l.height);
    }
}

/* The colours come from the theme: follow it when it changes. */
static void
tandem_timeline_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tandem_timeline_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
tandem_timeline_dispose (GObject *object)
{
  TandemTimeline *self = (TandemTimeline *)object;

  tandem_timeline_set_matrix (self, NULL);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (tandem_timeline_parent_class)->dispose (object);
}

static void
tandem_timeline_finalize (GObject *object)
{
  TandemTimeline *self = (TandemTimeline *)object;

  g_free (self->text);

  G_OBJECT_CLASS (tandem_timeline_parent_class)->finalize (object);
}

static void
tandem_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TandemTimeline *self = TANDEM_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_TEXT_ALTERNATIVE:
      g_value_set_string (value, tandem_timeline_get_text_alternative (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_timeline_class_init (TandemTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_timeline_dispose;
  object_class->finalize = tandem_timeline_finalize;
  object_class->get_property = tandem_timeline_get_property;

  widget_class->snapshot = tandem_timeline_snapshot;
  widget_class->measure = tandem_timeline_measure;
  widget_class->css_changed = tandem_timeline_css_changed;

  /**
   * TandemTimeline:text-alternative:
   *
   * Everything the timeline shows, as a plain-text table.
   */
  properties[PROP_TEXT_ALTERNATIVE] =
    g_param_spec_string ("text-alternative", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_timeline_init (TandemTimeline *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  rebuild_text (self);
}

/* ---- Public API ---------------------------------------------------------------------- */

GtkWidget *
tandem_timeline_new (void)
{
  return g_object_new (TANDEM_TYPE_TIMELINE, NULL);
}

/**
 * tandem_timeline_set_data:
 * @assessments: (nullable) (element-type TandemAssessment): oldest first
 * @indicators: (nullable) (element-type TandemIndicator): outcome indicators
 *
 * Shows one initiative's assessments and indicator readings.  The arrays
 * are kept (referenced), so they must not change afterwards.
 */
void
tandem_timeline_set_data (TandemTimeline *self,
                          GPtrArray      *assessments,
                          GPtrArray      *indicators)
{
  g_return_if_fail (TANDEM_IS_TIMELINE (self));

  if (assessments != NULL)
    g_ptr_array_ref (assessments);
  if (indicators != NULL)
    g_ptr_array_ref (indicators);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->assessments = assessments;
  self->indicators = indicators;

  rebuild_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tandem_timeline_set_matrix:
 * @matrix: (nullable): the portfolio's matrix
 *
 * Lets the text alternative name each cell with the portfolio's wording.
 */
void
tandem_timeline_set_matrix (TandemTimeline *self,
                            TandemMatrix   *matrix)
{
  g_return_if_fail (TANDEM_IS_TIMELINE (self));
  g_return_if_fail (matrix == NULL || TANDEM_IS_MATRIX (matrix));

  if (self->matrix == matrix)
    return;

  if (self->matrix != NULL)
    g_signal_handlers_disconnect_by_func (self->matrix, rebuild_text, self);

  g_set_object (&self->matrix, matrix);

  if (matrix != NULL)
    g_signal_connect_swapped (matrix, "label-changed", G_CALLBACK (rebuild_text), self);

  rebuild_text (self);
}

/**
 * tandem_timeline_get_text_alternative:
 *
 * Returns: everything the timeline shows, as a plain-text table, one line
 *   per assessment and one per indicator
 */
const char *
tandem_timeline_get_text_alternative (TandemTimeline *self)
{
  g_return_val_if_fail (TANDEM_IS_TIMELINE (self), NULL);

  return self->text;
}

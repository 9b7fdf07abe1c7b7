/* tandem-report.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tandem-assessment.h"
#include "tandem-case-study.h"
#include "tandem-cell.h"
#include "tandem-error.h"
#include "tandem-indicator.h"
#include "tandem-movement.h"
#include "tandem-report.h"

/* A portfolio report as PDF, drawn with cairo alone so that the core
 * needs no GTK or Pango: the matrix with its counts, the movement over a
 * period, and a page for each initiative.  Sizes are in points. */

#define PAGE_WIDTH   595.0   /* A4 */
#define PAGE_HEIGHT  842.0
#define MARGIN        48.0
#define BODY_SIZE     10.5
#define LINE          1.45   /* line height, in font sizes */

typedef struct
{
  cairo_t *cr;
  double   y;      /* where the next line goes */
  guint    pages;
} Writer;

static void
set_font (cairo_t *cr,
          double   size,
          gboolean bold)
{
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

/* Draws @text wrapped at word boundaries to @width, from (@x, @y) down,
 * centred if asked; returns the height used. */
static double
draw_wrapped (cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      width,
              gboolean    centred)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  cairo_font_extents_t font;
  double line_height;
  double used = 0;

  cairo_font_extents (cr, &font);
  line_height = font.height;

  for (guint i = 0; words[i] != NULL || line->len > 0; i++)
    {
      g_autofree char *candidate = NULL;
      cairo_text_extents_t extents;
      gboolean flush = words[i] == NULL;

      if (!flush)
        {
          candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL) : g_strdup (words[i]);
          cairo_text_extents (cr, candidate, &extents);
          if (extents.x_advance <= width || line->len == 0)
            {
              g_string_assign (line, candidate);
              continue;
            }
          flush = TRUE;
          i--;   /* this word starts the next line */
        }

      cairo_text_extents (cr, line->str, &extents);
      cairo_move_to (cr, centred ? x + (width - extents.x_advance) / 2 : x, y + used + font.ascent);
      cairo_show_text (cr, line->str);
      used += line_height;
      g_string_truncate (line, 0);

      if (words[i] == NULL)
        break;
    }

  return used;
}

/* ---- The matrix ------------------------------------------------------------ */

/**
 * tandem_report_draw_matrix:
 * @cr: where to draw, with (0, 0) at the matrix's top left
 *
 * @counts: whether to show how many initiatives each cell holds; a blank
 *   matrix is for a workshop wall
 *
 * Draws the service-design matrix in the portfolio's wording, filling
 * @width × @height.  The full co-production cell is shaded.  Used by the
 * report, the printed sheet and the images.
 */
void
tandem_report_draw_matrix (cairo_t     *cr,
                           TandemStore *store,
                           gboolean     counts,
                           double       width,
                           double       height)
{
  TandemMatrix *matrix = tandem_store_get_matrix (store);
  double scale = MIN (width, height) / 500.0;
  double head_w = width * 0.22;
  double head_h = height * 0.16;
  double cell_w = (width - head_w) / TANDEM_MATRIX_SIZE;
  double cell_h = (height - head_h) / TANDEM_MATRIX_SIZE;
  double pad = 6 * scale;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0 * scale);

  for (guint i = 1; i <= TANDEM_MATRIX_SIZE; i++)
    {
      set_font (cr, 9 * scale, TRUE);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_wrapped (cr, tandem_matrix_get_column_heading (matrix, i),
                    head_w + (i - 1) * cell_w + pad, pad, cell_w - 2 * pad, TRUE);
      set_font (cr, 8 * scale, TRUE);
      draw_wrapped (cr, tandem_matrix_get_row_heading (matrix, i),
                    pad, head_h + (i - 1) * cell_h + pad, head_w - 2 * pad, FALSE);
    }

  for (guint row = 1; row <= TANDEM_MATRIX_SIZE; row++)
    for (guint col = 1; col <= TANDEM_MATRIX_SIZE; col++)
      {
        double x = head_w + (col - 1) * cell_w;
        double y = head_h + (row - 1) * cell_h;
        gboolean centre = row == TANDEM_FULL_COPRODUCTION_ROW && col == TANDEM_FULL_COPRODUCTION_COL;
        g_autofree char *count = g_strdup_printf ("%u", tandem_store_count_in_cell (store, row, col));
        cairo_text_extents_t extents;

        cairo_rectangle (cr, x, y, cell_w, cell_h);
        if (centre)
          cairo_set_source_rgb (cr, 0.86, 0.91, 0.98);
        else
          cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
        cairo_fill_preserve (cr);
        cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
        cairo_stroke (cr);

        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        set_font (cr, 9 * scale, centre);
        draw_wrapped (cr, tandem_matrix_get_cell_label (matrix, row, col),
                      x + pad, y + pad, cell_w - 2 * pad, TRUE);

        if (!counts)
          continue;

        set_font (cr, 22 * scale, TRUE);
        cairo_text_extents (cr, count, &extents);
        cairo_move_to (cr, x + (cell_w - extents.x_advance) / 2, y + cell_h - 2 * pad);
        cairo_show_text (cr, count);
      }

  cairo_restore (cr);
}

/* ---- Pages ----------------------------------------------------------------- */

static void
new_page (Writer *writer)
{
  if (writer->pages > 0)
    cairo_show_page (writer->cr);
  writer->pages++;
  writer->y = MARGIN;
}

static void
heading (Writer     *writer,
         const char *text,
         double      size)
{
  cairo_set_source_rgb (writer->cr, 0, 0, 0);
  set_font (writer->cr, size, TRUE);
  writer->y += draw_wrapped (writer->cr, text, MARGIN, writer->y, PAGE_WIDTH - 2 * MARGIN, FALSE);
  writer->y += size * 0.5;
}

static void
paragraph (Writer     *writer,
           const char *text)
{
  /* A long list runs on to another page. */
  if (writer->y > PAGE_HEIGHT - MARGIN - 2 * BODY_SIZE * LINE)
    new_page (writer);

  cairo_set_source_rgb (writer->cr, 0.15, 0.15, 0.15);
  set_font (writer->cr, BODY_SIZE, FALSE);
  writer->y += draw_wrapped (writer->cr, text, MARGIN, writer->y, PAGE_WIDTH - 2 * MARGIN, FALSE);
  writer->y += BODY_SIZE * (LINE - 1);
}

static void
matrix_page (Writer      *writer,
             TandemStore *store)
{
  g_autofree char *name = g_file_get_basename (tandem_store_get_file (store));
  g_autofree char *today = tandem_date_today ();
  guint n = g_list_model_get_n_items (tandem_store_get_initiatives (store));
  g_autofree char *about = NULL;
  double size = PAGE_WIDTH - 2 * MARGIN;

  new_page (writer);
  heading (writer, name, 20);
  about = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u initiative, by who designs and who delivers the service, on %s.",
                                        "%u initiatives, by who designs and who delivers the service, on %s.", n),
                           n, today);
  paragraph (writer, about);
  writer->y += BODY_SIZE;

  cairo_save (writer->cr);
  cairo_translate (writer->cr, MARGIN, writer->y);
  tandem_report_draw_matrix (writer->cr, store, TRUE, size, size);
  cairo_restore (writer->cr);
  writer->y += size + BODY_SIZE;

  paragraph (writer, _("The shaded centre cell is full co-production: professionals and the people who use "
                       "the service plan it together and deliver it together. Source of the matrix: "
                       "adapted from Bovaird, for the Carnegie Trust (2006)."));
}

static char *
cell_text (TandemStore *store,
           guint        row,
           guint        col)
{
  /* Translators: a cell of the matrix: "2,2 Full co-production" */
  return g_strdup_printf (_("%u,%u %s"), row, col,
                          tandem_matrix_get_cell_label (tandem_store_get_matrix (store), row, col));
}

static gboolean
movement_page (Writer                    *writer,
               TandemStore               *store,
               const TandemReportOptions *options,
               GError                   **error)
{
  g_autoptr(TandemMovement) movement = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  movement = tandem_store_compute_movement (store, options->from, options->to, NULL, error);
  if (movement == NULL)
    return FALSE;

  new_page (writer);
  title = g_strdup_printf (_("Movement from %s to %s"), options->from, options->to);
  heading (writer, title, 16);
  summary = g_strdup_printf (_("Closer to full co-production: %u. Further from it: %u. No nearer or further: %u. "
                               "Placed for the first time in the period: %u."),
                             movement->closer, movement->further, movement->same, movement->only_to);
  paragraph (writer, summary);
  writer->y += BODY_SIZE;

  heading (writer, _("Initiatives in each cell, then and now"), 12);
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    {
      g_autofree char *cell = cell_text (store, i / 3 + 1, i % 3 + 1);
      g_autofree char *line = g_strdup_printf (_("%s: %u then, %u now"), cell,
                                               movement->from_counts[i], movement->to_counts[i]);

      paragraph (writer, line);
    }

  writer->y += BODY_SIZE;
  heading (writer, _("Moves between cells"), 12);
  for (guint i = 0; i < TANDEM_N_CELLS; i++)
    for (guint j = 0; j < TANDEM_N_CELLS; j++)
      {
        g_autofree char *a = NULL, *b = NULL, *line = NULL;

        if (i == j || movement->flows[i][j] == 0)
          continue;

        a = cell_text (store, i / 3 + 1, i % 3 + 1);
        b = cell_text (store, j / 3 + 1, j % 3 + 1);
        line = g_strdup_printf (_("%s → %s: %u"), a, b, movement->flows[i][j]);
        paragraph (writer, line);
      }

  return TRUE;
}

static void
initiative_details (Writer           *writer,
                    TandemStore      *store,
                    TandemInitiative *initiative)
{
  const char *parts[] = {
    tandem_initiative_get_organisation (initiative),
    tandem_initiative_get_service_area (initiative),
    tandem_initiative_get_place (initiative),
  };
  g_autoptr(GString) about = g_string_new (NULL);
  g_autofree char *now = cell_text (store, tandem_initiative_get_row (initiative), tandem_initiative_get_col (initiative));
  g_autofree char *where = g_strdup_printf (_("Now: %s"), now);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (about, about->len > 0 ? " · %s" : "%s", parts[i]);
  if (about->len > 0)
    paragraph (writer, about->str);

  paragraph (writer, where);
  if (tandem_initiative_has_target (initiative))
    {
      g_autofree char *target = cell_text (store, tandem_initiative_get_target_row (initiative),
                                           tandem_initiative_get_target_col (initiative));
      const char *date = tandem_initiative_get_target_date (initiative);
      g_autofree char *line = date != NULL && date[0] != '\0'
        ? g_strdup_printf (_("Target: %s, by %s"), target, date)
        : g_strdup_printf (_("Target: %s"), target);

      paragraph (writer, line);
    }

  if (tandem_initiative_get_description (initiative) != NULL &&
      tandem_initiative_get_description (initiative)[0] != '\0')
    {
      writer->y += BODY_SIZE * 0.5;
      paragraph (writer, tandem_initiative_get_description (initiative));
    }
}

static gboolean
initiative_page (Writer           *writer,
                 TandemStore      *store,
                 TandemInitiative *initiative,
                 GError          **error)
{
  const char *uuid = tandem_initiative_get_uuid (initiative);
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) indicators = NULL;

  assessments = tandem_store_list_assessments (store, uuid, error);
  if (assessments == NULL)
    return FALSE;
  indicators = tandem_store_list_indicators (store, uuid, error);
  if (indicators == NULL)
    return FALSE;

  new_page (writer);
  heading (writer, tandem_initiative_get_title (initiative), 16);
  initiative_details (writer, store, initiative);

  writer->y += BODY_SIZE;
  heading (writer, _("Journey"), 12);
  if (assessments->len == 0)
    paragraph (writer, _("Not assessed yet."));
  for (guint i = 0; i < assessments->len; i++)
    {
      TandemAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autofree char *cell = cell_text (store, tandem_assessment_get_row (assessment),
                                         tandem_assessment_get_col (assessment));
      g_autofree char *line = g_strdup_printf ("%s  %s", tandem_assessment_get_date (assessment), cell);

      paragraph (writer, line);
    }

  if (indicators->len > 0)
    {
      writer->y += BODY_SIZE;
      heading (writer, _("Outcome indicators"), 12);
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      TandemIndicator *indicator = g_ptr_array_index (indicators, i);
      guint n = tandem_indicator_get_n_readings (indicator);
      g_autofree char *line = NULL;

      if (n > 0)
        {
          const TandemReading *latest = tandem_indicator_get_reading (indicator, n - 1);

          line = g_strdup_printf (_("%s: %g %s on %s"), tandem_indicator_get_name (indicator),
                                  latest->value, tandem_indicator_get_unit (indicator), latest->date);
        }
      else
        line = g_strdup_printf (_("%s: no readings yet"), tandem_indicator_get_name (indicator));
      paragraph (writer, line);
    }

  if (tandem_initiative_get_n_citations (initiative) > 0)
    {
      writer->y += BODY_SIZE;
      heading (writer, _("Case studies"), 12);
    }
  for (guint i = 0; i < tandem_initiative_get_n_citations (initiative); i++)
    {
      const TandemCitation *citation = tandem_initiative_get_citation (initiative, i);
      TandemCaseStudy *case_study = tandem_store_lookup_case_study (store, citation->case_id);
      g_autofree char *line = NULL;

      if (case_study == NULL)
        continue;
      line = g_strdup_printf ("%s (%s)", tandem_case_study_get_title (case_study),
                              tandem_case_study_get_place (case_study));
      paragraph (writer, line);
    }

  return TRUE;
}

/* Before each part: stop if asked to.  After it: say how far it got. */
static gboolean
part_begin (const TandemReportOptions  *options,
            GError                    **error)
{
  return !g_cancellable_set_error_if_cancelled (options->cancellable, error);
}

static void
part_done (const TandemReportOptions *options,
           guint                     *done,
           guint                      total)
{
  (*done)++;
  if (options->progress != NULL)
    options->progress (*done, total, options->progress_data);
}

/**
 * tandem_report_write_pdf:
 * @options: (nullable): the period and initiatives, and optionally a
 *   #GCancellable and a progress callback; %NULL for the matrix and every
 *   initiative
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the report to the PDF file @path.  If it fails or is cancelled
 * (%G_IO_ERROR_CANCELLED), no file is left at @path.
 */
gboolean
tandem_report_write_pdf (TandemStore               *store,
                         const TandemReportOptions *options,
                         const char                *path,
                         guint                     *n_pages,
                         GError                   **error)
{
  static const TandemReportOptions defaults = { NULL, NULL, NULL };
  GListModel *initiatives = tandem_store_get_initiatives (store);
  gboolean period;
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer writer = { 0 };
  gboolean ok = TRUE;
  guint n_initiatives;
  guint done = 0, total;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  period = options->from != NULL && options->to != NULL;
  n_initiatives = options->uuids != NULL ? options->uuids->len : g_list_model_get_n_items (initiatives);
  total = 1 + (period ? 1 : 0) + n_initiatives;

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  writer.cr = cairo_create (surface);

  ok = part_begin (options, error);
  if (ok)
    {
      matrix_page (&writer, store);
      part_done (options, &done, total);
    }

  if (ok && period)
    {
      ok = part_begin (options, error) && movement_page (&writer, store, options, error);
      if (ok)
        part_done (options, &done, total);
    }

  for (guint i = 0; ok && i < n_initiatives; i++)
    {
      g_autoptr(TandemInitiative) initiative = NULL;

      /* A UUID that is no longer in the portfolio is skipped. */
      if (options->uuids == NULL)
        initiative = g_list_model_get_item (initiatives, i);
      else
        g_set_object (&initiative, tandem_store_lookup_initiative (store, g_ptr_array_index (options->uuids, i)));

      ok = part_begin (options, error) &&
           (initiative == NULL || initiative_page (&writer, store, initiative, error));
      if (ok)
        part_done (options, &done, total);
    }

  cairo_show_page (writer.cr);
  cairo_destroy (writer.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not write the report to “%s”: %s"), path, cairo_status_to_string (status));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (path);
  else if (n_pages != NULL)
    *n_pages = writer.pages;

  return ok;
}

/* ---- The sheet ------------------------------------------------------------- */

#define A3_LONG   1190.0
#define A3_SHORT   842.0
#define PNG_WIDTH 2400

static cairo_status_t
draw_sheet (cairo_surface_t *surface,
            TandemStore     *store,
            gboolean         counts,
            double           width,
            double           height)
{
  cairo_t *cr = cairo_create (surface);
  double margin = MIN (width, height) * 0.04;
  cairo_status_t status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  tandem_report_draw_matrix (cr, store, counts, width - 2 * margin, height - 2 * margin);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

/**
 * tandem_report_write_sheet:
 * @path: the file to write; its extension picks the format: .pdf for an
 *   A3 landscape sheet to print for a workshop wall, .svg or .png for an
 *   image of the same
 * @counts: %FALSE for a blank matrix
 *
 * Returns: %TRUE if the file was written; else no file is left behind
 */
gboolean
tandem_report_write_sheet (TandemStore  *store,
                           const char   *path,
                           gboolean      counts,
                           GError      **error)
{
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (TANDEM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, A3_LONG, A3_SHORT);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, A3_LONG, A3_SHORT);
  else if (g_str_has_suffix (lower, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PNG_WIDTH, PNG_WIDTH * A3_SHORT / A3_LONG);
  else
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID,
                   _("“%s” does not end in .pdf, .svg or .png"), path);
      return FALSE;
    }

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      double width = cairo_image_surface_get_width (surface);
      double height = cairo_image_surface_get_height (surface);

      status = draw_sheet (surface, store, counts, width, height);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png (surface, path);
    }
  else
    status = draw_sheet (surface, store, counts, A3_LONG, A3_SHORT);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (path);
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* tandem-report.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tandem-store.h"

G_BEGIN_DECLS

/**
 * TandemReportProgress:
 * @done: how many of the report's parts are written
 * @total: how many parts it has: the matrix, the movement (if a period is
 *   given) and each initiative
 *
 * Called after each part, in the thread that writes the report.
 */
typedef void (*TandemReportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* What a portfolio report holds besides the matrix, and how to follow and
 * stop its writing.  Fields left out of an initializer are NULL. */
typedef struct
{
  const char           *from;           /* movement period, YYYY-MM-DD, or NULL for none */
  const char           *to;
  GPtrArray            *uuids;          /* initiatives given a page each; NULL for all */
  GCancellable         *cancellable;    /* checked before each part; NULL: runs to the end */
  TandemReportProgress  progress;       /* or NULL */
  gpointer              progress_data;
} TandemReportOptions;

void      tandem_report_draw_matrix (cairo_t                   *cr,
                                     TandemStore               *store,
                                     gboolean                   counts,
                                     double                     width,
                                     double                     height);
gboolean  tandem_report_write_pdf   (TandemStore               *store,
                                     const TandemReportOptions *options,
                                     const char                *path,
                                     guint                     *n_pages,
                                     GError                   **error);
gboolean  tandem_report_write_sheet (TandemStore               *store,
                                     const char                *path,
                                     gboolean                   counts,
                                     GError                   **error);

G_END_DECLS

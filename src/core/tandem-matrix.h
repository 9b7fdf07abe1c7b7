/* tandem-matrix.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The wording of the service-design matrix: two axis headings, three
 * column headings (design), three row headings (delivery) and nine cell
 * labels.  Each piece of text has a stable key:
 *
 *   "design-axis", "delivery-axis"
 *   "design-1" … "design-3"       column headings
 *   "delivery-1" … "delivery-3"   row headings
 *   "cell-R-C"                    the cell at ROW R, COL C
 *
 * A portfolio may reword any of them; a key that was never reworded, or was
 * reset, shows the standard wording (Bovaird, 2006).
 */

#define TANDEM_TYPE_MATRIX (tandem_matrix_get_type ())

G_DECLARE_FINAL_TYPE (TandemMatrix, tandem_matrix, TANDEM, MATRIX, GObject)

TandemMatrix        *tandem_matrix_new                  (void);
const char * const  *tandem_matrix_get_keys             (void);
gboolean             tandem_matrix_is_valid_key         (const char   *key);
const char          *tandem_matrix_get_standard_label   (const char   *key);
const char          *tandem_matrix_get_label            (TandemMatrix *self,
                                                         const char   *key);
gboolean             tandem_matrix_is_customised        (TandemMatrix *self,
                                                         const char   *key);
char                *tandem_matrix_dup_custom_label     (TandemMatrix *self,
                                                         const char   *key);
char                *tandem_matrix_cell_key             (guint         row,
                                                         guint         col);
const char          *tandem_matrix_get_cell_label       (TandemMatrix *self,
                                                         guint         row,
                                                         guint         col);
const char          *tandem_matrix_get_row_heading      (TandemMatrix *self,
                                                         guint         row);
const char          *tandem_matrix_get_column_heading   (TandemMatrix *self,
                                                         guint         col);

/* For TandemStore: changes the in-memory wording and emits ::label-changed.
 * @text NULL means the standard wording. */
void                 _tandem_matrix_set_custom_label    (TandemMatrix *self,
                                                         const char   *key,
                                                         const char   *text);

G_END_DECLS

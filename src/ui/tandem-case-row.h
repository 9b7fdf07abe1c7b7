/* tandem-case-row.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CASE_ROW (tandem_case_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemCaseRow, tandem_case_row, TANDEM, CASE_ROW, GtkWidget)

GtkWidget          *tandem_case_row_new            (void);
TandemCaseStudy    *tandem_case_row_get_case_study (TandemCaseRow   *self);
void                tandem_case_row_set_case_study (TandemCaseRow   *self,
                                                    TandemCaseStudy *case_study);

GtkListItemFactory *tandem_case_row_factory_new    (void);

/* For the case-study view and page: a factory showing a list of
 * GtkStringObject as plain text, ellipsized (for a GtkDropDown's button)
 * or wrapped (for its pop-up list). */
GtkListItemFactory *_tandem_case_label_factory_new (gboolean wrap);

G_END_DECLS

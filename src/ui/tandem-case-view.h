/* tandem-case-view.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

/*
 * The "Case Studies" page of the window: a searchable, filterable list of
 * the portfolio's case studies beside (or, on a narrow window, before) the
 * card of the one selected.
 *
 * Changes go through the TandemHistory given with
 * tandem_case_view_set_store().  Errors are shown with the window's
 * "win.toast" action, which takes the message as an "s".
 */

#define TANDEM_TYPE_CASE_VIEW (tandem_case_view_get_type ())

G_DECLARE_FINAL_TYPE (TandemCaseView, tandem_case_view, TANDEM, CASE_VIEW, AdwBin)

GtkWidget       *tandem_case_view_new                (void);
TandemStore     *tandem_case_view_get_store          (TandemCaseView *self);
void             tandem_case_view_set_store          (TandemCaseView *self,
                                                      TandemStore    *store,
                                                      TandemHistory  *history);
void             tandem_case_view_set_cell_filter    (TandemCaseView *self,
                                                      guint           row,
                                                      guint           col);
gboolean         tandem_case_view_select             (TandemCaseView *self,
                                                      const char     *id);
TandemCaseStudy *tandem_case_view_get_selected       (TandemCaseView *self);
GListModel      *tandem_case_view_get_filtered_model (TandemCaseView *self);
void             tandem_case_view_focus_search       (TandemCaseView *self);

G_END_DECLS

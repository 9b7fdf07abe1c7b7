/* tandem-case-page.h
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
 * The whole card of one case study: where and when it happened, what it
 * did and achieved, its sources and the matrix cells it illustrates.
 *
 * The page shows a live TandemCaseStudy and never changes it directly:
 * editing, duplicating, deleting, linking and unlinking go through the
 * TandemHistory given with tandem_case_page_set_store(), so each can be
 * undone.  Errors are shown with the window's "win.toast" action, and a
 * deletion with "win.toast-undo"; both take the message as an "s".
 *
 * The back button, shown while #TandemCasePage:show-back-button is %TRUE,
 * activates "case-view.show-list", which TandemCaseView provides.
 */

#define TANDEM_TYPE_CASE_PAGE (tandem_case_page_get_type ())

G_DECLARE_FINAL_TYPE (TandemCasePage, tandem_case_page, TANDEM, CASE_PAGE, AdwBin)

GtkWidget       *tandem_case_page_new                  (void);
TandemCaseStudy *tandem_case_page_get_case_study       (TandemCasePage  *self);
void             tandem_case_page_set_case_study       (TandemCasePage  *self,
                                                        TandemCaseStudy *case_study);
TandemStore     *tandem_case_page_get_store            (TandemCasePage  *self);
TandemHistory   *tandem_case_page_get_history          (TandemCasePage  *self);
void             tandem_case_page_set_store            (TandemCasePage  *self,
                                                        TandemStore     *store,
                                                        TandemHistory   *history);
gboolean         tandem_case_page_get_show_back_button (TandemCasePage  *self);
void             tandem_case_page_set_show_back_button (TandemCasePage  *self,
                                                        gboolean         show_back_button);
gboolean         tandem_case_page_open_editor          (TandemCasePage  *self);

G_END_DECLS

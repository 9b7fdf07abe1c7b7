/* tandem-cell-cases-dialog.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CELL_CASES_DIALOG (tandem_cell_cases_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemCellCasesDialog, tandem_cell_cases_dialog, TANDEM, CELL_CASES_DIALOG, AdwWindow)

GtkWidget *tandem_cell_cases_dialog_new  (GtkWindow             *parent,
                                          TandemHistory         *history,
                                          guint                  row,
                                          guint                  col);
gboolean   tandem_cell_cases_dialog_link (TandemCellCasesDialog *self,
                                          const char            *id,
                                          const char            *note);

G_END_DECLS

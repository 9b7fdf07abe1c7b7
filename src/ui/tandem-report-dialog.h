/* tandem-report-dialog.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

/**
 * TandemReportScope:
 * @TANDEM_REPORT_SCOPE_ALL: a page for every initiative
 * @TANDEM_REPORT_SCOPE_SELECTED: a page for the initiative selected in the
 *   window only
 * @TANDEM_REPORT_SCOPE_CHOSEN: a page for each initiative ticked in the
 *   dialog's list
 *
 * Which initiatives the report gives a page each.
 */
typedef enum
{
  TANDEM_REPORT_SCOPE_ALL,
  TANDEM_REPORT_SCOPE_SELECTED,
  TANDEM_REPORT_SCOPE_CHOSEN,
} TandemReportScope;

#define TANDEM_TYPE_REPORT_DIALOG (tandem_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemReportDialog, tandem_report_dialog, TANDEM, REPORT_DIALOG, AdwWindow)

GtkWidget         *tandem_report_dialog_new          (GtkWindow          *parent,
                                                      TandemStore        *store,
                                                      TandemInitiative   *selected);
void               tandem_report_dialog_set_dates    (TandemReportDialog *self,
                                                      const char         *from,
                                                      const char         *to);
void               tandem_report_dialog_set_scope    (TandemReportDialog *self,
                                                      TandemReportScope   scope);
TandemReportScope  tandem_report_dialog_get_scope    (TandemReportDialog *self);
guint              tandem_report_dialog_get_n_chosen (TandemReportDialog *self);
gboolean           tandem_report_dialog_can_save     (TandemReportDialog *self);
gboolean           tandem_report_dialog_save_to_file (TandemReportDialog *self,
                                                      GFile              *file);
gboolean           tandem_report_dialog_is_busy      (TandemReportDialog *self);
const char        *tandem_report_dialog_get_error    (TandemReportDialog *self);

G_END_DECLS

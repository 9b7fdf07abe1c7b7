/* tandem-progress-dialog.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_PROGRESS_DIALOG (tandem_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemProgressDialog, tandem_progress_dialog, TANDEM, PROGRESS_DIALOG, AdwWindow)

TandemProgressDialog *tandem_progress_dialog_new        (GtkWindow            *parent,
                                                         const char           *title,
                                                         const char           *detail,
                                                         GCancellable         *cancellable);
void                  tandem_progress_dialog_set_detail (TandemProgressDialog *self,
                                                         const char           *detail);

G_END_DECLS

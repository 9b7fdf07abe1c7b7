/* tandem-movement-dialog.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_MOVEMENT_DIALOG (tandem_movement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TandemMovementDialog, tandem_movement_dialog, TANDEM, MOVEMENT_DIALOG, AdwWindow)

GtkWidget      *tandem_movement_dialog_new        (GtkWindow            *parent,
                                                   TandemStore          *store);
void            tandem_movement_dialog_set_dates  (TandemMovementDialog *self,
                                                   const char           *from,
                                                   const char           *to);
void            tandem_movement_dialog_compute    (TandemMovementDialog *self);
TandemMovement *tandem_movement_dialog_get_result (TandemMovementDialog *self);
gboolean        tandem_movement_dialog_is_busy    (TandemMovementDialog *self);
const char     *tandem_movement_dialog_get_text   (TandemMovementDialog *self);
const char     *tandem_movement_dialog_get_error  (TandemMovementDialog *self);

G_END_DECLS

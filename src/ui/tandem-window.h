/* tandem-window.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_WINDOW (tandem_window_get_type ())

G_DECLARE_FINAL_TYPE (TandemWindow, tandem_window, TANDEM, WINDOW, AdwApplicationWindow)

TandemWindow     *tandem_window_new            (GtkApplication *application);
gboolean          tandem_window_open           (TandemWindow   *self,
                                                GFile          *file,
                                                GError        **error);
void              tandem_window_open_or_report (TandemWindow   *self,
                                                GFile          *file);
TandemStore      *tandem_window_get_store      (TandemWindow   *self);
TandemHistory    *tandem_window_get_history    (TandemWindow   *self);
TandemInitiative *tandem_window_get_selected   (TandemWindow   *self);
gboolean          tandem_window_select         (TandemWindow   *self,
                                                const char     *uuid);

G_END_DECLS

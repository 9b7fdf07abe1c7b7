/* tandem-initiative-row.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_INITIATIVE_ROW (tandem_initiative_row_get_type ())

G_DECLARE_FINAL_TYPE (TandemInitiativeRow, tandem_initiative_row, TANDEM, INITIATIVE_ROW, GtkWidget)

GtkWidget        *tandem_initiative_row_new            (gboolean             show_details);
TandemInitiative *tandem_initiative_row_get_initiative (TandemInitiativeRow *self);
void              tandem_initiative_row_set_initiative (TandemInitiativeRow *self,
                                                        TandemInitiative    *initiative);

GtkListItemFactory *tandem_initiative_row_factory_new (gboolean show_details);

G_END_DECLS

/* tandem-initiative-panel.h
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
 * The details of one initiative: its description, its place on the
 * service-design matrix, its target cell and the notes on each cell.
 *
 * The panel shows a live TandemInitiative and never changes it: every edit
 * activates a "win." action (set-initiative-field, move-initiative,
 * set-target, set-cell-note, delete-initiative) which the window implements
 * and records as an undo step.
 */

#define TANDEM_TYPE_INITIATIVE_PANEL (tandem_initiative_panel_get_type ())

G_DECLARE_FINAL_TYPE (TandemInitiativePanel, tandem_initiative_panel, TANDEM, INITIATIVE_PANEL, AdwBin)

GtkWidget        *tandem_initiative_panel_new            (void);
TandemInitiative *tandem_initiative_panel_get_initiative (TandemInitiativePanel *self);
void              tandem_initiative_panel_set_initiative (TandemInitiativePanel *self,
                                                          TandemInitiative      *initiative);
TandemMatrix     *tandem_initiative_panel_get_matrix     (TandemInitiativePanel *self);
void              tandem_initiative_panel_set_matrix     (TandemInitiativePanel *self,
                                                          TandemMatrix          *matrix);
gboolean          tandem_initiative_panel_get_read_only  (TandemInitiativePanel *self);
void              tandem_initiative_panel_set_read_only  (TandemInitiativePanel *self,
                                                          gboolean               read_only);
void              tandem_initiative_panel_focus_title    (TandemInitiativePanel *self);

void              tandem_initiative_panel_set_store      (TandemInitiativePanel *self,
                                                          TandemStore           *store,
                                                          TandemHistory         *history);

GtkWidget        *tandem_initiative_panel_get_journey_group (TandemInitiativePanel *self);

G_END_DECLS

/* tandem-journey-group.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_JOURNEY_GROUP (tandem_journey_group_get_type ())

G_DECLARE_FINAL_TYPE (TandemJourneyGroup, tandem_journey_group, TANDEM, JOURNEY_GROUP, AdwPreferencesGroup)

GtkWidget *tandem_journey_group_new            (void);
void       tandem_journey_group_set_store      (TandemJourneyGroup *self,
                                                TandemStore        *store,
                                                TandemHistory      *history);
void       tandem_journey_group_set_initiative (TandemJourneyGroup *self,
                                                TandemInitiative   *initiative);
void       tandem_journey_group_set_read_only  (TandemJourneyGroup *self,
                                                gboolean            read_only);
GtkWidget *tandem_journey_group_get_timeline   (TandemJourneyGroup *self);

G_END_DECLS

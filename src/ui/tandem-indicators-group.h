/* tandem-indicators-group.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_INDICATORS_GROUP (tandem_indicators_group_get_type ())

G_DECLARE_FINAL_TYPE (TandemIndicatorsGroup, tandem_indicators_group, TANDEM, INDICATORS_GROUP, AdwPreferencesGroup)

GtkWidget *tandem_indicators_group_new            (void);
void       tandem_indicators_group_set_store      (TandemIndicatorsGroup *self,
                                                   TandemStore           *store);
void       tandem_indicators_group_set_initiative (TandemIndicatorsGroup *self,
                                                   TandemInitiative      *initiative);
guint      tandem_indicators_group_get_n_rows     (TandemIndicatorsGroup *self);

G_END_DECLS

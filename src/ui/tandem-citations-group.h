/* tandem-citations-group.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_CITATIONS_GROUP (tandem_citations_group_get_type ())

G_DECLARE_FINAL_TYPE (TandemCitationsGroup, tandem_citations_group, TANDEM, CITATIONS_GROUP, AdwPreferencesGroup)

GtkWidget *tandem_citations_group_new            (void);
void       tandem_citations_group_set_store      (TandemCitationsGroup *self,
                                                  TandemStore          *store);
void       tandem_citations_group_set_initiative (TandemCitationsGroup *self,
                                                  TandemInitiative     *initiative);
void       tandem_citations_group_set_read_only  (TandemCitationsGroup *self,
                                                  gboolean              read_only);

G_END_DECLS

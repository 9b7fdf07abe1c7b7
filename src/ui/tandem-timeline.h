/* tandem-timeline.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tandem-core.h"

G_BEGIN_DECLS

#define TANDEM_TYPE_TIMELINE (tandem_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TandemTimeline, tandem_timeline, TANDEM, TIMELINE, GtkWidget)

GtkWidget  *tandem_timeline_new                  (void);
void        tandem_timeline_set_data             (TandemTimeline *self,
                                                  GPtrArray      *assessments,
                                                  GPtrArray      *indicators);
void        tandem_timeline_set_matrix           (TandemTimeline *self,
                                                  TandemMatrix   *matrix);
const char *tandem_timeline_get_text_alternative (TandemTimeline *self);

G_END_DECLS

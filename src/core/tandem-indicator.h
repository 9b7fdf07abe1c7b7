/* tandem-indicator.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * An outcome indicator of one initiative, such as "young people not in
 * education, employment or training (%)": a unit, an optional baseline and
 * target, and dated readings kept in date order (one a date).
 */

typedef struct
{
  char   *date;   /* YYYY-MM-DD */
  double  value;
} TandemReading;

#define TANDEM_TYPE_INDICATOR (tandem_indicator_get_type ())

G_DECLARE_FINAL_TYPE (TandemIndicator, tandem_indicator, TANDEM, INDICATOR, GObject)

TandemIndicator     *tandem_indicator_new            (const char      *initiative_uuid,
                                                      const char      *name,
                                                      const char      *unit);
TandemIndicator     *tandem_indicator_copy           (TandemIndicator *self);
gboolean             tandem_indicator_equal          (TandemIndicator *a,
                                                      TandemIndicator *b);
const char          *tandem_indicator_get_id         (TandemIndicator *self);
void                 tandem_indicator_set_id         (TandemIndicator *self,
                                                      const char      *id);
const char          *tandem_indicator_get_initiative (TandemIndicator *self);
const char          *tandem_indicator_get_name       (TandemIndicator *self);
void                 tandem_indicator_set_name       (TandemIndicator *self,
                                                      const char      *name);
const char          *tandem_indicator_get_unit       (TandemIndicator *self);
void                 tandem_indicator_set_unit       (TandemIndicator *self,
                                                      const char      *unit);
gboolean             tandem_indicator_get_baseline   (TandemIndicator *self,
                                                      double          *value);
void                 tandem_indicator_set_baseline   (TandemIndicator *self,
                                                      gboolean         has_value,
                                                      double           value);
gboolean             tandem_indicator_get_target     (TandemIndicator *self,
                                                      double          *value);
void                 tandem_indicator_set_target     (TandemIndicator *self,
                                                      gboolean         has_value,
                                                      double           value);
guint                tandem_indicator_get_n_readings (TandemIndicator *self);
const TandemReading *tandem_indicator_get_reading    (TandemIndicator *self,
                                                      guint            i);
void                 tandem_indicator_set_reading    (TandemIndicator *self,
                                                      const char      *date,
                                                      double           value);
gboolean             tandem_indicator_remove_reading (TandemIndicator *self,
                                                      const char      *date);

G_END_DECLS

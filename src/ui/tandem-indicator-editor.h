/* tandem-indicator-editor.h
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
 * A modal window editing one outcome indicator of an initiative: its name
 * and unit, an optional baseline and target, and its dated readings.
 * Nothing changes until Save (or Delete Indicator), each one undoable step
 * through TandemHistory; Cancel (or Escape) leaves everything as it was.
 */

#define TANDEM_TYPE_INDICATOR_EDITOR (tandem_indicator_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemIndicatorEditor, tandem_indicator_editor, TANDEM, INDICATOR_EDITOR, AdwWindow)

GtkWidget       *tandem_indicator_editor_new           (GtkWindow             *parent,
                                                        TandemHistory         *history,
                                                        TandemInitiative      *initiative,
                                                        TandemIndicator       *existing);
gboolean         tandem_indicator_editor_save          (TandemIndicatorEditor *self);
gboolean         tandem_indicator_editor_delete        (TandemIndicatorEditor *self);
TandemIndicator *tandem_indicator_editor_get_indicator (TandemIndicatorEditor *self);

G_END_DECLS

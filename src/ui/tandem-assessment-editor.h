/* tandem-assessment-editor.h
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
 * A modal window recording one dated assessment of an initiative: its
 * cell, readiness stage and level, the Four Co's, the principles present,
 * the outcome answers, where each stakeholder group would place it, notes
 * and evidence.  Nothing changes until Save, which writes the assessment
 * as one undoable step through TandemHistory; Cancel (or Escape) leaves
 * everything as it was.
 */

#define TANDEM_TYPE_ASSESSMENT_EDITOR (tandem_assessment_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemAssessmentEditor, tandem_assessment_editor, TANDEM, ASSESSMENT_EDITOR, AdwWindow)

GtkWidget        *tandem_assessment_editor_new            (GtkWindow              *parent,
                                                           TandemHistory          *history,
                                                           TandemInitiative       *initiative,
                                                           TandemAssessment       *existing);
gboolean          tandem_assessment_editor_save           (TandemAssessmentEditor *self);
TandemAssessment *tandem_assessment_editor_get_assessment (TandemAssessmentEditor *self);

G_END_DECLS

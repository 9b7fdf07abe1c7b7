/* tandem-case-editor.h
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
 * A modal window editing one of the user's own case studies.  Nothing
 * changes until Save, which writes everything as one undoable step through
 * TandemHistory; Cancel (or Escape) leaves the case study as it was.
 */

#define TANDEM_TYPE_CASE_EDITOR (tandem_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (TandemCaseEditor, tandem_case_editor, TANDEM, CASE_EDITOR, AdwWindow)

GtkWidget       *tandem_case_editor_new            (GtkWindow        *parent,
                                                    TandemHistory    *history,
                                                    TandemCaseStudy  *live);
TandemCaseStudy *tandem_case_editor_get_case_study (TandemCaseEditor *self);
gboolean         tandem_case_editor_save           (TandemCaseEditor *self);

G_END_DECLS

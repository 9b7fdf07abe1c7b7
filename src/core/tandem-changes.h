/* tandem-changes.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-assessment.h"
#include "tandem-case-study.h"
#include "tandem-indicator.h"
#include "tandem-initiative.h"

G_BEGIN_DECLS

/*
 * A set of changes to a portfolio that are written together, in one
 * transaction, by tandem_store_apply(): all of them or none.  Undo steps
 * are pairs of these (what to write to undo, what to write to redo).
 */
typedef struct
{
  GPtrArray  *save_initiatives;    /* of TandemInitiative, inserted or updated by UUID */
  GPtrArray  *delete_initiatives;  /* of char *, UUIDs */
  GPtrArray  *save_cases;          /* of TandemCaseStudy, inserted or updated by ID */
  GPtrArray  *delete_cases;        /* of char *, IDs */
  GHashTable *labels;              /* matrix key → wording, NULL meaning the standard */
  int         library_version;     /* the case-study library now taken, or 0 */
  GPtrArray  *save_assessments;    /* of TandemAssessment, inserted or updated by ID */
  GPtrArray  *delete_assessments;  /* of char *, IDs */
  GPtrArray  *save_indicators;     /* of TandemIndicator, with their readings */
  GPtrArray  *delete_indicators;   /* of char *, IDs */
} TandemChanges;

TandemChanges *tandem_changes_new              (void);
void           tandem_changes_free             (TandemChanges    *changes);
gboolean       tandem_changes_is_empty         (TandemChanges    *changes);
void           tandem_changes_save_initiative  (TandemChanges    *changes,
                                                TandemInitiative *initiative);
void           tandem_changes_delete_initiative (TandemChanges   *changes,
                                                const char       *uuid);
void           tandem_changes_save_case        (TandemChanges    *changes,
                                                TandemCaseStudy  *case_study);
void           tandem_changes_delete_case      (TandemChanges    *changes,
                                                const char       *id);
void           tandem_changes_set_label        (TandemChanges    *changes,
                                                const char       *key,
                                                const char       *text);

void           tandem_changes_save_assessment  (TandemChanges    *changes,
                                                TandemAssessment *assessment);
void           tandem_changes_delete_assessment (TandemChanges   *changes,
                                                const char       *id);
void           tandem_changes_save_indicator   (TandemChanges    *changes,
                                                TandemIndicator  *indicator);
void           tandem_changes_delete_indicator (TandemChanges    *changes,
                                                const char       *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemChanges, tandem_changes_free)

G_END_DECLS

/* tandem-history.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-store.h"

G_BEGIN_DECLS

/*
 * Undo and redo for a portfolio.  Every edit the user makes goes through
 * here: it is written to the store in one transaction and remembered as a
 * pair of states (before, after), so undo and redo are themselves ordinary
 * saves and cannot drift from what the store would accept.
 */

#define TANDEM_TYPE_HISTORY (tandem_history_get_type ())

G_DECLARE_FINAL_TYPE (TandemHistory, tandem_history, TANDEM, HISTORY, GObject)

TandemHistory    *tandem_history_new                (TandemStore      *store);
TandemStore      *tandem_history_get_store          (TandemHistory    *self);
gboolean          tandem_history_get_can_undo       (TandemHistory    *self);
gboolean          tandem_history_get_can_redo       (TandemHistory    *self);
const char       *tandem_history_get_undo_label     (TandemHistory    *self);
const char       *tandem_history_get_redo_label     (TandemHistory    *self);
gboolean          tandem_history_undo               (TandemHistory    *self,
                                                     GError          **error);
gboolean          tandem_history_redo               (TandemHistory    *self,
                                                     GError          **error);
void              tandem_history_clear              (TandemHistory    *self);

gboolean          tandem_history_apply              (TandemHistory    *self,
                                                     TandemChanges    *changes,
                                                     const char       *label,
                                                     GError          **error);
TandemInitiative *tandem_history_add_initiative     (TandemHistory    *self,
                                                     const char       *title,
                                                     guint             row,
                                                     guint             col,
                                                     GError          **error);
gboolean          tandem_history_save_initiative    (TandemHistory    *self,
                                                     TandemInitiative *edited,
                                                     const char       *label,
                                                     GError          **error);
gboolean          tandem_history_delete_initiative  (TandemHistory    *self,
                                                     const char       *uuid,
                                                     GError          **error);
gboolean          tandem_history_move_initiative    (TandemHistory    *self,
                                                     const char       *uuid,
                                                     guint             row,
                                                     guint             col,
                                                     GError          **error);
gboolean          tandem_history_set_target         (TandemHistory    *self,
                                                     const char       *uuid,
                                                     guint             row,
                                                     guint             col,
                                                     GError          **error);
gboolean          tandem_history_set_cell_note      (TandemHistory    *self,
                                                     const char       *uuid,
                                                     guint             row,
                                                     guint             col,
                                                     const char       *note,
                                                     GError          **error);
gboolean          tandem_history_set_matrix_label   (TandemHistory    *self,
                                                     const char       *key,
                                                     const char       *text,
                                                     GError          **error);
gboolean          tandem_history_reset_matrix       (TandemHistory    *self,
                                                     GError          **error);

TandemCaseStudy  *tandem_history_add_case_study     (TandemHistory    *self,
                                                     const char       *title,
                                                     GError          **error);
TandemCaseStudy  *tandem_history_duplicate_case_study (TandemHistory  *self,
                                                     const char       *id,
                                                     GError          **error);
gboolean          tandem_history_save_case_study    (TandemHistory    *self,
                                                     TandemCaseStudy  *edited,
                                                     const char       *label,
                                                     GError          **error);
gboolean          tandem_history_delete_case_study  (TandemHistory    *self,
                                                     const char       *id,
                                                     GError          **error);
gboolean          tandem_history_link_case_study    (TandemHistory    *self,
                                                     const char       *id,
                                                     guint             row,
                                                     guint             col,
                                                     const char       *note,
                                                     GError          **error);
gboolean          tandem_history_unlink_case_study  (TandemHistory    *self,
                                                     const char       *id,
                                                     guint             row,
                                                     guint             col,
                                                     GError          **error);
gboolean          tandem_history_cite_case_study    (TandemHistory    *self,
                                                     const char       *uuid,
                                                     const char       *case_id,
                                                     gboolean          evidence,
                                                     const char       *note,
                                                     GError          **error);
gboolean          tandem_history_uncite_case_study  (TandemHistory    *self,
                                                     const char       *uuid,
                                                     const char       *case_id,
                                                     GError          **error);

gboolean          tandem_history_save_assessment    (TandemHistory    *self,
                                                     TandemAssessment *edited,
                                                     GError          **error);
gboolean          tandem_history_delete_assessment  (TandemHistory    *self,
                                                     const char       *id,
                                                     GError          **error);
gboolean          tandem_history_set_target_date    (TandemHistory    *self,
                                                     const char       *uuid,
                                                     const char       *date,
                                                     GError          **error);
gboolean          tandem_history_save_indicator     (TandemHistory    *self,
                                                     TandemIndicator  *edited,
                                                     GError          **error);
gboolean          tandem_history_delete_indicator   (TandemHistory    *self,
                                                     const char       *id,
                                                     GError          **error);

G_END_DECLS

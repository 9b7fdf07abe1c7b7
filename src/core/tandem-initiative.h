/* tandem-initiative.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * One public-service initiative in a portfolio: its description, where it
 * stands on the service-design matrix (its current cell), where it should
 * go (an optional target cell), and the commissioner's notes on what each
 * cell would look like for it.
 *
 * An initiative is a plain value object: changing it changes nothing on
 * disk.  Edits go through TandemStore (or TandemHistory, which records undo
 * steps): take a copy with tandem_initiative_copy(), change the copy, save it.
 */

/**
 * TandemCitation:
 * @case_id: the case study cited
 * @evidence: %TRUE if it is cited as evidence, %FALSE as inspiration
 * @note: why
 */
typedef struct
{
  char     *case_id;
  gboolean  evidence;
  char     *note;
} TandemCitation;

#define TANDEM_TYPE_INITIATIVE (tandem_initiative_get_type ())

G_DECLARE_FINAL_TYPE (TandemInitiative, tandem_initiative, TANDEM, INITIATIVE, GObject)

TandemInitiative *tandem_initiative_new              (const char       *title,
                                                      guint             row,
                                                      guint             col);
TandemInitiative *tandem_initiative_copy             (TandemInitiative *self);
gboolean          tandem_initiative_equal            (TandemInitiative *a,
                                                      TandemInitiative *b);
void              tandem_initiative_assign           (TandemInitiative *self,
                                                      TandemInitiative *other);

const char       *tandem_initiative_get_uuid         (TandemInitiative *self);
void              tandem_initiative_set_uuid         (TandemInitiative *self,
                                                      const char       *uuid);
const char       *tandem_initiative_get_title        (TandemInitiative *self);
void              tandem_initiative_set_title        (TandemInitiative *self,
                                                      const char       *title);
const char       *tandem_initiative_get_organisation (TandemInitiative *self);
void              tandem_initiative_set_organisation (TandemInitiative *self,
                                                      const char       *organisation);
const char       *tandem_initiative_get_service_area (TandemInitiative *self);
void              tandem_initiative_set_service_area (TandemInitiative *self,
                                                      const char       *service_area);
const char       *tandem_initiative_get_place        (TandemInitiative *self);
void              tandem_initiative_set_place        (TandemInitiative *self,
                                                      const char       *place);
const char       *tandem_initiative_get_description  (TandemInitiative *self);
void              tandem_initiative_set_description  (TandemInitiative *self,
                                                      const char       *description);
gint64            tandem_initiative_get_created      (TandemInitiative *self);
void              tandem_initiative_set_created      (TandemInitiative *self,
                                                      gint64            created);
gint64            tandem_initiative_get_updated      (TandemInitiative *self);
void              tandem_initiative_set_updated      (TandemInitiative *self,
                                                      gint64            updated);

guint             tandem_initiative_get_row          (TandemInitiative *self);
guint             tandem_initiative_get_col          (TandemInitiative *self);
void              tandem_initiative_set_cell         (TandemInitiative *self,
                                                      guint             row,
                                                      guint             col);
gboolean          tandem_initiative_has_target       (TandemInitiative *self);
guint             tandem_initiative_get_target_row   (TandemInitiative *self);
guint             tandem_initiative_get_target_col   (TandemInitiative *self);
void              tandem_initiative_set_target       (TandemInitiative *self,
                                                      guint             row,
                                                      guint             col);
void              tandem_initiative_clear_target     (TandemInitiative *self);
const char       *tandem_initiative_get_target_date  (TandemInitiative *self);
void              tandem_initiative_set_target_date  (TandemInitiative *self,
                                                      const char       *date);

const char       *tandem_initiative_get_cell_note    (TandemInitiative *self,
                                                      guint             row,
                                                      guint             col);
void              tandem_initiative_set_cell_note    (TandemInitiative *self,
                                                      guint             row,
                                                      guint             col,
                                                      const char       *note);
guint             tandem_initiative_get_n_citations  (TandemInitiative *self);
const TandemCitation *tandem_initiative_get_citation (TandemInitiative *self,
                                                      guint             i);
const TandemCitation *tandem_initiative_find_citation (TandemInitiative *self,
                                                      const char       *case_id);
void              tandem_initiative_cite             (TandemInitiative *self,
                                                      const char       *case_id,
                                                      gboolean          evidence,
                                                      const char       *note);
gboolean          tandem_initiative_uncite           (TandemInitiative *self,
                                                      const char       *case_id);
int               tandem_initiative_compare          (TandemInitiative *a,
                                                      TandemInitiative *b);
gboolean          tandem_initiative_matches          (TandemInitiative *self,
                                                      const char       *casefolded_text);

G_END_DECLS

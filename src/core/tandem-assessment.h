/* tandem-assessment.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tandem-case-study.h"

G_BEGIN_DECLS

/*
 * A dated snapshot of one initiative: where it stood on the matrix, how
 * ready it was for co-production, and why people thought so.  An
 * initiative has at most one assessment a day; its current cell is the
 * cell of its latest assessment.
 *
 * Dates are ISO 8601 calendar dates, "YYYY-MM-DD", everywhere.
 */

/**
 * TandemStage:
 *
 * Readiness stages toward full co-production (Kaizen Partnership).
 */
typedef enum
{
  TANDEM_STAGE_NONE = 0,
  TANDEM_STAGE_ACTIVE_INVOLVEMENT,
  TANDEM_STAGE_CO_DESIGN,
  TANDEM_STAGE_CO_DELIVERY,
  TANDEM_STAGE_FULL_CO_PRODUCTION,
} TandemStage;

/**
 * TandemLevel:
 *
 * Levels of co-production (Community Care, 2009).
 */
typedef enum
{
  TANDEM_LEVEL_NONE = 0,
  TANDEM_LEVEL_COMPLIANCE,
  TANDEM_LEVEL_SUPPORT,
  TANDEM_LEVEL_TRANSFORMATION,
} TandemLevel;

/** TandemPresence: how far one of the Four Co's is present. */
typedef enum
{
  TANDEM_PRESENCE_ABSENT = 0,
  TANDEM_PRESENCE_EMERGING,
  TANDEM_PRESENCE_ESTABLISHED,
} TandemPresence;

/**
 * TandemSubtype:
 *
 * The sub-types of co-commissioning and co-delivery.
 */
typedef enum
{
  TANDEM_SUBTYPE_CO_PLANNING      = 1 << 0,  /* co-commissioning */
  TANDEM_SUBTYPE_CO_PRIORITISING  = 1 << 1,
  TANDEM_SUBTYPE_CO_FINANCING     = 1 << 2,
  TANDEM_SUBTYPE_CO_MANAGEMENT    = 1 << 3,  /* co-delivery */
  TANDEM_SUBTYPE_CO_PERFORMING    = 1 << 4,
} TandemSubtype;

/**
 * TandemPrinciple:
 *
 * The four principles of co-production.
 */
typedef enum
{
  TANDEM_PRINCIPLE_ASSETS       = 1 << 0,  /* people are assets */
  TANDEM_PRINCIPLE_CAPACITIES   = 1 << 1,  /* untapped capacities; mutuality and reciprocity */
  TANDEM_PRINCIPLE_CATALYSTS    = 1 << 2,  /* agencies as catalysts and co-designers */
  TANDEM_PRINCIPLE_PEER_SUPPORT = 1 << 3,  /* peer support networks */
} TandemPrinciple;

/** TandemAnswer: an answer to one of the three outcome questions. */
typedef enum
{
  TANDEM_ANSWER_UNKNOWN = 0,
  TANDEM_ANSWER_NO,
  TANDEM_ANSWER_PARTLY,
  TANDEM_ANSWER_YES,
} TandemAnswer;

/** TandemQuestion: the three outcome questions. */
typedef enum
{
  TANDEM_QUESTION_BETTER_SERVICE = 0,  /* is the service getting better? */
  TANDEM_QUESTION_FEEL_BETTER,         /* do people feel better about it? */
  TANDEM_QUESTION_PUBLIC_VALUE,        /* is it building public value? */
  TANDEM_N_QUESTIONS
} TandemQuestion;

/** TandemStakeholder: groups whose placements may differ from the agreed one. */
typedef enum
{
  TANDEM_STAKEHOLDER_COMMISSIONERS = 0,
  TANDEM_STAKEHOLDER_FRONTLINE_STAFF,
  TANDEM_STAKEHOLDER_SERVICE_USERS,
  TANDEM_STAKEHOLDER_COMMUNITY,
  TANDEM_N_STAKEHOLDERS
} TandemStakeholder;

typedef struct
{
  char *caption;
  char *link;   /* a web address or a file path */
} TandemEvidence;

#define TANDEM_TYPE_ASSESSMENT (tandem_assessment_get_type ())

G_DECLARE_FINAL_TYPE (TandemAssessment, tandem_assessment, TANDEM, ASSESSMENT, GObject)

TandemAssessment *tandem_assessment_new                 (const char        *initiative_uuid,
                                                         const char        *date,
                                                         guint              row,
                                                         guint              col);
TandemAssessment *tandem_assessment_copy                (TandemAssessment  *self);
gboolean          tandem_assessment_equal               (TandemAssessment  *a,
                                                         TandemAssessment  *b);

const char       *tandem_assessment_get_id              (TandemAssessment  *self);
void              tandem_assessment_set_id              (TandemAssessment  *self,
                                                         const char        *id);
const char       *tandem_assessment_get_initiative      (TandemAssessment  *self);
const char       *tandem_assessment_get_date            (TandemAssessment  *self);
void              tandem_assessment_set_date            (TandemAssessment  *self,
                                                         const char        *date);
guint             tandem_assessment_get_row             (TandemAssessment  *self);
guint             tandem_assessment_get_col             (TandemAssessment  *self);
void              tandem_assessment_set_cell            (TandemAssessment  *self,
                                                         guint              row,
                                                         guint              col);
TandemStage       tandem_assessment_get_stage           (TandemAssessment  *self);
void              tandem_assessment_set_stage           (TandemAssessment  *self,
                                                         TandemStage        stage);
TandemLevel       tandem_assessment_get_level           (TandemAssessment  *self);
void              tandem_assessment_set_level           (TandemAssessment  *self,
                                                         TandemLevel        level);
TandemPresence    tandem_assessment_get_presence        (TandemAssessment  *self,
                                                         TandemCos          co);
void              tandem_assessment_set_presence        (TandemAssessment  *self,
                                                         TandemCos          co,
                                                         TandemPresence     presence);
guint             tandem_assessment_get_subtypes        (TandemAssessment  *self);
void              tandem_assessment_set_subtypes        (TandemAssessment  *self,
                                                         guint              subtypes);
guint             tandem_assessment_get_principles      (TandemAssessment  *self);
void              tandem_assessment_set_principles      (TandemAssessment  *self,
                                                         guint              principles);
TandemAnswer      tandem_assessment_get_answer          (TandemAssessment  *self,
                                                         TandemQuestion     question);
void              tandem_assessment_set_answer          (TandemAssessment  *self,
                                                         TandemQuestion     question,
                                                         TandemAnswer       answer);
const char       *tandem_assessment_get_notes           (TandemAssessment  *self);
void              tandem_assessment_set_notes           (TandemAssessment  *self,
                                                         const char        *notes);
const char       *tandem_assessment_get_participants    (TandemAssessment  *self);
void              tandem_assessment_set_participants    (TandemAssessment  *self,
                                                         const char        *participants);

gboolean          tandem_assessment_get_placement       (TandemAssessment  *self,
                                                         TandemStakeholder  stakeholder,
                                                         guint             *row,
                                                         guint             *col);
void              tandem_assessment_set_placement       (TandemAssessment  *self,
                                                         TandemStakeholder  stakeholder,
                                                         guint              row,
                                                         guint              col);
void              tandem_assessment_clear_placement     (TandemAssessment  *self,
                                                         TandemStakeholder  stakeholder);
guint             tandem_assessment_get_spread          (TandemAssessment  *self);

guint             tandem_assessment_get_n_evidence      (TandemAssessment  *self);
const TandemEvidence *tandem_assessment_get_evidence    (TandemAssessment  *self,
                                                         guint              i);
void              tandem_assessment_add_evidence        (TandemAssessment  *self,
                                                         const char        *caption,
                                                         const char        *link);
void              tandem_assessment_clear_evidence      (TandemAssessment  *self);

int               tandem_assessment_compare             (TandemAssessment  *a,
                                                         TandemAssessment  *b);

gboolean          tandem_date_is_valid                  (const char        *date);
char             *tandem_date_today                     (void);
char             *tandem_date_years_before              (const char        *date,
                                                         guint              years);
gboolean          tandem_date_check                     (const char        *date,
                                                         const char        *name,
                                                         GError           **error);
const char       *tandem_stage_to_string                (TandemStage        stage);
gboolean          tandem_stage_from_string              (const char        *text,
                                                         TandemStage       *stage);
const char       *tandem_stage_get_label                (TandemStage        stage);
const char       *tandem_level_get_label                (TandemLevel        level);
const char       *tandem_stakeholder_get_label          (TandemStakeholder  stakeholder);
const char       *tandem_question_get_label             (TandemQuestion     question);

G_END_DECLS

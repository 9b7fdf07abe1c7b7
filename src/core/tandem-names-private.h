/* tandem-names-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-assessment.h"
#include "tandem-case-study.h"

G_BEGIN_DECLS

/* The names an assessment's values have in files, never translated: Tandem
 * JSON and the CSV export both write them, so they are defined once. */

typedef struct
{
  guint       flag;
  const char *name;
} TandemFlagName;

/* The Four Co's in the order files list them. */
extern const TandemCos       tandem_cos_order[TANDEM_N_COS];

/* Indexed by the enumeration's value; NULL where it has no name. */
extern const char * const    tandem_presence_names[TANDEM_PRESENCE_ESTABLISHED + 1];
extern const char * const    tandem_level_names[TANDEM_LEVEL_TRANSFORMATION + 1];
extern const char * const    tandem_answer_names[TANDEM_ANSWER_YES + 1];
extern const char * const    tandem_question_names[TANDEM_N_QUESTIONS];
extern const char * const    tandem_stakeholder_names[TANDEM_N_STAKEHOLDERS];

/* One for each flag of TandemSubtype and of TandemPrinciple. */
extern const TandemFlagName  tandem_subtype_names[5];
extern const TandemFlagName  tandem_principle_names[4];

G_END_DECLS

/* tandem-names.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tandem-names-private.h"

const TandemCos tandem_cos_order[TANDEM_N_COS] = {
  TANDEM_CO_COMMISSIONING, TANDEM_CO_DESIGN, TANDEM_CO_DELIVERY, TANDEM_CO_ASSESSMENT,
};

const char * const tandem_presence_names[TANDEM_PRESENCE_ESTABLISHED + 1] = {
  "absent", "emerging", "established",
};
const char * const tandem_level_names[TANDEM_LEVEL_TRANSFORMATION + 1] = {
  NULL, "compliance", "support", "transformation",
};
const char * const tandem_answer_names[TANDEM_ANSWER_YES + 1] = {
  "unknown", "no", "partly", "yes",
};
const char * const tandem_question_names[TANDEM_N_QUESTIONS] = {
  "better-service", "feel-better", "public-value",
};
const char * const tandem_stakeholder_names[TANDEM_N_STAKEHOLDERS] = {
  "commissioners", "frontline-staff", "service-users", "community",
};

const TandemFlagName tandem_subtype_names[5] = {
  { TANDEM_SUBTYPE_CO_PLANNING, "co-planning" },
  { TANDEM_SUBTYPE_CO_PRIORITISING, "co-prioritising" },
  { TANDEM_SUBTYPE_CO_FINANCING, "co-financing" },
  { TANDEM_SUBTYPE_CO_MANAGEMENT, "co-management" },
  { TANDEM_SUBTYPE_CO_PERFORMING, "co-performing" },
};

const TandemFlagName tandem_principle_names[4] = {
  { TANDEM_PRINCIPLE_ASSETS, "assets" },
  { TANDEM_PRINCIPLE_CAPACITIES, "capacities" },
  { TANDEM_PRINCIPLE_CATALYSTS, "catalysts" },
  { TANDEM_PRINCIPLE_PEER_SUPPORT, "peer-support" },
};

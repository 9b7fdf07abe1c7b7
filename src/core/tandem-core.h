/* tandem-core.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-assessment.h"
#include "tandem-case-study.h"
#include "tandem-cell.h"
#include "tandem-changes.h"
#include "tandem-error.h"
#include "tandem-csv.h"
#include "tandem-exchange.h"
#include "tandem-exchange-file.h"
#include "tandem-report.h"
#include "tandem-history.h"
#include "tandem-indicator.h"
#include "tandem-initiative.h"
#include "tandem-library.h"
#include "tandem-matrix.h"
#include "tandem-movement.h"
#include "tandem-store.h"

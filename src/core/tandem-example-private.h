/* tandem-example-private.h
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tandem-changes.h"

G_BEGIN_DECLS

TandemChanges *_tandem_example_build (void);

G_END_DECLS

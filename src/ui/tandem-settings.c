/* tandem-settings.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-settings"

#include "config.h"

#include "tandem-settings.h"

/**
 * tandem_settings_new:
 *
 * Running from a build tree without the compiled schema must not abort,
 * as g_settings_new() would: Tandem then simply remembers nothing.
 *
 * Returns: (transfer full) (nullable): Tandem's settings, or %NULL if the
 *   schema is not installed
 */
GSettings *
tandem_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; window size and the last portfolio will not be remembered",
                 APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

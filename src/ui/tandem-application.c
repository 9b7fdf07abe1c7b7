/* tandem-application.c
 *
 * Copyright 2026 The Tandem authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tandem-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-application.h"
#include "tandem-settings.h"
#include "tandem-window.h"

struct _TandemApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TandemApplication, tandem_application, ADW_TYPE_APPLICATION)

/* The portfolio to show when Tandem starts with no file: the last one
 * opened if it still exists, else the user's default portfolio. */
static GFile *
startup_file (void)
{
  g_autoptr(GSettings) settings = tandem_settings_new ();
  g_autofree char *last = NULL;

  if (settings == NULL)
    return NULL;

  last = g_settings_get_string (settings, "last-portfolio");
  if (last[0] == '\0' || !g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (last);
}

static void
tandem_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GFile) file = NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (tandem_window_new (GTK_APPLICATION (app)));
      file = startup_file ();
      tandem_window_open_or_report (TANDEM_WINDOW (window), file);
    }

  gtk_window_present (window);
}

static void
tandem_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      TandemWindow *window = tandem_window_new (GTK_APPLICATION (app));

      tandem_window_open_or_report (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close windows properly so each saves its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Tandem authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Tandem"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Tandem authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan and track the co-production of public services on the "
                                       "service-design matrix: who designs a service, who delivers it, "
                                       "and how it moves toward full co-production."),
                         "developers", developers,
                         "copyright", "© 2026 The Tandem authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:tandem", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

static void
tandem_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (tandem_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help",
                                         (const char *[]) { "F1", NULL });
}

static void
tandem_application_class_init (TandemApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = tandem_application_activate;
  app_class->open = tandem_application_open;
  app_class->startup = tandem_application_startup;
}

static void
tandem_application_init (TandemApplication *self)
{
  g_set_application_name (_("Tandem"));
}

TandemApplication *
tandem_application_new (void)
{
  return g_object_new (TANDEM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/tandem/Tandem",
                       NULL);
}

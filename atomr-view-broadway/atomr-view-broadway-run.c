/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <locale.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>

#include <atomr-view-gtk.h>

#include "atomr-view-gtk-start-private.h"

#include "atomr-view-broadway-error.h"
#include "atomr-view-broadway-run.h"
#include "atomr-view-broadway-server.h"

static gboolean
wants_broadway (void)
{
  const char *value = g_getenv ("ATOMR_VIEW_BROADWAY");

  /* Already served by atomr-view-broadway: GDK is set up for it. */
  if (g_getenv ("ATOMR_VIEW_BROADWAY_CONTROL") != NULL)
    return FALSE;
  return value != NULL && *value != '\0' && !g_str_equal (value, "0");
}

/* ATOMR_VIEW_BROADWAY_ADDRESS, _PORT and _DISPLAY, when set. */
static gboolean
configure_from_environment (AtomrViewBroadwayServer  *server,
                            GError                  **error)
{
  const char *address = g_getenv ("ATOMR_VIEW_BROADWAY_ADDRESS");
  const char *port = g_getenv ("ATOMR_VIEW_BROADWAY_PORT");
  const char *display = g_getenv ("ATOMR_VIEW_BROADWAY_DISPLAY");
  guint64 number;

  if (address != NULL && *address != '\0')
    atomr_view_broadway_server_set_address (server, address);
  if (port != NULL && *port != '\0')
    {
      if (!g_ascii_string_to_unsigned (port, 10, 1, G_MAXUINT16, &number, NULL))
        {
          g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS,
                       _("ATOMR_VIEW_BROADWAY_PORT is “%s”, not a port from 1 to 65535"), port);
          return FALSE;
        }
      atomr_view_broadway_server_set_port (server, (guint) number);
    }
  if (display != NULL && *display != '\0')
    {
      if (!g_ascii_string_to_unsigned (display[0] == ':' ? display + 1 : display, 10, 0, 65534, &number, NULL))
        {
          g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_FAILED,
                       _("ATOMR_VIEW_BROADWAY_DISPLAY is “%s”, not a display number such as :5"), display);
          return FALSE;
        }
      atomr_view_broadway_server_set_display (server, (int) number);
    }
  return TRUE;
}

static gboolean
shutdown_cb (gpointer user_data)
{
  atomr_view_actor_system_request_shutdown (user_data);
  return G_SOURCE_CONTINUE;
}

static void
server_failed_cb (AtomrViewBroadwayServer *server,
                  const GError            *error,
                  gpointer                 user_data)
{
  AtomrViewActorSystem *system = user_data;

  g_printerr ("%s: %s\n", atomr_view_actor_system_get_name (system), error->message);
  g_object_set_data (G_OBJECT (server), "atomr-view-failed", GINT_TO_POINTER (1));
  atomr_view_actor_system_request_shutdown (system);
}

/**
 * atomr_view_broadway_run_window:
 * @window_actor_type: a subtype of `AtomrView.WindowActor`
 * @argc: the number of elements of @argv
 * @argv: (array length=argc) (nullable): the program's arguments; the first
 *   names the actor system
 *
 * Runs an application of one window like `atomr_view_gtk_run_window()`,
 * and serves it to a browser when the environment variable
 * `ATOMR_VIEW_BROADWAY` is set (to anything but `0`). Then it starts a
 * supervised `gtk4-broadwayd` (see [class@AtomrViewBroadway.Server]) on
 * `ATOMR_VIEW_BROADWAY_ADDRESS` (127.0.0.1 by default),
 * `ATOMR_VIEW_BROADWAY_PORT` and `ATOMR_VIEW_BROADWAY_DISPLAY` (free ones by
 * default), prints the address to open on standard output, and runs the
 * window there. SIGINT and SIGTERM shut the actor system down; the daemon
 * never outlives the program.
 *
 * Without the variable, or under the `atomr-view-broadway` launcher (which
 * serves the program itself), it is `atomr_view_gtk_run_window()`. Programs
 * that never serve themselves need not link this library: the launcher
 * serves any atomr-view program.
 *
 * Returns: an exit status for `main()`: 0 when the window opened and closed,
 *   1 when the daemon could not start, there is no display, the actor could
 *   not start, or the daemon died too often
 *
 * Since: 0.1
 */
int
atomr_view_broadway_run_window (GType   window_actor_type,
                                int     argc,
                                char  **argv)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  AtomrViewGtkStart start;
  guint sigint, sigterm;
  int status;

  g_return_val_if_fail (g_type_is_a (window_actor_type, ATOMR_VIEW_TYPE_WINDOW_ACTOR), 1);

  if (!wants_broadway ())
    return atomr_view_gtk_run_window (window_actor_type, argc, argv);

  /* What gtk_init() would do, before the first message of ours is printed. */
  setlocale (LC_ALL, "");

  atomr_view_gtk_start_init (&start, argc, argv);
  server = atomr_view_broadway_server_new ();
  if (!configure_from_environment (server, &error) || !atomr_view_broadway_server_start (server, &error))
    {
      g_printerr ("%s: %s\n", start.name, error->message);
      atomr_view_gtk_start_clear (&start);
      return 1;
    }
  atomr_view_broadway_server_export_environment (server);
  url = atomr_view_broadway_server_dup_url (server);
  g_print (_("%s: serving at %s (one browser at a time)\n"), start.name, url);
  fflush (stdout);

  if (!gtk_init_check ())
    {
      g_printerr (_("%s: cannot open Broadway display :%d\n"), start.name,
                  atomr_view_broadway_server_get_display (server));
      atomr_view_gtk_start_clear (&start);
      return 1;
    }
  if (!atomr_view_gtk_start_spawn (&start, window_actor_type))
    {
      atomr_view_gtk_start_clear (&start);
      return 1;
    }

  g_signal_connect (server, "failed", G_CALLBACK (server_failed_cb), start.system);
  sigint = g_unix_signal_add (SIGINT, shutdown_cb, start.system);
  sigterm = g_unix_signal_add (SIGTERM, shutdown_cb, start.system);
  status = atomr_view_ui_bridge_run (start.bridge);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (g_object_get_data (G_OBJECT (server), "atomr-view-failed") != NULL)
    status = 1;

  /* GDK ends a program whose display connection breaks: let go of the display before the daemon goes. */
  g_clear_object (&start.window);
  g_clear_object (&start.bridge);
  g_clear_object (&start.backend);
  if (gdk_display_get_default () != NULL)
    gdk_display_close (gdk_display_get_default ());
  atomr_view_broadway_server_stop (server);
  atomr_view_gtk_start_clear (&start);
  return status;
}

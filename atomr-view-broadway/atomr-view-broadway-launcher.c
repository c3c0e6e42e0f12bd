/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* atomr-view-broadway: serves an atomr-view program to a web browser.
 *
 *   atomr-view-broadway [--address A] [--port P] [--display N] -- PROGRAM ARGS...
 *
 * Starts a supervised gtk4-broadwayd (AtomrViewBroadwayServer), runs PROGRAM
 * on its display, prints the address to open, and exits with PROGRAM's
 * status once PROGRAM has exited and the daemon is gone. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "atomr-view-broadway.h"

#define PROGRAM_GRACE_MS 5000

typedef struct
{
  GMainLoop               *loop;
  AtomrViewBroadwayServer *server;
  GPid                     program;       /* ours to signal until program_done */
  char                    *program_name;
  int                      status;
  gboolean                 program_done;
  guint                    kill_timer;
} Launcher;

typedef struct
{
  pid_t parent;
} ChildSetup;

/* In the child, between fork and exec: the program ends with us. */
static void
child_setup (gpointer user_data)
{
  ChildSetup *setup = user_data;

  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (getppid () != setup->parent)
    _exit (1);
}

static gboolean
kill_program_cb (gpointer user_data)
{
  Launcher *launcher = user_data;

  launcher->kill_timer = 0;
  g_printerr (_("atomr-view-broadway: %s did not end within %d s; killing it\n"),
              launcher->program_name, PROGRAM_GRACE_MS / 1000);
  if (!launcher->program_done)
    kill (launcher->program, SIGKILL);
  return G_SOURCE_REMOVE;
}

/* Asks the program to end, and makes sure it does. */
static void
end_program (Launcher *launcher,
             int       signal_number)
{
  if (launcher->program_done)
    return;
  kill (launcher->program, signal_number);
  if (launcher->kill_timer == 0)
    launcher->kill_timer = g_timeout_add (PROGRAM_GRACE_MS, kill_program_cb, launcher);
}

static gboolean
sigint_cb (gpointer user_data)
{
  end_program (user_data, SIGINT);
  return G_SOURCE_CONTINUE;
}

static gboolean
sigterm_cb (gpointer user_data)
{
  end_program (user_data, SIGTERM);
  return G_SOURCE_CONTINUE;
}

static void
program_exited_cb (GPid     pid,
                   int      wait_status,
                   gpointer user_data)
{
  Launcher *launcher = user_data;

  g_spawn_close_pid (pid);
  launcher->program_done = TRUE;
  if (launcher->kill_timer != 0)
    g_clear_handle_id (&launcher->kill_timer, g_source_remove);
  /* A status the way a shell reports it; a failure of ours already set one. */
  if (launcher->status == 0)
    {
      if (WIFEXITED (wait_status))
        launcher->status = WEXITSTATUS (wait_status);
      else if (WIFSIGNALED (wait_status))
        launcher->status = 128 + WTERMSIG (wait_status);
      else
        launcher->status = 1;
    }
  g_main_loop_quit (launcher->loop);
}

static void
daemon_restarted_cb (AtomrViewBroadwayServer *server,
                     gpointer                 user_data)
{
  g_autofree char *url = atomr_view_broadway_server_dup_url (server);

  g_print (_("atomr-view-broadway: the Broadway daemon was restarted (pid %d); reload %s to see the windows again\n"),
           (int) atomr_view_broadway_server_get_daemon_pid (server), url);
  fflush (stdout);
}

static void
server_failed_cb (AtomrViewBroadwayServer *server,
                  const GError            *error,
                  gpointer                 user_data)
{
  Launcher *launcher = user_data;

  g_printerr ("atomr-view-broadway: %s\n", error->message);
  launcher->status = 1;
  end_program (launcher, SIGTERM);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *display_text = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) program_argv = NULL;
  g_auto(GStrv) envp = NULL;
  Launcher launcher = { 0 };
  ChildSetup setup = { getpid () };
  int port = 0, start_timeout = 0;
  guint sigint, sigterm;
  const GOptionEntry entries[] = {
    { "address", 'a', 0, G_OPTION_ARG_STRING, &address,
      N_("Listen for browsers on ADDRESS (default 127.0.0.1: this machine only)"), N_("ADDRESS") },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Listen for browsers on PORT (default: a free one)"), N_("PORT") },
    { "display", 'd', 0, G_OPTION_ARG_STRING, &display_text,
      N_("Use Broadway display N, written N or :N (default: a free one)"), N_("N") },
    { "start-timeout", 0, 0, G_OPTION_ARG_INT, &start_timeout,
      N_("Give the daemon MS milliseconds to listen (default 10000)"), N_("MS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &program_argv, NULL, N_("PROGRAM [ARGS…]") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  options = g_option_context_new (_("-- PROGRAM [ARGS…] — serve an atomr-view program to a web browser"));
  g_option_context_set_summary (options,
                                _("Starts gtk4-broadwayd on a free display and port of 127.0.0.1, runs PROGRAM on it "
                                  "and prints the address to open. The daemon is restarted if it dies, and PROGRAM "
                                  "shows its windows again; none is left when PROGRAM exits."));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("atomr-view-broadway: %s\n", error->message);
      return 2;
    }
  if (program_argv == NULL || program_argv[0] == NULL)
    {
      g_printerr (_("atomr-view-broadway: name the program to serve: "
                    "atomr-view-broadway [OPTIONS] -- PROGRAM [ARGS…]\n"));
      return 2;
    }

  server = atomr_view_broadway_server_new ();
  if (address != NULL)
    atomr_view_broadway_server_set_address (server, address);
  if (port != 0)
    {
      if (port < 1 || port > G_MAXUINT16)
        {
          g_printerr (_("atomr-view-broadway: %d is not a TCP port: ports go from 1 to 65535\n"), port);
          return 2;
        }
      atomr_view_broadway_server_set_port (server, (guint) port);
    }
  if (display_text != NULL)
    {
      guint64 display;

      if (!g_ascii_string_to_unsigned (display_text[0] == ':' ? display_text + 1 : display_text, 10, 0, 65534,
                                       &display, NULL))
        {
          g_printerr (_("atomr-view-broadway: “%s” is not a display number such as :5\n"), display_text);
          return 2;
        }
      atomr_view_broadway_server_set_display (server, (int) display);
    }
  if (start_timeout > 0)
    atomr_view_broadway_server_set_start_timeout (server, (guint) start_timeout);

  if (!atomr_view_broadway_server_start (server, &error))
    {
      g_printerr ("atomr-view-broadway: %s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  launcher.loop = loop;
  launcher.server = server;
  launcher.program_name = program_argv[0];

  envp = atomr_view_broadway_server_get_environ (server, NULL);
  if (!g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) program_argv, (const char * const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN,
                                         child_setup, &setup, -1, -1, -1, NULL, NULL, 0,
                                         &launcher.program, NULL, NULL, NULL, &error))
    {
      g_printerr (_("atomr-view-broadway: cannot run %s: %s\n"), program_argv[0], error->message);
      atomr_view_broadway_server_stop (server);
      return 1;
    }

  url = atomr_view_broadway_server_dup_url (server);
  g_print (_("atomr-view-broadway: serving %s at %s (Broadway display :%d, daemon pid %d, program pid %d)\n"),
           program_argv[0], url, atomr_view_broadway_server_get_display (server),
           (int) atomr_view_broadway_server_get_daemon_pid (server), (int) launcher.program);
  g_print (_("atomr-view-broadway: open it in one browser: a second one takes the display over\n"));
  fflush (stdout);

  g_signal_connect (server, "daemon-restarted", G_CALLBACK (daemon_restarted_cb), &launcher);
  g_signal_connect (server, "failed", G_CALLBACK (server_failed_cb), &launcher);
  sigint = g_unix_signal_add (SIGINT, sigint_cb, &launcher);
  sigterm = g_unix_signal_add (SIGTERM, sigterm_cb, &launcher);
  g_child_watch_add (launcher.program, program_exited_cb, &launcher);

  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_signal_handlers_disconnect_by_data (server, &launcher);
  atomr_view_broadway_server_stop (server);
  return launcher.status;
}

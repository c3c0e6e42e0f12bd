/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomr-view-broadway-daemon-private.h"

#define OUTPUT_LINES 8

struct _AtomrViewBroadwayDaemon
{
  GSubprocess                     *process;
  GPid                             pid;
  GCancellable                    *cancellable;
  GDataInputStream                *errors;
  GQueue                           output;      /* the last lines of standard error */
  GSource                         *kill_timer;
  AtomrViewBroadwayDaemonExitFunc  exited;
  gpointer                         user_data;
  gboolean                         has_exited;
  int                              wait_status;
};

typedef struct
{
  pid_t parent;
} ChildSetup;

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child_setup (gpointer user_data)
{
  ChildSetup *setup = user_data;

  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  /* The parent died before prctl: nobody would stop us. */
  if (getppid () != setup->parent)
    _exit (1);
}

static void read_next_line (AtomrViewBroadwayDaemon *daemon);

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  g_autofree char *line = NULL;
  AtomrViewBroadwayDaemon *daemon;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  daemon = user_data;
  if (raw == NULL)
    return;
  line = g_utf8_make_valid (raw, -1);
  g_debug ("gtk4-broadwayd[%d]: %s", (int) daemon->pid, line);
  if (*g_strstrip (line) != '\0')
    {
      g_queue_push_tail (&daemon->output, g_steal_pointer (&line));
      while (daemon->output.length > OUTPUT_LINES)
        g_free (g_queue_pop_head (&daemon->output));
    }
  read_next_line (daemon);
}

static void
read_next_line (AtomrViewBroadwayDaemon *daemon)
{
  g_data_input_stream_read_line_async (daemon->errors, G_PRIORITY_DEFAULT, daemon->cancellable,
                                       line_read_cb, daemon);
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  AtomrViewBroadwayDaemon *daemon;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  daemon = user_data;
  daemon->has_exited = TRUE;
  daemon->wait_status = g_subprocess_get_status (daemon->process);
  if (daemon->kill_timer != NULL)
    {
      g_source_destroy (daemon->kill_timer);
      g_clear_pointer (&daemon->kill_timer, g_source_unref);
    }
  if (daemon->exited != NULL)
    daemon->exited (daemon, daemon->user_data);
}

AtomrViewBroadwayDaemon *
atomr_view_broadway_daemon_spawn (const char                       *program,
                                  const char                       *address,
                                  guint                             port,
                                  guint                             display,
                                  const char                       *runtime_dir,
                                  AtomrViewBroadwayDaemonExitFunc   exited,
                                  gpointer                          user_data,
                                  GError                          **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *display_text = g_strdup_printf (":%u", display);
  const char *argv[] = { program, "--port", port_text, "--address", address, display_text, NULL };
  ChildSetup *setup = g_new0 (ChildSetup, 1);
  AtomrViewBroadwayDaemon *daemon;
  GSubprocess *process;

  /* The daemon makes its socket for clients in its runtime folder: ours, private. */
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  setup->parent = getpid ();
  g_subprocess_launcher_set_child_setup (launcher, child_setup, setup, g_free);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return NULL;

  daemon = g_new0 (AtomrViewBroadwayDaemon, 1);
  daemon->process = process;
  daemon->pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  daemon->cancellable = g_cancellable_new ();
  daemon->errors = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  daemon->exited = exited;
  daemon->user_data = user_data;
  g_queue_init (&daemon->output);
  read_next_line (daemon);
  g_subprocess_wait_async (process, daemon->cancellable, waited_cb, daemon);
  return daemon;
}

GPid
atomr_view_broadway_daemon_get_pid (AtomrViewBroadwayDaemon *daemon)
{
  return daemon->pid;
}

gboolean
atomr_view_broadway_daemon_has_exited (AtomrViewBroadwayDaemon *daemon)
{
  return daemon->has_exited;
}

char *
atomr_view_broadway_daemon_describe_exit (AtomrViewBroadwayDaemon *daemon)
{
  if (!daemon->has_exited)
    return NULL;
  if (WIFEXITED (daemon->wait_status))
    return g_strdup_printf ("exited with status %d", WEXITSTATUS (daemon->wait_status));
  if (WIFSIGNALED (daemon->wait_status))
    return g_strdup_printf ("was killed by signal %d (%s)", WTERMSIG (daemon->wait_status),
                            g_strsignal (WTERMSIG (daemon->wait_status)));
  return g_strdup_printf ("ended with wait status %d", daemon->wait_status);
}

char *
atomr_view_broadway_daemon_dup_output (AtomrViewBroadwayDaemon *daemon)
{
  GString *text;

  if (daemon->output.length == 0)
    return NULL;
  text = g_string_new (NULL);
  for (GList *l = daemon->output.head; l != NULL; l = l->next)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, l->data);
    }
  return g_string_free (text, FALSE);
}

static gboolean
kill_timer_cb (gpointer user_data)
{
  AtomrViewBroadwayDaemon *daemon = user_data;

  g_debug ("gtk4-broadwayd[%d] outlived SIGTERM; sending SIGKILL", (int) daemon->pid);
  g_subprocess_force_exit (daemon->process);
  g_clear_pointer (&daemon->kill_timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

void
atomr_view_broadway_daemon_terminate (AtomrViewBroadwayDaemon *daemon,
                                      guint                    grace_ms)
{
  if (daemon->has_exited || daemon->kill_timer != NULL)
    return;
  g_subprocess_send_signal (daemon->process, SIGTERM);
  daemon->kill_timer = g_timeout_source_new (grace_ms);
  g_source_set_static_name (daemon->kill_timer, "[atomr-view] Broadway daemon kill timer");
  g_source_set_callback (daemon->kill_timer, kill_timer_cb, daemon, NULL);
  g_source_attach (daemon->kill_timer, g_main_context_get_thread_default ());
}

void
atomr_view_broadway_daemon_free (AtomrViewBroadwayDaemon *daemon)
{
  if (daemon == NULL)
    return;
  if (!daemon->has_exited)
    g_subprocess_force_exit (daemon->process);
  g_cancellable_cancel (daemon->cancellable);
  if (daemon->kill_timer != NULL)
    {
      g_source_destroy (daemon->kill_timer);
      g_source_unref (daemon->kill_timer);
    }
  g_queue_clear_full (&daemon->output, g_free);
  g_clear_object (&daemon->errors);
  g_clear_object (&daemon->cancellable);
  g_clear_object (&daemon->process);
  g_free (daemon);
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "atomr-view-broadway-daemon-private.h"

#define OUTPUT_LINES 8

/* Each pending operation holds a reference: a result that was on its way
 * when the daemon was freed finds it marked freed, not gone. The process id
 * stays ours to signal until the child watch has reaped it. */
struct _AtomrViewBroadwayDaemon
{
  guint                            ref_count;
  gboolean                         freed;
  GPid                             pid;
  GSource                         *child_watch;
  GCancellable                    *cancellable;
  GDataInputStream                *errors;
  GQueue                           output;      /* the last lines of standard error */
  GSource                         *kill_timer;
  AtomrViewBroadwayDaemonExitFunc  exited;
  gpointer                         user_data;
  gboolean                         has_exited;
  gboolean                         output_ended;  /* standard error read to its end */
  gboolean                         exit_reported;
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
static void report_exit (AtomrViewBroadwayDaemon *daemon);

static AtomrViewBroadwayDaemon *
daemon_ref (AtomrViewBroadwayDaemon *daemon)
{
  daemon->ref_count++;
  return daemon;
}

static void
daemon_unref (AtomrViewBroadwayDaemon *daemon)
{
  if (--daemon->ref_count > 0)
    return;
  g_queue_clear_full (&daemon->output, g_free);
  g_clear_object (&daemon->errors);
  g_clear_object (&daemon->cancellable);
  g_free (daemon);
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AtomrViewBroadwayDaemon *daemon = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  g_autofree char *line = NULL;

  if (daemon->freed)
    {
      daemon_unref (daemon);
      return;
    }
  if (raw == NULL)
    {
      /* Its last words are in: an exit seen before them can be told now. */
      daemon->output_ended = TRUE;
      report_exit (daemon);
      daemon_unref (daemon);
      return;
    }
  line = g_utf8_make_valid (raw, -1);
  g_debug ("gtk4-broadwayd[%d]: %s", (int) daemon->pid, line);
  if (*g_strstrip (line) != '\0')
    {
      g_queue_push_tail (&daemon->output, g_steal_pointer (&line));
      while (daemon->output.length > OUTPUT_LINES)
        g_free (g_queue_pop_head (&daemon->output));
    }
  read_next_line (daemon);
  daemon_unref (daemon);
}

static void
read_next_line (AtomrViewBroadwayDaemon *daemon)
{
  g_data_input_stream_read_line_async (daemon->errors, G_PRIORITY_DEFAULT, daemon->cancellable,
                                       line_read_cb, daemon_ref (daemon));
}

static void
child_exited_cb (GPid     pid,
                 int      wait_status,
                 gpointer user_data)
{
  AtomrViewBroadwayDaemon *daemon = user_data;

  g_spawn_close_pid (pid);
  g_clear_pointer (&daemon->child_watch, g_source_unref);
  daemon->has_exited = TRUE;
  daemon->wait_status = wait_status;
  clear_source (&daemon->kill_timer);
  daemon_ref (daemon);
  report_exit (daemon);
  daemon_unref (daemon);
}

/* Once it has exited and everything it wrote has been read, so that the
 * reason it gave goes with the news. The callback may free the daemon: the
 * caller's reference keeps it until the caller is done. */
static void
report_exit (AtomrViewBroadwayDaemon *daemon)
{
  if (!daemon->has_exited || !daemon->output_ended || daemon->exit_reported || daemon->freed)
    return;
  daemon->exit_reported = TRUE;
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
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *display_text = g_strdup_printf (":%u", display);
  const char *argv[] = { program, "--port", port_text, "--address", address, display_text, NULL };
  /* The daemon makes its socket for clients in its runtime folder: ours, private. */
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  ChildSetup setup = { getpid () };
  AtomrViewBroadwayDaemon *daemon;
  GPid pid;
  int errors_fd = -1;

  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *) envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                         child_setup, &setup, -1, -1, -1, NULL, NULL, 0,
                                         &pid, NULL, NULL, &errors_fd, error))
    return NULL;

  daemon = g_new0 (AtomrViewBroadwayDaemon, 1);
  daemon->ref_count = 1;
  daemon->pid = pid;
  daemon->cancellable = g_cancellable_new ();
  {
    g_autoptr(GInputStream) errors = g_unix_input_stream_new (errors_fd, TRUE);
    daemon->errors = g_data_input_stream_new (errors);
  }
  daemon->exited = exited;
  daemon->user_data = user_data;
  g_queue_init (&daemon->output);
  read_next_line (daemon);

  daemon->child_watch = g_child_watch_source_new (pid);
  g_source_set_static_name (daemon->child_watch, "[atomr-view] Broadway daemon exit");
  g_source_set_callback (daemon->child_watch, G_SOURCE_FUNC (child_exited_cb), daemon_ref (daemon),
                         (GDestroyNotify) daemon_unref);
  g_source_attach (daemon->child_watch, g_main_context_get_thread_default ());
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
  g_clear_pointer (&daemon->kill_timer, g_source_unref);
  if (!daemon->has_exited)
    kill (daemon->pid, SIGKILL);
  return G_SOURCE_REMOVE;
}

void
atomr_view_broadway_daemon_terminate (AtomrViewBroadwayDaemon *daemon,
                                      guint                    grace_ms)
{
  if (daemon->has_exited || daemon->kill_timer != NULL)
    return;
  kill (daemon->pid, SIGTERM);
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
  daemon->freed = TRUE;
  clear_source (&daemon->kill_timer);
  if (!daemon->has_exited)
    {
      /* Killed and reaped here: nothing of it outlives this call. */
      clear_source (&daemon->child_watch);
      kill (daemon->pid, SIGKILL);
      waitpid (daemon->pid, NULL, 0);
      g_spawn_close_pid (daemon->pid);
      daemon->has_exited = TRUE;
    }
  g_cancellable_cancel (daemon->cancellable);
  daemon_unref (daemon);
}

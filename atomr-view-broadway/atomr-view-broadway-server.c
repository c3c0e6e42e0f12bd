/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixsocketaddress.h>

#include "atomr-view-broadway-control-private.h"
#include "atomr-view-broadway-daemon-private.h"
#include "atomr-view-broadway-error.h"
#include "atomr-view-broadway-relay-private.h"
#include "atomr-view-broadway-server.h"

/**
 * AtomrViewBroadwayServer:
 *
 * Serves GTK programs to a web browser through a supervised `gtk4-broadwayd`.
 *
 * [method@AtomrViewBroadway.Server.start] starts the daemon on
 * [property@AtomrViewBroadway.Server:address] (127.0.0.1 unless told
 * otherwise: Debian's daemon would listen on every interface), on a free
 * display and port unless given ones, and returns once it listens. Programs
 * started with [method@AtomrViewBroadway.Server.get_environ] (or this one,
 * after [method@AtomrViewBroadway.Server.export_environment]) show their
 * windows at [method@AtomrViewBroadway.Server.dup_url].
 *
 * The daemon is supervised. GDK ends a program whose daemon goes away, so
 * programs do not talk to the daemon directly: they connect to a relay of
 * the server's, which forwards everything both ways. When the daemon dies,
 * the relay keeps the programs' connections, the server starts a new daemon
 * on the same display and port, and tells the programs (through the socket
 * named by `ATOMR_VIEW_BROADWAY_CONTROL`) that their display went away and
 * that a new one is ready. The GTK backend of atomr-view then opens every
 * window again from the scenes its bridge holds: nothing is lost, and a
 * browser that reloads the page sees the same windows. A daemon that dies
 * more than [property@AtomrViewBroadway.Server:max-restarts] times within a
 * minute is given up on: [signal@AtomrViewBroadway.Server::failed].
 *
 * [method@AtomrViewBroadway.Server.stop] (or the last reference going) stops
 * the daemon and removes every socket the server made. The daemon is also
 * killed by the kernel when the server's process dies.
 *
 * The [Broadway page](broadway.html) has the whole picture.
 *
 * Thread safety: the thread that starts it (its thread-default main context
 * gets the signals). The daemon is supervised, and programs' connections
 * relayed, on a thread of the server's own.
 *
 * Since: 0.1
 */

#define DEFAULT_ADDRESS        "127.0.0.1"
#define DEFAULT_START_TIMEOUT  10000
#define DEFAULT_MAX_RESTARTS   5
#define READY_POLL_MS          5
#define TERMINATE_GRACE_MS     2000
#define RESTART_WINDOW_US      (60 * G_USEC_PER_SEC)
#define FIRST_FREE_DISPLAY     1
#define LAST_FREE_DISPLAY      999

typedef enum
{
  STATE_STARTING,
  STATE_RUNNING,
  STATE_RESTARTING,
  STATE_FAILED,
  STATE_STOPPING,
} State;

struct _AtomrViewBroadwayServer
{
  GObject                   parent_instance;

  /* Settings, on the owner's thread. */
  char                     *address;
  guint                     port;
  int                       display;
  char                     *daemon_path;
  guint                     start_timeout;
  guint                     max_restarts;

  /* Fixed while running: copies of the settings, which the supervisor thread reads. */
  gboolean                  running;
  char                     *actual_address;
  guint                     actual_start_timeout;
  guint                     actual_max_restarts;
  GMainContext             *owner_context;
  char                     *daemon_program;
  guint                     actual_port;
  guint                     actual_display;
  char                     *private_dir;
  char                     *relay_path;
  char                     *control_path;
  char                     *daemon_socket;
  GSocket                  *relay_listener;
  GSocket                  *control_listener;

  /* The supervisor thread. */
  GThread                  *thread;
  GMainContext             *context;
  GMainLoop                *loop;
  State                     state;
  AtomrViewBroadwayDaemon  *daemon;
  AtomrViewBroadwayRelay   *relay;
  AtomrViewBroadwayControl *control;
  GSource                  *ready_timer;
  GSource                  *retry_timer;
  gint64                    ready_deadline;
  GError                   *pending_error; /* for when the daemon that did not listen is gone */
  GArray                   *deaths;     /* gint64: when the daemon died, within the last minute */

  /* Between the two. */
  GMutex                    lock;
  GCond                     cond;
  gboolean                  start_done;
  GError                   *start_error;
  _Atomic int               daemon_pid;
  _Atomic unsigned int      restarts;
};

G_DEFINE_FINAL_TYPE (AtomrViewBroadwayServer, atomr_view_broadway_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADDRESS,
  PROP_PORT,
  PROP_DISPLAY,
  PROP_DAEMON_PATH,
  PROP_START_TIMEOUT,
  PROP_MAX_RESTARTS,
  PROP_RUNNING,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAEMON_RESTARTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void spawn_daemon (AtomrViewBroadwayServer *self);

/* -- Signals, on the owner's context ------------------------------------ */

/* Holds the server weakly: an owner that lets go of it before its context
 * runs again must not keep it, and its daemon, alive. */
typedef struct
{
  GWeakRef  server;
  guint     signal;
  GError   *error;
} Emission;

static void
emission_free (Emission *emission)
{
  g_weak_ref_clear (&emission->server);
  g_clear_error (&emission->error);
  g_free (emission);
}

static gboolean
emit_cb (gpointer user_data)
{
  Emission *emission = user_data;
  g_autoptr(AtomrViewBroadwayServer) server = g_weak_ref_get (&emission->server);

  /* Gone or stopped meanwhile: the owner asked to hear no more. */
  if (server != NULL && server->running)
    {
      if (emission->error != NULL)
        g_signal_emit (server, signals[emission->signal], 0, emission->error);
      else
        g_signal_emit (server, signals[emission->signal], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
emit_on_owner (AtomrViewBroadwayServer *self,
               guint                    signal,
               const GError            *error)
{
  Emission *emission = g_new0 (Emission, 1);

  g_weak_ref_init (&emission->server, self);
  emission->signal = signal;
  emission->error = error ? g_error_copy (error) : NULL;
  g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT, emit_cb, emission,
                              (GDestroyNotify) emission_free);
}

/* -- The supervisor thread ---------------------------------------------- */

static void
finish_start (AtomrViewBroadwayServer *self,
              GError                  *error)
{
  g_mutex_lock (&self->lock);
  self->start_done = TRUE;
  self->start_error = error;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
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
forget_daemon (AtomrViewBroadwayServer *self)
{
  g_clear_pointer (&self->daemon, atomr_view_broadway_daemon_free);
  atomic_store (&self->daemon_pid, 0);
}

/* The address to knock at to see whether the daemon listens. */
static GInetAddress *
probe_address (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (g_inet_address_get_is_any (inet))
    return g_inet_address_new_loopback (g_inet_address_get_family (inet));
  return g_steal_pointer (&inet);
}

static gboolean
connects (GSocketAddress *address)
{
  g_autoptr(GSocket) socket = g_socket_new (g_socket_address_get_family (address), G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, NULL);

  return socket != NULL && g_socket_connect (socket, address, NULL, NULL);
}

/* The daemon opens its web port before its socket for programs: both must answer. */
static gboolean
daemon_listens (AtomrViewBroadwayServer *self)
{
  g_autoptr(GSocketAddress) local = g_unix_socket_address_new (self->daemon_socket);
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) web = NULL;

  if (!connects (local))
    return FALSE;
  inet = probe_address (self->actual_address);
  web = g_inet_socket_address_new (inet, self->actual_port);
  return connects (web);
}

static gboolean
retry_cb (gpointer user_data)
{
  AtomrViewBroadwayServer *self = user_data;

  g_clear_pointer (&self->retry_timer, g_source_unref);
  spawn_daemon (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_restart (AtomrViewBroadwayServer *self,
                  const char              *why)
{
  gint64 now = g_get_monotonic_time ();
  guint delay_ms;

  g_array_append_val (self->deaths, now);
  while (self->deaths->len > 0 && now - g_array_index (self->deaths, gint64, 0) > RESTART_WINDOW_US)
    g_array_remove_index (self->deaths, 0);

  if (self->deaths->len > self->actual_max_restarts)
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
                   _("The Broadway daemon of display :%u stopped %u times within a minute; it is not started again "
                     "(the last time it %s)"),
                   self->actual_display, self->deaths->len, why);
      /* Programs keep their connections, with no daemon behind: the owner decides their end. */
      self->state = STATE_FAILED;
      emit_on_owner (self, FAILED, error);
      return;
    }

  /* The first restart at once; a daemon that keeps dying is given more and more time. */
  self->state = STATE_RESTARTING;
  delay_ms = self->deaths->len <= 1 ? 0 : MIN (100u << MIN (self->deaths->len - 2, 5u), 2000u);
  g_debug ("Restarting the Broadway daemon of display :%u in %u ms", self->actual_display, delay_ms);
  self->retry_timer = g_timeout_source_new (delay_ms);
  g_source_set_static_name (self->retry_timer, "[atomr-view] Broadway restart");
  g_source_set_callback (self->retry_timer, retry_cb, self, NULL);
  g_source_attach (self->retry_timer, self->context);
}

/* A start (the first or a restart) that did not end with a listening daemon. */
static void
attempt_failed (AtomrViewBroadwayServer *self,
                GError                  *error)
{
  if (self->state == STATE_STARTING)
    {
      finish_start (self, error);
      return;
    }
  g_message ("%s", error->message);
  schedule_restart (self, error->message);
  g_error_free (error);
}

static void
daemon_ready (AtomrViewBroadwayServer *self)
{
  g_debug ("The Broadway daemon of display :%u listens (pid %d)", self->actual_display,
           (int) atomr_view_broadway_daemon_get_pid (self->daemon));
  atomr_view_broadway_relay_set_daemon (self->relay, self->daemon_socket);
  if (self->state == STATE_STARTING)
    {
      self->state = STATE_RUNNING;
      finish_start (self, NULL);
    }
  else if (self->state == STATE_RESTARTING)
    {
      self->state = STATE_RUNNING;
      atomic_fetch_add (&self->restarts, 1);
      atomr_view_broadway_control_broadcast (self->control, "ready");
      emit_on_owner (self, DAEMON_RESTARTED, NULL);
    }
}

static gboolean
ready_poll_cb (gpointer user_data)
{
  AtomrViewBroadwayServer *self = user_data;
  GError *error = NULL;

  if (daemon_listens (self))
    {
      g_clear_pointer (&self->ready_timer, g_source_unref);
      daemon_ready (self);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () < self->ready_deadline)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->ready_timer, g_source_unref);
  g_set_error (&error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
               _("The Broadway daemon %s did not listen on %s port %u (display :%u) within %u ms"),
               self->daemon_program, self->actual_address, self->actual_port, self->actual_display,
               self->actual_start_timeout);
  /* Reported once it is gone, so that nothing of it is left when the caller hears. */
  self->pending_error = error;
  atomr_view_broadway_daemon_terminate (self->daemon, TERMINATE_GRACE_MS);
  return G_SOURCE_REMOVE;
}

static void
daemon_exited_cb (AtomrViewBroadwayDaemon *daemon,
                  gpointer                 user_data)
{
  AtomrViewBroadwayServer *self = user_data;
  g_autofree char *how = atomr_view_broadway_daemon_describe_exit (daemon);
  g_autofree char *output = atomr_view_broadway_daemon_dup_output (daemon);

  if (self->state == STATE_STOPPING)
    {
      forget_daemon (self);
      g_main_loop_quit (self->loop);
      return;
    }
  if (self->pending_error != NULL)
    {
      forget_daemon (self);
      attempt_failed (self, g_steal_pointer (&self->pending_error));
      return;
    }

  if (self->ready_timer != NULL)
    {
      GError *error = NULL;

      /* It never listened. Its own words say why; a port taken by then is the usual reason. */
      clear_source (&self->ready_timer);
      if (output != NULL && strstr (output, "already in use") != NULL)
        g_set_error (&error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE,
                     _("Port %u on %s is already in use by another program (the Broadway daemon said: %s)"),
                     self->actual_port, self->actual_address, output);
      else
        g_set_error (&error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
                     _("The Broadway daemon %s %s while starting on display :%u, port %u (it said: %s)"),
                     self->daemon_program, how, self->actual_display, self->actual_port,
                     output != NULL ? output : _("nothing"));
      forget_daemon (self);
      attempt_failed (self, error);
      return;
    }

  g_message (_("The Broadway daemon of display :%u %s; starting a new one (reload the page to see the windows again)"),
             self->actual_display, how);
  forget_daemon (self);
  atomr_view_broadway_relay_daemon_lost (self->relay, atomr_view_broadway_control_has_programs (self->control));
  atomr_view_broadway_control_broadcast (self->control, "lost");
  schedule_restart (self, how);
}

static void
spawn_daemon (AtomrViewBroadwayServer *self)
{
  GError *error = NULL;

  clear_source (&self->retry_timer);
  /* A daemon killed hard leaves its socket; the next one replaces it, but must not be taken for listening. */
  g_unlink (self->daemon_socket);
  self->daemon = atomr_view_broadway_daemon_spawn (self->daemon_program, self->actual_address, self->actual_port,
                                                   self->actual_display, self->private_dir,
                                                   daemon_exited_cb, self, &error);
  if (self->daemon == NULL)
    {
      GError *spawn_error = NULL;

      g_set_error (&spawn_error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
                   _("Cannot start the Broadway daemon %s: %s"), self->daemon_program, error->message);
      g_error_free (error);
      attempt_failed (self, spawn_error);
      return;
    }
  atomic_store (&self->daemon_pid, atomr_view_broadway_daemon_get_pid (self->daemon));
  self->ready_deadline = g_get_monotonic_time () + (gint64) self->actual_start_timeout * 1000;
  self->ready_timer = g_timeout_source_new (READY_POLL_MS);
  g_source_set_static_name (self->ready_timer, "[atomr-view] Broadway daemon ready poll");
  g_source_set_callback (self->ready_timer, ready_poll_cb, self, NULL);
  g_source_attach (self->ready_timer, self->context);
}

static gboolean
stop_cb (gpointer user_data)
{
  AtomrViewBroadwayServer *self = user_data;

  self->state = STATE_STOPPING;
  g_clear_error (&self->pending_error);
  clear_source (&self->ready_timer);
  clear_source (&self->retry_timer);
  g_clear_pointer (&self->relay, atomr_view_broadway_relay_free);
  g_clear_pointer (&self->control, atomr_view_broadway_control_free);
  if (self->daemon != NULL && !atomr_view_broadway_daemon_has_exited (self->daemon))
    atomr_view_broadway_daemon_terminate (self->daemon, TERMINATE_GRACE_MS);
  else
    g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
supervisor_thread (gpointer user_data)
{
  AtomrViewBroadwayServer *self = user_data;

  g_main_context_push_thread_default (self->context);
  self->relay = atomr_view_broadway_relay_new (self->relay_listener);
  self->control = atomr_view_broadway_control_new (self->control_listener);
  spawn_daemon (self);
  g_main_loop_run (self->loop);

  forget_daemon (self);
  g_clear_pointer (&self->relay, atomr_view_broadway_relay_free);
  g_clear_pointer (&self->control, atomr_view_broadway_control_free);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

/* -- Starting and stopping, on the owner's thread ----------------------- */

static char *
find_daemon (const char  *path,
             GError     **error)
{
  char *found = NULL;

  if (strchr (path, '/') != NULL)
    {
      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (path, G_FILE_TEST_IS_DIR))
        found = g_strdup (path);
    }
  else
    found = g_find_program_in_path (path);

  if (found == NULL)
    g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_NOT_FOUND,
                 _("Cannot find the Broadway daemon “%s”: install GTK’s (on Debian: the package libgtk-4-bin), "
                   "or name it with the environment variable ATOMR_VIEW_BROADWAYD"),
                 path);
  return found;
}

/* Takes a free port when @port is 0; in both cases checks that nothing listens there. */
static gboolean
check_port (const char  *address,
            guint        port,
            guint       *out_port,
            GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) local_error = NULL;

  if (inet == NULL)
    {
      g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS,
                   _("“%s” is not an IP address: the Broadway daemon listens on an address such as "
                     "127.0.0.1 or ::1"),
                   address);
      return FALSE;
    }
  if (port > G_MAXUINT16)
    {
      g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS,
                   _("%u is not a TCP port: ports go from 1 to 65535"), port);
      return FALSE;
    }

  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &local_error);
  socket_address = g_inet_socket_address_new (inet, port);
  /* Bound as the daemon binds (with SO_REUSEADDR), so that only a listener counts as taken. */
  if (socket == NULL ||
      !g_socket_bind (socket, socket_address, TRUE, &local_error) ||
      !g_socket_listen (socket, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE,
                     _("Port %u on %s is already in use by another program"), port, address);
      else
        g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS,
                     _("Cannot listen on %s port %u: %s"), address, port, local_error->message);
      return FALSE;
    }
  bound = g_socket_get_local_address (socket, NULL);
  *out_port = bound != NULL ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)) : port;
  g_socket_close (socket, NULL);
  return TRUE;
}

static GSocket *
listen_unix (const char  *path,
             GError     **error)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, error);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);

  if (socket == NULL || !g_socket_bind (socket, address, FALSE, error) || !g_socket_listen (socket, error))
    return NULL;
  /* Connecting takes write permission: only this user's programs. */
  g_chmod (path, 0600);
  return g_steal_pointer (&socket);
}

/* A socket file that nobody answers at: what a daemon or relay killed hard leaves. */
static gboolean
is_stale_socket (const char *path)
{
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  GStatBuf info;

  return g_lstat (path, &info) == 0 && S_ISSOCK (info.st_mode) && !connects (address);
}

/* GDK connects to $XDG_RUNTIME_DIR/broadway<N+1>.socket for display :N; the relay listens there. */
static gboolean
listen_for_programs (AtomrViewBroadwayServer  *self,
                     GError                  **error)
{
  const char *runtime_dir = g_get_user_runtime_dir ();
  int first = self->display >= 0 ? self->display : FIRST_FREE_DISPLAY;
  int last = self->display >= 0 ? self->display : LAST_FREE_DISPLAY;

  g_mkdir_with_parents (runtime_dir, 0700);
  for (int display = first; display <= last; display++)
    {
      g_autofree char *name = g_strdup_printf ("broadway%d.socket", display + 1);
      g_autofree char *path = g_build_filename (runtime_dir, name, NULL);
      g_autoptr(GError) local_error = NULL;
      GSocket *socket;

      if (strlen (path) >= sizeof (((struct sockaddr_un *) NULL)->sun_path))
        {
          g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_FAILED,
                       _("Cannot make the socket %s for Broadway display :%d: the path is longer than a Unix socket "
                         "address holds (%d bytes); point XDG_RUNTIME_DIR at a shorter folder"),
                       path, display, (int) sizeof (((struct sockaddr_un *) NULL)->sun_path) - 1);
          return FALSE;
        }
      socket = listen_unix (path, &local_error);

      if (socket == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE) &&
          is_stale_socket (path))
        {
          g_clear_error (&local_error);
          g_unlink (path);
          socket = listen_unix (path, &local_error);
        }
      if (socket != NULL)
        {
          self->relay_listener = socket;
          self->relay_path = g_steal_pointer (&path);
          self->actual_display = (guint) display;
          return TRUE;
        }
      if (self->display >= 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
            g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE,
                         _("Broadway display :%d is already in use by this user (%s answers)"), display, path);
          else
            g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_FAILED,
                         _("Cannot make the socket %s for Broadway display :%d: %s"), path, display,
                         local_error->message);
          return FALSE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        {
          g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_FAILED,
                       _("Cannot make the socket %s for a Broadway display: %s"), path, local_error->message);
          return FALSE;
        }
    }
  g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE,
               _("Every Broadway display from :%d to :%d is in use in %s"), first, last, runtime_dir);
  return FALSE;
}

/* The private folders of servers whose process was killed outright: ours,
 * 0700, untouched for a minute (not one being set up right now), holding
 * nothing but sockets nobody answers at. The next server removes them. */
static void
remove_stale_private_dirs (void)
{
  g_autoptr(GDir) tmp = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  while (tmp != NULL && (name = g_dir_read_name (tmp)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *control = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) sockets = NULL;
      const char *entry;
      GStatBuf info;
      gboolean stale = TRUE;

      if (!g_str_has_prefix (name, "atomr-view-broadway-"))
        continue;
      path = g_build_filename (g_get_tmp_dir (), name, NULL);
      control = g_build_filename (path, "control.socket", NULL);
      if (g_lstat (path, &info) != 0 || !S_ISDIR (info.st_mode) || info.st_uid != getuid () ||
          (info.st_mode & 0777) != 0700 || info.st_mtime > time (NULL) - 60 || !is_stale_socket (control))
        continue;
      dir = g_dir_open (path, 0, NULL);
      sockets = g_ptr_array_new_with_free_func (g_free);
      while (dir != NULL && stale && (entry = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (path, entry, NULL);

          g_ptr_array_add (sockets, child);
          stale = is_stale_socket (child);
        }
      if (!stale)
        continue;
      for (guint i = 0; i < sockets->len; i++)
        g_unlink (g_ptr_array_index (sockets, i));
      if (g_rmdir (path) == 0)
        g_debug ("Removed %s, left by a Broadway server that was killed", path);
    }
}

/* Removes what start() made; the supervisor thread has ended. */
static void
clean_up (AtomrViewBroadwayServer *self)
{
  if (self->relay_listener != NULL)
    {
      g_socket_close (self->relay_listener, NULL);
      g_clear_object (&self->relay_listener);
      g_unlink (self->relay_path);
    }
  if (self->control_listener != NULL)
    {
      g_socket_close (self->control_listener, NULL);
      g_clear_object (&self->control_listener);
    }
  if (self->private_dir != NULL)
    {
      g_unlink (self->control_path);
      g_unlink (self->daemon_socket);
      if (g_rmdir (self->private_dir) != 0)
        g_warning ("Cannot remove %s: %s", self->private_dir, g_strerror (errno));
    }
  g_clear_pointer (&self->relay_path, g_free);
  g_clear_pointer (&self->control_path, g_free);
  g_clear_pointer (&self->daemon_socket, g_free);
  g_clear_pointer (&self->private_dir, g_free);
  g_clear_pointer (&self->daemon_program, g_free);
  g_clear_pointer (&self->actual_address, g_free);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_pointer (&self->deaths, g_array_unref);
  g_clear_error (&self->start_error);
  self->start_done = FALSE;
  atomic_store (&self->daemon_pid, 0);
}

static void
join_supervisor (AtomrViewBroadwayServer *self)
{
  if (self->thread == NULL)
    return;
  g_main_context_invoke (self->context, stop_cb, self);
  g_thread_join (g_steal_pointer (&self->thread));
}

/**
 * atomr_view_broadway_server_start:
 * @self: a server
 * @error: return location for an error
 *
 * Starts the daemon and returns once it listens, within
 * [property@AtomrViewBroadway.Server:start-timeout]. It fails with
 * %ATOMR_VIEW_BROADWAY_ERROR_DAEMON_NOT_FOUND when there is no
 * `gtk4-broadwayd`, %ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE when something
 * listens on the port, %ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE when the
 * display is taken, %ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS for an
 * address that is not this machine's, and
 * %ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED when the daemon exits or does not
 * listen in time; then nothing is left running.
 *
 * Returns: %TRUE once the daemon listens
 *
 * Since: 0.1
 */
gboolean
atomr_view_broadway_server_start (AtomrViewBroadwayServer  *self,
                                  GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 deadline;

  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->running)
    {
      g_set_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_NOT_RUNNING,
                   _("The Broadway server of display :%u is already running"), self->actual_display);
      return FALSE;
    }

  self->actual_address = g_strdup (self->address);
  self->actual_start_timeout = self->start_timeout;
  self->actual_max_restarts = self->max_restarts;
  self->daemon_program = find_daemon (self->daemon_path, &local_error);
  if (self->daemon_program == NULL ||
      !check_port (self->address, self->port, &self->actual_port, &local_error))
    goto failed;

  remove_stale_private_dirs ();
  self->private_dir = g_dir_make_tmp ("atomr-view-broadway-XXXXXX", &local_error);
  if (self->private_dir == NULL)
    goto failed;
  if (!listen_for_programs (self, &local_error))
    goto failed;
  self->control_path = g_build_filename (self->private_dir, "control.socket", NULL);
  self->control_listener = listen_unix (self->control_path, &local_error);
  if (self->control_listener == NULL)
    goto failed;
  {
    g_autofree char *name = g_strdup_printf ("broadway%u.socket", self->actual_display + 1);
    self->daemon_socket = g_build_filename (self->private_dir, name, NULL);
  }

  self->owner_context = g_main_context_ref_thread_default ();
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->deaths = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->state = STATE_STARTING;
  atomic_store (&self->restarts, 0);
  self->thread = g_thread_new ("atomr-broadway", supervisor_thread, self);

  /* The thread keeps the start timeout itself; this is a guard against a thread that hangs. */
  deadline = g_get_monotonic_time () + ((gint64) self->start_timeout + 5000) * 1000;
  g_mutex_lock (&self->lock);
  while (!self->start_done)
    if (!g_cond_wait_until (&self->cond, &self->lock, deadline))
      break;
  if (!self->start_done)
    g_set_error (&local_error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED,
                 _("The Broadway daemon of display :%u did not start within %u ms"),
                 self->actual_display, self->start_timeout);
  else if (self->start_error != NULL)
    local_error = g_steal_pointer (&self->start_error);
  g_mutex_unlock (&self->lock);

  if (local_error != NULL)
    {
      join_supervisor (self);
      goto failed;
    }

  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
  return TRUE;

failed:
  clean_up (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * atomr_view_broadway_server_stop:
 * @self: a server
 *
 * Stops the daemon (SIGTERM, then SIGKILL if it has not gone within two
 * seconds), closes the programs' connections, which ends programs still
 * showing windows, and removes every socket the server made. Stopping a
 * server that does not run does nothing.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_stop (AtomrViewBroadwayServer *self)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));

  if (!self->running)
    return;
  join_supervisor (self);
  clean_up (self);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/* -- GObject ------------------------------------------------------------- */

static void
atomr_view_broadway_server_dispose (GObject *object)
{
  atomr_view_broadway_server_stop (ATOMR_VIEW_BROADWAY_SERVER (object));

  G_OBJECT_CLASS (atomr_view_broadway_server_parent_class)->dispose (object);
}

static void
atomr_view_broadway_server_finalize (GObject *object)
{
  AtomrViewBroadwayServer *self = ATOMR_VIEW_BROADWAY_SERVER (object);

  g_free (self->address);
  g_free (self->daemon_path);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (atomr_view_broadway_server_parent_class)->finalize (object);
}

static void
atomr_view_broadway_server_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AtomrViewBroadwayServer *self = ATOMR_VIEW_BROADWAY_SERVER (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PORT:
      g_value_set_uint (value, atomr_view_broadway_server_get_port (self));
      break;
    case PROP_DISPLAY:
      g_value_set_int (value, atomr_view_broadway_server_get_display (self));
      break;
    case PROP_DAEMON_PATH:
      g_value_set_string (value, self->daemon_path);
      break;
    case PROP_START_TIMEOUT:
      g_value_set_uint (value, self->start_timeout);
      break;
    case PROP_MAX_RESTARTS:
      g_value_set_uint (value, self->max_restarts);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_URL:
      g_value_take_string (value, atomr_view_broadway_server_dup_url (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_broadway_server_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AtomrViewBroadwayServer *self = ATOMR_VIEW_BROADWAY_SERVER (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      atomr_view_broadway_server_set_address (self, g_value_get_string (value));
      break;
    case PROP_PORT:
      atomr_view_broadway_server_set_port (self, g_value_get_uint (value));
      break;
    case PROP_DISPLAY:
      atomr_view_broadway_server_set_display (self, g_value_get_int (value));
      break;
    case PROP_DAEMON_PATH:
      atomr_view_broadway_server_set_daemon_path (self, g_value_get_string (value));
      break;
    case PROP_START_TIMEOUT:
      atomr_view_broadway_server_set_start_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_RESTARTS:
      atomr_view_broadway_server_set_max_restarts (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_broadway_server_class_init (AtomrViewBroadwayServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atomr_view_broadway_server_dispose;
  object_class->finalize = atomr_view_broadway_server_finalize;
  object_class->get_property = atomr_view_broadway_server_get_property;
  object_class->set_property = atomr_view_broadway_server_set_property;

  /**
   * AtomrViewBroadwayServer:address:
   *
   * The IP address the daemon listens on for browsers. The default,
   * 127.0.0.1, lets only this machine in; put a reverse proxy with TLS and
   * a login in front to serve other machines (the Broadway page says how).
   *
   * Since: 0.1
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, DEFAULT_ADDRESS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:port:
   *
   * The TCP port for browsers: 0 (the default) for a free one. While the
   * server runs, the port it listens on.
   *
   * Since: 0.1
   */
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:display:
   *
   * The Broadway display number: -1 (the default) for a free one. While the
   * server runs, the display programs show on.
   *
   * Since: 0.1
   */
  properties[PROP_DISPLAY] =
    g_param_spec_int ("display", NULL, NULL, -1, 65534, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:daemon-path:
   *
   * The `gtk4-broadwayd` to run: a path, or a name looked up in `PATH`. It
   * defaults to the environment variable `ATOMR_VIEW_BROADWAYD`, else the
   * daemon found when atomr-view was built.
   *
   * Since: 0.1
   */
  properties[PROP_DAEMON_PATH] =
    g_param_spec_string ("daemon-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:start-timeout:
   *
   * How long, in milliseconds, the daemon has to listen after it was
   * started, at first and after each restart.
   *
   * Since: 0.1
   */
  properties[PROP_START_TIMEOUT] =
    g_param_spec_uint ("start-timeout", NULL, NULL, 1, 10 * 60 * 1000, DEFAULT_START_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:max-restarts:
   *
   * How many times within a minute a daemon that died is started again
   * before the server gives up with [signal@AtomrViewBroadway.Server::failed].
   *
   * Since: 0.1
   */
  properties[PROP_MAX_RESTARTS] =
    g_param_spec_uint ("max-restarts", NULL, NULL, 0, 1000, DEFAULT_MAX_RESTARTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:running:
   *
   * Whether the server runs: between a successful start and stop.
   *
   * Since: 0.1
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewBroadwayServer:url:
   *
   * The address to open in a browser while the server runs, else %NULL.
   *
   * Since: 0.1
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtomrViewBroadwayServer::daemon-restarted:
   * @self: the server
   *
   * Emitted when a daemon that died has been replaced by one that listens,
   * on the same display and port. Programs served through the server have
   * been told to show their windows again; a browser sees them after
   * reloading the page.
   *
   * Since: 0.1
   */
  signals[DAEMON_RESTARTED] =
    g_signal_new ("daemon-restarted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AtomrViewBroadwayServer::failed:
   * @self: the server
   * @error: why, in the %ATOMR_VIEW_BROADWAY_ERROR domain
   *
   * Emitted when the server gives up: the daemon died more often than
   * [property@AtomrViewBroadway.Server:max-restarts] allows within a
   * minute. Programs served keep running without a display; end them and
   * stop the server.
   *
   * Since: 0.1
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
atomr_view_broadway_server_init (AtomrViewBroadwayServer *self)
{
  const char *daemon = g_getenv ("ATOMR_VIEW_BROADWAYD");

  self->address = g_strdup (DEFAULT_ADDRESS);
  self->display = -1;
  self->daemon_path = g_strdup (daemon != NULL && *daemon != '\0' ? daemon : GTK4_BROADWAYD);
  self->start_timeout = DEFAULT_START_TIMEOUT;
  self->max_restarts = DEFAULT_MAX_RESTARTS;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/* -- Public accessors ---------------------------------------------------- */

/**
 * atomr_view_broadway_server_new:
 *
 * Makes a server with the defaults: 127.0.0.1, a free port and display.
 *
 * Returns: (transfer full): a new server
 *
 * Since: 0.1
 */
AtomrViewBroadwayServer *
atomr_view_broadway_server_new (void)
{
  return g_object_new (ATOMR_VIEW_BROADWAY_TYPE_SERVER, NULL);
}

/**
 * atomr_view_broadway_server_get_address:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:address].
 *
 * Returns: the address browsers connect to
 *
 * Since: 0.1
 */
const char *
atomr_view_broadway_server_get_address (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), NULL);

  return self->address;
}

/**
 * atomr_view_broadway_server_set_address:
 * @self: a server
 * @address: (nullable): an IP address, or %NULL for 127.0.0.1
 *
 * Sets [property@AtomrViewBroadway.Server:address]; it takes effect at the
 * next start.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_address (AtomrViewBroadwayServer *self,
                                        const char              *address)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));

  if (address == NULL)
    address = DEFAULT_ADDRESS;
  if (g_strcmp0 (self->address, address) == 0)
    return;
  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

/**
 * atomr_view_broadway_server_get_port:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:port]: while the server runs, the
 * port it listens on.
 *
 * Returns: a TCP port, or 0 for any free one
 *
 * Since: 0.1
 */
guint
atomr_view_broadway_server_get_port (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), 0);

  return self->running ? self->actual_port : self->port;
}

/**
 * atomr_view_broadway_server_set_port:
 * @self: a server
 * @port: a TCP port, or 0 for a free one
 *
 * Sets [property@AtomrViewBroadway.Server:port]; it takes effect at the next
 * start.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_port (AtomrViewBroadwayServer *self,
                                     guint                    port)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));

  if (self->port == port)
    return;
  self->port = port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
}

/**
 * atomr_view_broadway_server_get_display:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:display]: while the server runs,
 * the display programs show on.
 *
 * Returns: a display number, or -1 for any free one
 *
 * Since: 0.1
 */
int
atomr_view_broadway_server_get_display (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), -1);

  return self->running ? (int) self->actual_display : self->display;
}

/**
 * atomr_view_broadway_server_set_display:
 * @self: a server
 * @display: a display number, or -1 for a free one
 *
 * Sets [property@AtomrViewBroadway.Server:display]; it takes effect at the
 * next start.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_display (AtomrViewBroadwayServer *self,
                                        int                      display)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));
  g_return_if_fail (display >= -1 && display < 65535);

  if (self->display == display)
    return;
  self->display = display;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY]);
}

/**
 * atomr_view_broadway_server_get_daemon_path:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:daemon-path].
 *
 * Returns: the daemon to run
 *
 * Since: 0.1
 */
const char *
atomr_view_broadway_server_get_daemon_path (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), NULL);

  return self->daemon_path;
}

/**
 * atomr_view_broadway_server_set_daemon_path:
 * @self: a server
 * @daemon_path: (nullable): a path or a program name, or %NULL for the default
 *
 * Sets [property@AtomrViewBroadway.Server:daemon-path]; it takes effect at
 * the next start.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_daemon_path (AtomrViewBroadwayServer *self,
                                            const char              *daemon_path)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));

  if (daemon_path == NULL)
    daemon_path = g_getenv ("ATOMR_VIEW_BROADWAYD") ? g_getenv ("ATOMR_VIEW_BROADWAYD") : GTK4_BROADWAYD;
  if (g_strcmp0 (self->daemon_path, daemon_path) == 0)
    return;
  g_free (self->daemon_path);
  self->daemon_path = g_strdup (daemon_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAEMON_PATH]);
}

/**
 * atomr_view_broadway_server_get_start_timeout:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:start-timeout].
 *
 * Returns: milliseconds
 *
 * Since: 0.1
 */
guint
atomr_view_broadway_server_get_start_timeout (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), 0);

  return self->start_timeout;
}

/**
 * atomr_view_broadway_server_set_start_timeout:
 * @self: a server
 * @milliseconds: how long the daemon has to listen
 *
 * Sets [property@AtomrViewBroadway.Server:start-timeout].
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_start_timeout (AtomrViewBroadwayServer *self,
                                              guint                    milliseconds)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));
  g_return_if_fail (milliseconds > 0);

  if (self->start_timeout == milliseconds)
    return;
  self->start_timeout = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIMEOUT]);
}

/**
 * atomr_view_broadway_server_get_max_restarts:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:max-restarts].
 *
 * Returns: restarts allowed within a minute
 *
 * Since: 0.1
 */
guint
atomr_view_broadway_server_get_max_restarts (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), 0);

  return self->max_restarts;
}

/**
 * atomr_view_broadway_server_set_max_restarts:
 * @self: a server
 * @max_restarts: restarts allowed within a minute
 *
 * Sets [property@AtomrViewBroadway.Server:max-restarts]; it takes effect at
 * the next start.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_set_max_restarts (AtomrViewBroadwayServer *self,
                                             guint                    max_restarts)
{
  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));

  if (self->max_restarts == max_restarts)
    return;
  self->max_restarts = max_restarts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RESTARTS]);
}

/**
 * atomr_view_broadway_server_get_running:
 * @self: a server
 *
 * Gets [property@AtomrViewBroadway.Server:running].
 *
 * Returns: whether the server runs
 *
 * Since: 0.1
 */
gboolean
atomr_view_broadway_server_get_running (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), FALSE);

  return self->running;
}

/**
 * atomr_view_broadway_server_dup_url:
 * @self: a server
 *
 * Gets the address to open in a browser: `http://127.0.0.1:PORT/` by
 * default. For a server listening on every address (0.0.0.0 or ::) it names
 * the loopback address.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL when the server
 *   does not run
 *
 * Since: 0.1
 */
char *
atomr_view_broadway_server_dup_url (AtomrViewBroadwayServer *self)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), NULL);

  if (!self->running)
    return NULL;
  inet = probe_address (self->actual_address);
  host = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u/", host, self->actual_port);
  return g_strdup_printf ("http://%s:%u/", host, self->actual_port);
}

/**
 * atomr_view_broadway_server_get_daemon_pid:
 * @self: a server
 *
 * Gets the process id of the daemon that runs now; it changes when the
 * daemon is restarted. Any thread.
 *
 * Returns: a process id, or 0 while no daemon runs
 *
 * Since: 0.1
 */
GPid
atomr_view_broadway_server_get_daemon_pid (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), 0);

  return (GPid) atomic_load (&self->daemon_pid);
}

/**
 * atomr_view_broadway_server_get_restarts:
 * @self: a server
 *
 * Counts the daemons that died and were replaced since the server started.
 * Any thread.
 *
 * Returns: the number of restarts
 *
 * Since: 0.1
 */
guint
atomr_view_broadway_server_get_restarts (AtomrViewBroadwayServer *self)
{
  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), 0);

  return atomic_load (&self->restarts);
}

/**
 * atomr_view_broadway_server_get_environ:
 * @self: a running server
 * @envp: (array zero-terminated=1) (element-type filename) (transfer full) (nullable):
 *   an environment, or %NULL for this process's
 *
 * Adds to @envp what a program needs to show its windows through the
 * server: `GDK_BACKEND=broadway`, `BROADWAY_DISPLAY=:N`, and
 * `ATOMR_VIEW_BROADWAY_CONTROL` (the socket through which atomr-view's GTK
 * backend hears of daemon restarts). It removes `GSK_RENDERER`: Broadway
 * draws with its own renderer, and the cairo renderer that tests often ask
 * for shows nothing in the browser.
 *
 * Returns: (array zero-terminated=1) (element-type filename) (transfer full):
 *   the environment for the program
 *
 * Since: 0.1
 */
char **
atomr_view_broadway_server_get_environ (AtomrViewBroadwayServer  *self,
                                        char                    **envp)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self), envp);
  g_return_val_if_fail (self->running, envp);

  if (envp == NULL)
    envp = g_get_environ ();
  display = g_strdup_printf (":%u", self->actual_display);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "broadway", TRUE);
  envp = g_environ_setenv (envp, "BROADWAY_DISPLAY", display, TRUE);
  envp = g_environ_setenv (envp, "ATOMR_VIEW_BROADWAY_CONTROL", self->control_path, TRUE);
  envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  return envp;
}

/**
 * atomr_view_broadway_server_export_environment:
 * @self: a running server
 *
 * Sets, in this process's environment, what
 * [method@AtomrViewBroadway.Server.get_environ] adds, so that GTK, when it
 * starts afterwards, shows this process's windows through the server. Call it
 * before `gtk_init()` and before starting threads that read the environment.
 *
 * Since: 0.1
 */
void
atomr_view_broadway_server_export_environment (AtomrViewBroadwayServer *self)
{
  g_autofree char *display = NULL;

  g_return_if_fail (ATOMR_VIEW_BROADWAY_IS_SERVER (self));
  g_return_if_fail (self->running);

  display = g_strdup_printf (":%u", self->actual_display);
  g_setenv ("GDK_BACKEND", "broadway", TRUE);
  g_setenv ("BROADWAY_DISPLAY", display, TRUE);
  g_setenv ("ATOMR_VIEW_BROADWAY_CONTROL", self->control_path, TRUE);
  g_unsetenv ("GSK_RENDERER");
}

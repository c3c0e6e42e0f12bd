/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* AtomrViewBroadwayServer with the real gtk4-broadwayd (and two fake ones):
 * where it listens, what it leaves behind, how it fails, and how its relay
 * carries a program's connection over a daemon that dies. */
#include "config.h"

#include <time.h>
#include <utime.h>

#include <atomr-view-broadway.h>

#include "broadway-test-utils.h"

static AtomrViewBroadwayServer *
start_server (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_broadway_server_start (server, &error));
  g_assert_no_error (error);
  g_assert_true (atomr_view_broadway_server_get_running (server));
  return g_steal_pointer (&server);
}

static char *
control_path (AtomrViewBroadwayServer *server)
{
  g_auto(GStrv) envp = atomr_view_broadway_server_get_environ (server, g_new0 (char *, 1));

  g_assert_cmpstr (g_environ_getenv (envp, "GDK_BACKEND"), ==, "broadway");
  return g_strdup (g_environ_getenv (envp, "ATOMR_VIEW_BROADWAY_CONTROL"));
}

/* One Broadway message from @socket: its size first, then the rest. */
static gsize
read_message (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  guint8 buffer[4096];
  guint32 size;
  gsize got = 0;

  while (got < sizeof size)
    {
      gssize n = g_socket_receive (socket, (char *) buffer + got, sizeof size - got, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      got += (gsize) n;
    }
  memcpy (&size, buffer, sizeof size);
  g_assert_cmpuint (size, >=, 12);
  g_assert_cmpuint (size, <=, sizeof buffer);
  while (got < size)
    {
      gssize n = g_socket_receive (socket, (char *) buffer + got, size - got, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      got += (gsize) n;
    }
  return size;
}

static char *
read_line (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  GString *line = g_string_new (NULL);
  char c = 0;

  while (c != '\n')
    {
      gssize n = g_socket_receive (socket, &c, 1, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, ==, 1);
      if (c != '\n')
        g_string_append_c (line, c);
    }
  return g_string_free (line, FALSE);
}

/* The daemon listens on 127.0.0.1 only, at the port of the URL; once
 * stopped, it is gone and so are the sockets the server made. */
static void
test_loopback_and_nothing_left (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(GPtrArray) sockets = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected_url = NULL;
  g_autofree char *expected_socket = NULL;
  g_autofree char *relay = NULL;
  g_autofree char *control = NULL;
  guint port;
  GPid pid;

  if (!broadway_test_have_daemon ())
    return;
  server = start_server ();
  port = atomr_view_broadway_server_get_port (server);
  pid = atomr_view_broadway_server_get_daemon_pid (server);
  url = atomr_view_broadway_server_dup_url (server);
  expected_url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  g_assert_cmpuint (port, >, 0);
  g_assert_cmpstr (url, ==, expected_url);
  g_assert_true (broadway_test_process_exists (pid));

  /* Listening sockets of the daemon: exactly one, 127.0.0.1 at our port. */
  sockets = broadway_test_listening_sockets (pid);
  expected_socket = g_strdup_printf ("0100007F:%04X", port);
  g_assert_cmpuint (sockets->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sockets, 0), ==, expected_socket);
  g_assert_true (broadway_test_port_answers (port));

  relay = broadway_test_display_socket (atomr_view_broadway_server_get_display (server));
  control = control_path (server);
  g_assert_true (g_file_test (relay, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (control, G_FILE_TEST_EXISTS));

  atomr_view_broadway_server_stop (server);
  g_assert_false (atomr_view_broadway_server_get_running (server));
  g_assert_false (broadway_test_process_exists (pid));
  g_assert_false (broadway_test_port_answers (port));
  g_assert_false (g_file_test (relay, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (control, G_FILE_TEST_EXISTS));
  g_assert_null (atomr_view_broadway_server_dup_url (server));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* A daemon that dies is replaced on the same port; the owner hears of it. */
static void
test_restarts_daemon (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  guint restarted = 0, port;
  GPid first, second;

  if (!broadway_test_have_daemon ())
    return;
  server = start_server ();
  g_signal_connect (server, "daemon-restarted", G_CALLBACK (count_cb), &restarted);
  port = atomr_view_broadway_server_get_port (server);
  first = atomr_view_broadway_server_get_daemon_pid (server);

  g_assert_cmpint (kill (first, SIGKILL), ==, 0);
  ATOMR_VIEW_TEST_WAIT_UNTIL (restarted == 1, TEST_DEADLINE_MS);
  second = atomr_view_broadway_server_get_daemon_pid (server);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (second, >, 0);
  g_assert_false (broadway_test_process_exists (first));
  g_assert_cmpuint (atomr_view_broadway_server_get_restarts (server), ==, 1);
  g_assert_cmpuint (atomr_view_broadway_server_get_port (server), ==, port);
  g_assert_true (broadway_test_port_answers (port));

  atomr_view_broadway_server_stop (server);
  g_assert_false (broadway_test_process_exists (second));
}

static void
failed_cb (AtomrViewBroadwayServer  *server,
           const GError             *error,
           GError                  **out)
{
  g_assert_null (*out);
  *out = g_error_copy (error);
}

/* A daemon that keeps dying is given up on, with a reason. */
static void
test_gives_up (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failure = NULL;
  guint restarted = 0;
  GPid pid;

  if (!broadway_test_have_daemon ())
    return;
  atomr_view_broadway_server_set_max_restarts (server, 1);
  g_assert_true (atomr_view_broadway_server_start (server, &error));
  g_signal_connect (server, "daemon-restarted", G_CALLBACK (count_cb), &restarted);
  g_signal_connect (server, "failed", G_CALLBACK (failed_cb), &failure);

  g_assert_cmpint (kill (atomr_view_broadway_server_get_daemon_pid (server), SIGKILL), ==, 0);
  ATOMR_VIEW_TEST_WAIT_UNTIL (restarted == 1, TEST_DEADLINE_MS);
  pid = atomr_view_broadway_server_get_daemon_pid (server);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  ATOMR_VIEW_TEST_WAIT_UNTIL (failure != NULL, TEST_DEADLINE_MS);
  g_assert_error (failure, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED);
  g_assert_nonnull (strstr (failure->message, "stopped 2 times within a minute"));
  g_assert_nonnull (strstr (failure->message, "killed by signal 9"));
  g_assert_cmpuint (restarted, ==, 1);
  g_assert_cmpint (atomr_view_broadway_server_get_daemon_pid (server), ==, 0);
  atomr_view_broadway_server_stop (server);
}

/* Something else listens on the port: a clear error, and nothing started. */
static void
test_port_in_use (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) taken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint port;

  if (!broadway_test_have_daemon ())
    return;
  taken = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_true (g_socket_bind (taken, any_port, TRUE, &error));
  g_assert_true (g_socket_listen (taken, &error));
  bound = g_socket_get_local_address (taken, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  atomr_view_broadway_server_set_port (server, port);
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_PORT_IN_USE);
  expected = g_strdup_printf ("Port %u on 127.0.0.1 is already in use by another program", port);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (atomr_view_broadway_server_get_running (server));
  g_assert_cmpint (atomr_view_broadway_server_get_daemon_pid (server), ==, 0);
}

static void
test_daemon_not_found (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autoptr(GError) error = NULL;

  atomr_view_broadway_server_set_daemon_path (server, "/nonexistent/gtk4-broadwayd");
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Cannot find the Broadway daemon “/nonexistent/gtk4-broadwayd”: install GTK’s (on Debian: the "
                   "package libgtk-4-bin), or name it with the environment variable ATOMR_VIEW_BROADWAYD");
  g_assert_false (atomr_view_broadway_server_get_running (server));
}

/* A daemon that exits at once: its status and its own words. */
static void
test_daemon_exits (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autofree char *fake = g_test_build_filename (G_TEST_DIST, "broadway", "data", "fake-broadwayd-exits.sh", NULL);
  g_autoptr(GError) error = NULL;

  atomr_view_broadway_server_set_daemon_path (server, fake);
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "The Broadway daemon "));
  g_assert_nonnull (strstr (error->message, " exited with status 3 while starting on display :"));
  g_assert_nonnull (strstr (error->message, "(it said: fake-broadwayd: cannot open the frobnicator for --port "));
  g_assert_false (atomr_view_broadway_server_get_running (server));
}

/* A daemon that never listens is stopped when its time is up. */
static void
test_daemon_never_listens (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autofree char *fake = g_test_build_filename (G_TEST_DIST, "broadway", "data", "fake-broadwayd-silent.sh", NULL);
  g_autofree char *pid_file = g_build_filename (g_get_tmp_dir (), "fake-broadwayd.pid", NULL);
  g_autofree char *pid_text = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_setenv ("FAKE_BROADWAYD_PID_FILE", pid_file, TRUE);
  atomr_view_broadway_server_set_daemon_path (server, fake);
  atomr_view_broadway_server_set_start_timeout (server, 300);
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_unsetenv ("FAKE_BROADWAYD_PID_FILE");
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DAEMON_FAILED);
  g_assert_nonnull (strstr (error->message, "did not listen on 127.0.0.1 port "));
  g_assert_true (g_str_has_suffix (error->message, " within 300 ms"));

  g_assert_true (g_file_get_contents (pid_file, &pid_text, NULL, NULL));
  pid = (GPid) g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (pid, >, 0);
  g_assert_false (broadway_test_process_exists (pid));
  g_unlink (pid_file);
}

/* Another server of this user has the display. */
static void
test_display_in_use (void)
{
  g_autoptr(AtomrViewBroadwayServer) first = NULL;
  g_autoptr(AtomrViewBroadwayServer) second = atomr_view_broadway_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *socket = NULL;
  int display;

  if (!broadway_test_have_daemon ())
    return;
  first = start_server ();
  display = atomr_view_broadway_server_get_display (first);
  socket = broadway_test_display_socket (display);
  atomr_view_broadway_server_set_display (second, display);
  g_assert_false (atomr_view_broadway_server_start (second, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_DISPLAY_IN_USE);
  expected = g_strdup_printf ("Broadway display :%d is already in use by this user (%s answers)", display, socket);
  g_assert_cmpstr (error->message, ==, expected);
  /* The first one is untouched. */
  g_assert_true (g_file_test (socket, G_FILE_TEST_EXISTS));
  g_assert_true (broadway_test_port_answers (atomr_view_broadway_server_get_port (first)));
}

static void
test_invalid_address (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = atomr_view_broadway_server_new ();
  g_autoptr(GError) error = NULL;

  if (!broadway_test_have_daemon ())
    return;
  atomr_view_broadway_server_set_address (server, "localhost:80");
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS);
  g_assert_cmpstr (error->message, ==,
                   "“localhost:80” is not an IP address: the Broadway daemon listens on an address such as "
                   "127.0.0.1 or ::1");
  g_clear_error (&error);

  /* TEST-NET-1: an address, but not this machine's. */
  atomr_view_broadway_server_set_address (server, "192.0.2.1");
  g_assert_false (atomr_view_broadway_server_start (server, &error));
  g_assert_error (error, ATOMR_VIEW_BROADWAY_ERROR, ATOMR_VIEW_BROADWAY_ERROR_INVALID_ADDRESS);
  g_assert_true (g_str_has_prefix (error->message, "Cannot listen on 192.0.2.1 port 0: "));
}

/* A socket file nobody listens at, as a killed server leaves. */
static void
make_stale_socket (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                                            &error);

  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  g_socket_close (socket, NULL);
}

/* The private folder of a server killed outright is removed by the next
 * one; a running server's folder, and one holding anything but dead sockets,
 * are left alone. */
static void
test_removes_stale_folders (void)
{
  g_autoptr(AtomrViewBroadwayServer) running = NULL;
  g_autoptr(AtomrViewBroadwayServer) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_dir_make_tmp ("atomr-view-broadway-XXXXXX", &error);
  g_autofree char *kept = g_dir_make_tmp ("atomr-view-broadway-XXXXXX", &error);
  g_autofree char *stale_control = g_build_filename (stale, "control.socket", NULL);
  g_autofree char *stale_daemon = g_build_filename (stale, "broadway8.socket", NULL);
  g_autofree char *kept_control = g_build_filename (kept, "control.socket", NULL);
  g_autofree char *kept_file = g_build_filename (kept, "notes.txt", NULL);
  g_autofree char *running_control = NULL;

  if (!broadway_test_have_daemon ())
    return;
  g_assert_no_error (error);
  make_stale_socket (stale_control);
  make_stale_socket (stale_daemon);
  make_stale_socket (kept_control);
  g_assert_true (g_file_set_contents (kept_file, "not a socket", -1, &error));
  /* Left an hour ago, both; a folder touched within the minute may be a server starting. */
  for (guint i = 0; i < 2; i++)
    {
      struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

      g_assert_cmpint (g_utime (i == 0 ? stale : kept, &old), ==, 0);
    }
  running = start_server ();
  running_control = control_path (running);

  next = start_server ();
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running_control, G_FILE_TEST_EXISTS));

  g_unlink (kept_file);
  g_unlink (kept_control);
  g_rmdir (kept);
}

/* A program that said hello keeps its connection over a daemon that dies:
 * it hears "lost" then "ready", and the new daemon talks on the same
 * connection. */
static void
test_relay_keeps_programs (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(GSocket) control = NULL;
  g_autoptr(GSocket) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *control_socket = NULL;
  g_autofree char *display_socket = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *ready = NULL;
  GPid first;

  if (!broadway_test_have_daemon ())
    return;
  server = start_server ();
  control_socket = control_path (server);
  display_socket = broadway_test_display_socket (atomr_view_broadway_server_get_display (server));
  control = broadway_test_connect_unix (control_socket);
  g_assert_cmpint (g_socket_send (control, "hello\n", 6, NULL, &error), ==, 6);
  program = broadway_test_connect_unix (display_socket);
  /* The daemon greets each client with the screen's size. */
  read_message (program);

  first = atomr_view_broadway_server_get_daemon_pid (server);
  g_assert_cmpint (kill (first, SIGKILL), ==, 0);
  lost = read_line (control);
  ready = read_line (control);
  g_assert_cmpstr (lost, ==, "lost");
  g_assert_cmpstr (ready, ==, "ready");
  /* The new daemon greets the same connection. */
  read_message (program);
  g_assert_cmpint (atomr_view_broadway_server_get_daemon_pid (server), !=, first);
  g_assert_cmpuint (atomr_view_broadway_server_get_restarts (server), ==, 1);
}

/* Without a program that would open its display again, a connection ends
 * with its daemon, as it would without the relay. */
static void
test_relay_closes_strangers (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(GSocket) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_socket = NULL;
  char byte;

  if (!broadway_test_have_daemon ())
    return;
  server = start_server ();
  display_socket = broadway_test_display_socket (atomr_view_broadway_server_get_display (server));
  program = broadway_test_connect_unix (display_socket);
  read_message (program);
  g_assert_cmpint (kill (atomr_view_broadway_server_get_daemon_pid (server), SIGKILL), ==, 0);
  g_assert_cmpint (g_socket_receive (program, &byte, 1, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = broadway_test_isolate_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/AtomrView/Broadway/Server/loopback-and-nothing-left", test_loopback_and_nothing_left);
  g_test_add_func ("/AtomrView/Broadway/Server/restarts-daemon", test_restarts_daemon);
  g_test_add_func ("/AtomrView/Broadway/Server/gives-up", test_gives_up);
  g_test_add_func ("/AtomrView/Broadway/Server/port-in-use", test_port_in_use);
  g_test_add_func ("/AtomrView/Broadway/Server/daemon-not-found", test_daemon_not_found);
  g_test_add_func ("/AtomrView/Broadway/Server/daemon-exits", test_daemon_exits);
  g_test_add_func ("/AtomrView/Broadway/Server/daemon-never-listens", test_daemon_never_listens);
  g_test_add_func ("/AtomrView/Broadway/Server/display-in-use", test_display_in_use);
  g_test_add_func ("/AtomrView/Broadway/Server/invalid-address", test_invalid_address);
  g_test_add_func ("/AtomrView/Broadway/Server/removes-stale-folders", test_removes_stale_folders);
  g_test_add_func ("/AtomrView/Broadway/Relay/keeps-programs", test_relay_keeps_programs);
  g_test_add_func ("/AtomrView/Broadway/Relay/closes-strangers", test_relay_closes_strangers);

  status = g_test_run ();
  broadway_test_remove_dirs (dirs);
  return status;
}

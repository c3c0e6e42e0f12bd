/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "test-utils.h"

/* Helpers of the Broadway suites: processes, sockets, the environment a
 * server gives its programs. */

/* Skips the test when there is no gtk4-broadwayd to run; TRUE when it may go on. */
static inline gboolean
broadway_test_have_daemon (void)
{
  const char *daemon = g_getenv ("ATOMR_VIEW_BROADWAYD");
  g_autofree char *found = NULL;

  if (daemon == NULL || *daemon == '\0')
    daemon = GTK4_BROADWAYD;
  found = strchr (daemon, '/') != NULL ? g_strdup (daemon) : g_find_program_in_path (daemon);
  if (found == NULL || !g_file_test (found, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *why = g_strdup_printf ("no Broadway daemon (%s): install libgtk-4-bin", daemon);

      g_test_skip (why);
      return FALSE;
    }
  return TRUE;
}

/* Whether a process of that id exists (a zombie counts: it was not reaped). */
static inline gboolean
broadway_test_process_exists (GPid pid)
{
  return pid > 0 && (kill (pid, 0) == 0 || errno != ESRCH);
}

/* The TCP sockets @pid listens on, as "ADDRESS-IN-HEX:PORT-IN-HEX" the way /proc/net/tcp writes them. */
static inline GPtrArray *
broadway_test_listening_sockets (GPid pid)
{
  g_autofree char *fd_dir = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GHashTable) inodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = g_dir_open (fd_dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fd_dir, name, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);

      if (target != NULL && g_str_has_prefix (target, "socket:["))
        g_hash_table_add (inodes, g_strndup (target + strlen ("socket:["), strlen (target) - strlen ("socket:[]")));
    }

  for (guint t = 0; t < 2; t++)
    {
      g_autofree char *table = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (t == 0 ? "/proc/net/tcp" : "/proc/net/tcp6", &table, NULL, NULL))
        continue;
      lines = g_strsplit (table, "\n", -1);
      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
          g_autoptr(GPtrArray) columns = g_ptr_array_new ();

          for (guint j = 0; fields[j] != NULL; j++)
            if (*fields[j] != '\0')
              g_ptr_array_add (columns, fields[j]);
          /* sl local rem st tx:rx tr:when retrnsmt uid timeout inode */
          if (columns->len > 9 && g_str_equal (g_ptr_array_index (columns, 3), "0A") &&
              g_hash_table_contains (inodes, g_ptr_array_index (columns, 9)))
            g_ptr_array_add (found, g_strdup (g_ptr_array_index (columns, 1)));
        }
    }
  return found;
}

/* A connected Unix stream socket that gives up on reads and writes after the test deadline. */
static inline GSocket *
broadway_test_connect_unix (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                                            &error);

  g_assert_no_error (error);
  g_socket_set_timeout (socket, TEST_DEADLINE_MS / 1000);
  g_assert_true (g_socket_connect (socket, address, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&socket);
}

/* Whether something accepts TCP connections at 127.0.0.1:@port. */
static inline gboolean
broadway_test_port_answers (guint port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

  return socket != NULL && g_socket_connect (socket, address, NULL, NULL);
}

/* Where GDK connects for Broadway display :@display in this process's runtime folder. */
static inline char *
broadway_test_display_socket (int display)
{
  g_autofree char *name = g_strdup_printf ("broadway%d.socket", display + 1);

  return g_build_filename (g_get_user_runtime_dir (), name, NULL);
}

/* G_TEST_OPTION_ISOLATE_DIRS puts XDG_RUNTIME_DIR so deep that a socket path
 * in it no longer fits a Unix socket address: these suites isolate the
 * folders themselves, under a short one. Call before g_test_init(). */
static inline char *
broadway_test_isolate_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("abw-XXXXXX", &error);
  const char *names[] = { "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", NULL };

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *folder = g_build_filename (root, names[i], NULL);

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_setenv (names[i], folder, TRUE);
    }
  return root;
}

static inline void
broadway_test_remove_dirs (const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* What GTK and the tests left: a few files, folders at most two deep. */
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      g_autofree char *path = g_file_get_path (child);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        broadway_test_remove_dirs (path);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>

#include "atomr-view-gtk-display-watch-private.h"

/* The UI thread: lines from the supervisor arrive on the default main context. */
struct _AtomrViewGtkDisplayWatch
{
  GSocketConnection            *connection;
  GSource                      *source;
  GString                      *line;
  AtomrViewGtkDisplayWatchFunc  func;
  gpointer                      user_data;
};

static void
stop_listening (AtomrViewGtkDisplayWatch *watch)
{
  if (watch->source != NULL)
    {
      g_source_destroy (watch->source);
      g_clear_pointer (&watch->source, g_source_unref);
    }
}

static void
handle_line (AtomrViewGtkDisplayWatch *watch,
             const char               *line)
{
  if (g_str_equal (line, "lost"))
    watch->func (FALSE, watch->user_data);
  else if (g_str_equal (line, "ready"))
    watch->func (TRUE, watch->user_data);
  else
    g_debug ("Ignoring “%s” from the Broadway supervisor", line);
}

static gboolean
readable_cb (GSocket      *socket,
             GIOCondition  condition,
             gpointer      user_data)
{
  AtomrViewGtkDisplayWatch *watch = user_data;
  g_autoptr(GError) error = NULL;
  char buffer[256];
  gssize n;

  n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      /* The supervisor is gone; the display goes with it and GDK says so. */
      g_debug ("The Broadway supervisor closed its control socket%s%s",
               error ? ": " : "", error ? error->message : "");
      g_clear_pointer (&watch->source, g_source_unref);
      return G_SOURCE_REMOVE;
    }

  for (gssize i = 0; i < n; i++)
    {
      if (buffer[i] != '\n')
        {
          if (watch->line->len < 1024)
            g_string_append_c (watch->line, buffer[i]);
          continue;
        }
      handle_line (watch, watch->line->str);
      g_string_truncate (watch->line, 0);
    }
  return G_SOURCE_CONTINUE;
}

AtomrViewGtkDisplayWatch *
atomr_view_gtk_display_watch_new_from_environment (AtomrViewGtkDisplayWatchFunc func,
                                                   gpointer                     user_data)
{
  const char *path = g_getenv (ATOMR_VIEW_GTK_DISPLAY_CONTROL_ENV);
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  AtomrViewGtkDisplayWatch *watch;
  GSocket *socket;

  if (path == NULL || *path == '\0')
    return NULL;

  client = g_socket_client_new ();
  address = g_unix_socket_address_new (path);
  watch = g_new0 (AtomrViewGtkDisplayWatch, 1);
  watch->connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
  if (watch->connection == NULL)
    {
      g_warning ("Cannot reach the Broadway supervisor at %s (%s): windows will not come back if its daemon dies",
                 path, error->message);
      g_free (watch);
      return NULL;
    }

  /* Says that this program opens its windows again when told to. */
  socket = g_socket_connection_get_socket (watch->connection);
  if (g_socket_send (socket, "hello\n", strlen ("hello\n"), NULL, &error) < 0)
    g_warning ("Cannot greet the Broadway supervisor at %s: %s", path, error->message);
  g_socket_set_blocking (socket, FALSE);

  watch->line = g_string_new (NULL);
  watch->func = func;
  watch->user_data = user_data;
  watch->source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_static_name (watch->source, "[atomr-view] Broadway supervisor");
  /* Before painting: a display that went away must not be painted to. */
  g_source_set_priority (watch->source, G_PRIORITY_HIGH);
  g_source_set_callback (watch->source, G_SOURCE_FUNC (readable_cb), watch, NULL);
  g_source_attach (watch->source, g_main_context_default ());
  return watch;
}

void
atomr_view_gtk_display_watch_free (AtomrViewGtkDisplayWatch *watch)
{
  if (watch == NULL)
    return;
  stop_listening (watch);
  g_clear_object (&watch->connection);
  if (watch->line != NULL)
    g_string_free (watch->line, TRUE);
  g_free (watch);
}

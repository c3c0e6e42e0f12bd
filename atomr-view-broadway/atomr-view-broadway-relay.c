/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixfdmessage.h>
#include <gio/gunixsocketaddress.h>

#include "atomr-view-broadway-relay-private.h"

/* Every Broadway message, either way, starts with a header of three 32-bit
 * numbers, the first the message's whole size. Anything outside these
 * bounds is not the protocol: the connection is closed.
 *
 * File descriptors stay with the message they came with: GDK sends each
 * texture's descriptor with that texture's message, one per send, and the
 * daemon (GTK 4.8) takes every descriptor of one receive to be the first one
 * of it. So each descriptor is written in a send of its own that ends with
 * its message, which the kernel hands over as one receive. */
#define HEADER_SIZE        12
#define MAX_MESSAGE_SIZE   (256u << 20)
/* What a connection may hold for a daemon that is not there yet. */
#define MAX_BUFFERED       (256u << 20)
#define READ_CHUNK         (64u << 10)
#define WRITE_CHUNK        (1u << 20)
/* A daemon that closes one connection but keeps running gets this long to
 * be seen dead before the connection is given up. */
#define ORPHAN_GRACE_MS    2000

typedef struct _Link Link;

/* A descriptor, and where in a buffer the message it came with ends. */
typedef struct
{
  gsize end;
  int   fd;
} FdMark;

typedef struct
{
  Link       *link;
  GSocket    *socket;        /* NULL: no peer (the daemon side, while there is no daemon) */
  GSource    *read_source;
  GSource    *write_source;
  GByteArray *in;            /* read, not yet a whole message */
  GArray     *in_fds;        /* FdMark: descriptors read, by where in @in their bytes ended */
  GByteArray *out;           /* whole messages to write */
  gsize       front_written; /* bytes of the first message of out already written */
  GArray     *out_fds;       /* FdMark: descriptors to write, by where their message ends in @out */
} End;

struct _Link
{
  AtomrViewBroadwayRelay *relay;
  guint                   id;
  End                     gdk;
  End                     daemon;
  GSource                *orphan_timer;
  guint                   orphaned_generation;
};

struct _AtomrViewBroadwayRelay
{
  GSocket      *listener;
  GSource      *accept_source;
  GMainContext *context;
  char         *daemon_socket;  /* NULL while no daemon takes clients */
  guint         generation;     /* counts daemons lost */
  GList        *links;
  guint         next_id;
};

static void end_write (End *end);
static void link_close (Link *link);

static void
destroy_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
close_fds (GArray *marks,
           guint   n)
{
  for (guint i = 0; i < n; i++)
    close (g_array_index (marks, FdMark, i).fd);
  g_array_remove_range (marks, 0, n);
}

/* @n bytes left the front of a buffer: the marks move with what is left. */
static void
shift_marks (GArray *marks,
             gsize   n)
{
  for (guint i = 0; i < marks->len; i++)
    g_array_index (marks, FdMark, i).end -= n;
}

static void
end_init (End  *end,
          Link *link)
{
  end->link = link;
  end->in = g_byte_array_new ();
  end->in_fds = g_array_new (FALSE, FALSE, sizeof (FdMark));
  end->out = g_byte_array_new ();
  end->out_fds = g_array_new (FALSE, FALSE, sizeof (FdMark));
}

/* Forgets the socket and what was half read from it; what waits to be written stays. */
static void
end_drop_socket (End *end)
{
  destroy_source (&end->read_source);
  destroy_source (&end->write_source);
  if (end->socket != NULL)
    {
      g_socket_close (end->socket, NULL);
      g_clear_object (&end->socket);
    }
  g_byte_array_set_size (end->in, 0);
  close_fds (end->in_fds, end->in_fds->len);
}

static void
end_clear (End *end)
{
  end_drop_socket (end);
  g_clear_pointer (&end->in, g_byte_array_unref);
  g_clear_pointer (&end->in_fds, g_array_unref);
  g_clear_pointer (&end->out, g_byte_array_unref);
  if (end->out_fds != NULL)
    {
      close_fds (end->out_fds, end->out_fds->len);
      g_clear_pointer (&end->out_fds, g_array_unref);
    }
}

static End *
peer_of (End *end)
{
  return end == &end->link->gdk ? &end->link->daemon : &end->link->gdk;
}

static guint32
message_size (const guint8 *data)
{
  guint32 size;

  memcpy (&size, data, sizeof size);
  return size;
}

/* The daemon's side ended: what it half wrote is lost, and so is the rest of
 * a message we had half written to it. The connection waits for the next daemon. */
static gboolean orphan_timer_cb (gpointer user_data);

static void
link_daemon_gone (Link *link)
{
  End *daemon = &link->daemon;
  AtomrViewBroadwayRelay *relay = link->relay;

  if (daemon->socket == NULL)
    return;
  end_drop_socket (daemon);
  if (daemon->front_written > 0)
    {
      guint32 size = message_size (daemon->out->data);
      guint n = 0;

      while (n < daemon->out_fds->len && g_array_index (daemon->out_fds, FdMark, n).end <= size)
        n++;
      close_fds (daemon->out_fds, n);
      g_byte_array_remove_range (daemon->out, 0, size);
      shift_marks (daemon->out_fds, size);
      daemon->front_written = 0;
    }
  g_debug ("Broadway relay: connection %u lost its daemon; it waits for the next", link->id);

  /* Seen before the supervisor saw the daemon die, or a daemon that closed
   * just this connection: wait a little for the difference. */
  if (relay->daemon_socket != NULL && link->orphan_timer == NULL)
    {
      link->orphaned_generation = relay->generation;
      link->orphan_timer = g_timeout_source_new (ORPHAN_GRACE_MS);
      g_source_set_static_name (link->orphan_timer, "[atomr-view] Broadway relay orphan");
      g_source_set_callback (link->orphan_timer, orphan_timer_cb, link, NULL);
      g_source_attach (link->orphan_timer, relay->context);
    }
}

static gboolean
orphan_timer_cb (gpointer user_data)
{
  Link *link = user_data;
  AtomrViewBroadwayRelay *relay = link->relay;

  g_clear_pointer (&link->orphan_timer, g_source_unref);
  if (link->daemon.socket == NULL && relay->daemon_socket != NULL &&
      relay->generation == link->orphaned_generation)
    {
      g_warning ("The Broadway daemon closed the connection of a program but kept running; closing it");
      link_close (link);
    }
  return G_SOURCE_REMOVE;
}

static void
end_failed (End *end)
{
  if (end == &end->link->daemon)
    link_daemon_gone (end->link);
  else
    link_close (end->link);
}

static gboolean
end_writable_cb (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  End *end = user_data;

  g_clear_pointer (&end->write_source, g_source_unref);
  end_write (end);
  return G_SOURCE_REMOVE;
}

static void
wait_until_writable (End *end)
{
  if (end->write_source != NULL)
    return;
  end->write_source = g_socket_create_source (end->socket, G_IO_OUT, NULL);
  g_source_set_static_name (end->write_source, "[atomr-view] Broadway relay write");
  g_source_set_callback (end->write_source, G_SOURCE_FUNC (end_writable_cb), end, NULL);
  g_source_attach (end->write_source, end->link->relay->context);
}

/* Writes what it can now; the rest when the socket has room. */
static void
end_write (End *end)
{
  while (end->socket != NULL && end->out->len > end->front_written)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GUnixFDList) fd_list = NULL;
      g_autoptr(GSocketControlMessage) fd_message = NULL;
      GSocketControlMessage *messages[1];
      GOutputVector vector;
      gsize limit = end->out->len;
      guint n_fds = 0;
      gssize written;

      /* Up to the end of the next message that has descriptors, and those go with it. */
      if (end->out_fds->len > 0)
        {
          limit = g_array_index (end->out_fds, FdMark, 0).end;
          while (n_fds < end->out_fds->len && g_array_index (end->out_fds, FdMark, n_fds).end == limit)
            n_fds++;
        }
      vector.buffer = end->out->data + end->front_written;
      vector.size = limit - end->front_written;
      if (vector.size > WRITE_CHUNK)
        {
          /* A long way to the descriptor's message: the bytes before it go first, on their own. */
          vector.size = MIN (vector.size - WRITE_CHUNK, WRITE_CHUNK);
          n_fds = 0;
        }
      if (n_fds > 0)
        {
          fd_list = g_unix_fd_list_new ();
          for (guint i = 0; i < n_fds; i++)
            if (g_unix_fd_list_append (fd_list, g_array_index (end->out_fds, FdMark, i).fd, &error) < 0)
              {
                g_warning ("Broadway relay: cannot pass a file descriptor on: %s", error->message);
                link_close (end->link);
                return;
              }
          fd_message = g_unix_fd_message_new_with_fd_list (fd_list);
          messages[0] = fd_message;
        }
      written = g_socket_send_message (end->socket, NULL, &vector, 1,
                                       n_fds > 0 ? messages : NULL, n_fds > 0 ? 1 : 0,
                                       G_SOCKET_MSG_NONE, NULL, &error);
      if (written < 0)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            {
              wait_until_writable (end);
              return;
            }
          g_debug ("Broadway relay: connection %u: cannot write: %s", end->link->id, error->message);
          end_failed (end);
          return;
        }

      /* Sent with the first of these bytes, even if not all of them went: our copies are done. */
      close_fds (end->out_fds, n_fds);

      /* Whole messages leave the buffer once written; a partly written one stays, with how much went. */
      end->front_written += (gsize) written;
      while (end->out->len > 0)
        {
          guint32 size = message_size (end->out->data);

          if (end->front_written < size)
            break;
          g_byte_array_remove_range (end->out, 0, size);
          shift_marks (end->out_fds, size);
          end->front_written -= size;
        }
    }
}

/* Moves each whole message read on @end to the other side's queue. */
static gboolean
end_frame (End *end)
{
  End *peer = peer_of (end);
  gsize offset = 0;

  while (end->in->len - offset >= sizeof (guint32))
    {
      guint32 size = message_size (end->in->data + offset);

      if (size < HEADER_SIZE || size > MAX_MESSAGE_SIZE)
        {
          g_warning ("Broadway relay: connection %u: a message of %u bytes from %s is not the Broadway protocol; "
                     "closing the connection",
                     end->link->id, size, end == &end->link->gdk ? "the program" : "the daemon");
          return FALSE;
        }
      if (end->in->len - offset < size)
        break;
      g_byte_array_append (peer->out, end->in->data + offset, size);
      offset += size;
      /* Descriptors that came with this message's bytes go with its end. */
      while (end->in_fds->len > 0 && g_array_index (end->in_fds, FdMark, 0).end <= offset)
        {
          FdMark mark = { peer->out->len, g_array_index (end->in_fds, FdMark, 0).fd };

          g_array_append_val (peer->out_fds, mark);
          g_array_remove_index (end->in_fds, 0);
        }
    }
  if (offset > 0)
    {
      g_byte_array_remove_range (end->in, 0, offset);
      shift_marks (end->in_fds, offset);
    }
  if (peer->out->len > MAX_BUFFERED)
    {
      g_warning ("Broadway relay: connection %u holds more than %u MiB for a daemon that is not there; closing it",
                 end->link->id, MAX_BUFFERED >> 20);
      return FALSE;
    }
  return TRUE;
}

static gboolean
end_readable_cb (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  End *end = user_data;
  Link *link = end->link;
  End *peer = peer_of (end);
  gboolean got_any = FALSE;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GSocketControlMessage **messages = NULL;
      int n_messages = 0;
      GInputVector vector;
      gsize old_len = end->in->len;
      gssize n;

      g_byte_array_set_size (end->in, old_len + READ_CHUNK);
      vector.buffer = end->in->data + old_len;
      vector.size = READ_CHUNK;
      n = g_socket_receive_message (socket, NULL, &vector, 1, &messages, &n_messages, NULL, NULL, &error);
      g_byte_array_set_size (end->in, old_len + MAX (n, 0));

      for (int i = 0; i < n_messages; i++)
        {
          if (G_IS_UNIX_FD_MESSAGE (messages[i]))
            {
              int n_fds = 0;
              g_autofree int *fds = g_unix_fd_message_steal_fds (G_UNIX_FD_MESSAGE (messages[i]), &n_fds);

              /* The kernel hands descriptors over with the bytes they were sent with, which end here. */
              for (int j = 0; j < n_fds; j++)
                {
                  FdMark mark = { end->in->len, fds[j] };

                  g_array_append_val (end->in_fds, mark);
                }
            }
          g_object_unref (messages[i]);
        }
      g_free (messages);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        break;
      if (n <= 0)
        {
          g_debug ("Broadway relay: connection %u: the %s side closed%s%s", link->id,
                   end == &link->gdk ? "program's" : "daemon's", error ? ": " : "", error ? error->message : "");
          /* This source is done; the socket goes below. What came before the end still goes on. */
          g_clear_pointer (&end->read_source, g_source_unref);
          if (end == &link->gdk)
            {
              if (link->daemon.socket != NULL)
                end_write (&link->daemon);
              link_close (link);
            }
          else
            {
              link_daemon_gone (link);
              /* May close the link: nothing of it is touched after. */
              if (link->gdk.socket != NULL)
                end_write (&link->gdk);
            }
          return G_SOURCE_REMOVE;
        }
      got_any = TRUE;
      if (!end_frame (end))
        {
          link_close (link);
          return G_SOURCE_REMOVE;
        }
    }

  if (got_any && peer->socket != NULL)
    end_write (peer);
  return G_SOURCE_CONTINUE;
}

static void
end_attach (End     *end,
            GSocket *socket)
{
  end->socket = g_object_ref (socket);
  g_socket_set_blocking (socket, FALSE);
  end->read_source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_static_name (end->read_source, "[atomr-view] Broadway relay read");
  g_source_set_callback (end->read_source, G_SOURCE_FUNC (end_readable_cb), end, NULL);
  g_source_attach (end->read_source, end->link->relay->context);
}

static void
link_connect_daemon (Link *link)
{
  AtomrViewBroadwayRelay *relay = link->relay;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GError) error = NULL;

  if (link->daemon.socket != NULL || relay->daemon_socket == NULL)
    return;
  address = g_unix_socket_address_new (relay->daemon_socket);
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  if (socket == NULL || !g_socket_connect (socket, address, NULL, &error))
    {
      /* The daemon is on its way out; the supervisor will say so and bring the next one. */
      g_debug ("Broadway relay: connection %u cannot reach the daemon at %s: %s",
               link->id, relay->daemon_socket, error->message);
      return;
    }
  destroy_source (&link->orphan_timer);
  end_attach (&link->daemon, socket);
  g_debug ("Broadway relay: connection %u goes to the daemon at %s with %u bytes waiting",
           link->id, relay->daemon_socket, link->daemon.out->len);
  end_write (&link->daemon);
}

static void
link_close (Link *link)
{
  AtomrViewBroadwayRelay *relay = link->relay;

  g_debug ("Broadway relay: connection %u closed", link->id);
  relay->links = g_list_remove (relay->links, link);
  destroy_source (&link->orphan_timer);
  end_clear (&link->gdk);
  end_clear (&link->daemon);
  g_free (link);
}

static gboolean
accept_cb (GSocket      *listener,
           GIOCondition  condition,
           gpointer      user_data)
{
  AtomrViewBroadwayRelay *relay = user_data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = g_socket_accept (listener, NULL, &error);
      Link *link;

      if (socket == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            g_warning ("Broadway relay: cannot accept a connection: %s", error->message);
          break;
        }
      link = g_new0 (Link, 1);
      link->relay = relay;
      link->id = ++relay->next_id;
      end_init (&link->gdk, link);
      end_init (&link->daemon, link);
      relay->links = g_list_prepend (relay->links, link);
      end_attach (&link->gdk, socket);
      g_debug ("Broadway relay: connection %u from a program", link->id);
      link_connect_daemon (link);
    }
  return G_SOURCE_CONTINUE;
}

AtomrViewBroadwayRelay *
atomr_view_broadway_relay_new (GSocket *listener)
{
  AtomrViewBroadwayRelay *relay = g_new0 (AtomrViewBroadwayRelay, 1);

  relay->listener = g_object_ref (listener);
  relay->context = g_main_context_ref_thread_default ();
  g_socket_set_blocking (listener, FALSE);
  relay->accept_source = g_socket_create_source (listener, G_IO_IN, NULL);
  g_source_set_static_name (relay->accept_source, "[atomr-view] Broadway relay accept");
  g_source_set_callback (relay->accept_source, G_SOURCE_FUNC (accept_cb), relay, NULL);
  g_source_attach (relay->accept_source, relay->context);
  return relay;
}

void
atomr_view_broadway_relay_set_daemon (AtomrViewBroadwayRelay *relay,
                                      const char             *daemon_socket)
{
  g_free (relay->daemon_socket);
  relay->daemon_socket = g_strdup (daemon_socket);
  for (GList *l = relay->links; l != NULL;)
    {
      Link *link = l->data;

      l = l->next;
      link_connect_daemon (link);
    }
}

void
atomr_view_broadway_relay_daemon_lost (AtomrViewBroadwayRelay *relay,
                                       gboolean                keep_waiting)
{
  g_clear_pointer (&relay->daemon_socket, g_free);
  relay->generation++;
  for (GList *l = relay->links; l != NULL;)
    {
      Link *link = l->data;

      l = l->next;
      link_daemon_gone (link);
      destroy_source (&link->orphan_timer);
      /* Nobody would open a new display: let GDK see the end, as without the relay. */
      if (!keep_waiting)
        link_close (link);
    }
}

guint
atomr_view_broadway_relay_get_n_links (AtomrViewBroadwayRelay *relay)
{
  return g_list_length (relay->links);
}

void
atomr_view_broadway_relay_free (AtomrViewBroadwayRelay *relay)
{
  if (relay == NULL)
    return;
  while (relay->links != NULL)
    link_close (relay->links->data);
  destroy_source (&relay->accept_source);
  g_clear_object (&relay->listener);
  g_clear_pointer (&relay->context, g_main_context_unref);
  g_free (relay->daemon_socket);
  g_free (relay);
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include "atomr-view-broadway-control-private.h"

typedef struct
{
  AtomrViewBroadwayControl *control;
  GSocket                  *socket;
  GSource                  *source;
  GString                  *line;
  gboolean                  said_hello;
} Program;

struct _AtomrViewBroadwayControl
{
  GSocket      *listener;
  GSource      *accept_source;
  GMainContext *context;
  GList        *programs;
};

static void
program_free (Program *program)
{
  if (program->source != NULL)
    {
      g_source_destroy (program->source);
      g_source_unref (program->source);
    }
  g_socket_close (program->socket, NULL);
  g_object_unref (program->socket);
  g_string_free (program->line, TRUE);
  g_free (program);
}

static void
program_drop (Program *program)
{
  program->control->programs = g_list_remove (program->control->programs, program);
  program_free (program);
}

/* Reads what the program sent; FALSE when it left (and is gone). */
static gboolean
program_read (Program *program)
{
  g_autoptr(GError) error = NULL;
  char buffer[256];
  gssize n = g_socket_receive (program->socket, buffer, sizeof buffer, NULL, &error);

  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return TRUE;
  if (n <= 0)
    {
      g_debug ("Broadway control: a program left");
      program_drop (program);
      return FALSE;
    }
  for (gssize i = 0; i < n; i++)
    {
      if (buffer[i] != '\n')
        {
          if (program->line->len < 256)
            g_string_append_c (program->line, buffer[i]);
          continue;
        }
      if (g_str_equal (program->line->str, "hello"))
        program->said_hello = TRUE;
      g_string_truncate (program->line, 0);
    }
  return TRUE;
}

static gboolean
program_readable_cb (GSocket      *socket,
                     GIOCondition  condition,
                     gpointer      user_data)
{
  return program_read (user_data) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
accept_cb (GSocket      *listener,
           GIOCondition  condition,
           gpointer      user_data)
{
  AtomrViewBroadwayControl *control = user_data;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GSocket *socket = g_socket_accept (listener, NULL, &error);
      Program *program;

      if (socket == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            g_warning ("Broadway control: cannot accept a connection: %s", error->message);
          break;
        }
      g_socket_set_blocking (socket, FALSE);
      program = g_new0 (Program, 1);
      program->control = control;
      program->socket = socket;
      program->line = g_string_new (NULL);
      program->source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_static_name (program->source, "[atomr-view] Broadway control read");
      g_source_set_callback (program->source, G_SOURCE_FUNC (program_readable_cb), program, NULL);
      g_source_attach (program->source, control->context);
      control->programs = g_list_prepend (control->programs, program);
      g_debug ("Broadway control: a program connected");
    }
  return G_SOURCE_CONTINUE;
}

AtomrViewBroadwayControl *
atomr_view_broadway_control_new (GSocket *listener)
{
  AtomrViewBroadwayControl *control = g_new0 (AtomrViewBroadwayControl, 1);

  control->listener = g_object_ref (listener);
  control->context = g_main_context_ref_thread_default ();
  g_socket_set_blocking (listener, FALSE);
  control->accept_source = g_socket_create_source (listener, G_IO_IN, NULL);
  g_source_set_static_name (control->accept_source, "[atomr-view] Broadway control accept");
  g_source_set_callback (control->accept_source, G_SOURCE_FUNC (accept_cb), control, NULL);
  g_source_attach (control->accept_source, control->context);
  return control;
}

void
atomr_view_broadway_control_broadcast (AtomrViewBroadwayControl *control,
                                       const char               *line)
{
  g_autofree char *text = g_strconcat (line, "\n", NULL);
  gsize length = strlen (text);

  for (GList *l = control->programs; l != NULL;)
    {
      Program *program = l->data;
      g_autoptr(GError) error = NULL;

      l = l->next;
      /* A few bytes to a socket that has room for far more; one that has none is gone. */
      if (g_socket_send (program->socket, text, length, NULL, &error) != (gssize) length)
        {
          g_debug ("Broadway control: cannot tell a program “%s”: %s", line,
                   error ? error->message : "short write");
          program_drop (program);
        }
    }
}

gboolean
atomr_view_broadway_control_has_programs (AtomrViewBroadwayControl *control)
{
  gboolean any = FALSE;

  /* A hello may still wait in a socket: read what there is first. */
  for (GList *l = control->programs; l != NULL;)
    {
      Program *program = l->data;

      l = l->next;
      if (program_read (program) && program->said_hello)
        any = TRUE;
    }
  return any;
}

void
atomr_view_broadway_control_free (AtomrViewBroadwayControl *control)
{
  if (control == NULL)
    return;
  g_list_free_full (control->programs, (GDestroyNotify) program_free);
  if (control->accept_source != NULL)
    {
      g_source_destroy (control->accept_source);
      g_source_unref (control->accept_source);
    }
  g_clear_object (&control->listener);
  g_clear_pointer (&control->context, g_main_context_unref);
  g_free (control);
}

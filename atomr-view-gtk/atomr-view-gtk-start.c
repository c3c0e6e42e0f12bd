/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include "atomr-view-gtk-start-private.h"

void
atomr_view_gtk_start_init (AtomrViewGtkStart  *start,
                           int                 argc,
                           char              **argv)
{
  g_autofree char *base = argc > 0 && argv != NULL && argv[0] != NULL ? g_path_get_basename (argv[0]) : NULL;
  GString *name = g_string_new (NULL);

  memset (start, 0, sizeof *start);
  for (const char *c = base != NULL ? base : ""; *c != '\0' && name->len < 64; c++)
    if (g_ascii_isalnum (*c) || *c == '-' || *c == '_' || *c == '.')
      g_string_append_c (name, *c);
  if (name->len == 0)
    g_string_append (name, "atomr-view");
  start->name = g_string_free (name, FALSE);
}

gboolean
atomr_view_gtk_start_spawn (AtomrViewGtkStart *start,
                            GType              window_actor_type)
{
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(GError) error = NULL;

  start->system = atomr_view_actor_system_new (start->name, &error);
  if (start->system == NULL)
    {
      g_printerr ("%s: %s\n", start->name, error->message);
      return FALSE;
    }
  start->backend = atomr_view_gtk_backend_new ();
  start->bridge = atomr_view_ui_bridge_new (start->system, ATOMR_VIEW_BACKEND (start->backend));
  props = atomr_view_props_new (window_actor_type);
  start->window = atomr_view_actor_system_spawn (start->system, props, "window", &error);
  if (start->window == NULL)
    {
      g_printerr ("%s: %s\n", start->name, error->message);
      atomr_view_actor_system_shutdown (start->system, NULL);
      return FALSE;
    }
  return TRUE;
}

void
atomr_view_gtk_start_clear (AtomrViewGtkStart *start)
{
  g_clear_object (&start->window);
  g_clear_object (&start->bridge);
  g_clear_object (&start->backend);
  g_clear_object (&start->system);
  g_clear_pointer (&start->name, g_free);
}

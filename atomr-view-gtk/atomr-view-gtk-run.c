/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-backend.h"
#include "atomr-view-gtk-run.h"

/* The program's name, made a valid actor system name. */
static char *
system_name (int    argc,
             char **argv)
{
  g_autofree char *base = argc > 0 && argv != NULL && argv[0] != NULL ? g_path_get_basename (argv[0]) : NULL;
  GString *name = g_string_new (NULL);

  for (const char *c = base != NULL ? base : ""; *c != '\0' && name->len < 64; c++)
    if (g_ascii_isalnum (*c) || *c == '-' || *c == '_' || *c == '.')
      g_string_append_c (name, *c);
  if (name->len == 0)
    g_string_append (name, "atomr-view");
  return g_string_free (name, FALSE);
}

/**
 * atomr_view_gtk_run_window:
 * @window_actor_type: a subtype of [class@AtomrView.WindowActor]
 * @argc: the number of elements of @argv
 * @argv: (array length=argc) (nullable): the program's arguments; the first
 *   names the actor system
 *
 * Runs an application of one window, the whole of a typical `main()`: makes
 * an actor system, a GTK backend and the bridge between them, spawns an actor
 * of @window_actor_type as `/user/window`, and runs the UI until the window
 * has closed. Then it shuts the actor system down.
 *
 * The same in a few lines, for more than one window or actors of your own:
 *
 * ```c
 * g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("app", NULL);
 * g_autoptr(AtomrViewGtkBackend) backend = atomr_view_gtk_backend_new ();
 * g_autoptr(AtomrViewUiBridge) bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
 * g_autoptr(AtomrViewProps) props = atomr_view_props_new (MY_TYPE_WINDOW);
 * g_autoptr(AtomrViewActorRef) window = atomr_view_actor_system_spawn (system, props, "window", NULL);
 *
 * return atomr_view_ui_bridge_run (bridge);
 * ```
 *
 * Returns: an exit status for `main()`: 0 when the window opened and closed,
 *   1 when there is no display or the actor could not start
 *
 * Since: 0.1
 */
int
atomr_view_gtk_run_window (GType   window_actor_type,
                           int     argc,
                           char  **argv)
{
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(AtomrViewGtkBackend) backend = NULL;
  g_autoptr(AtomrViewUiBridge) bridge = NULL;
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(AtomrViewActorRef) window = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = system_name (argc, argv);

  g_return_val_if_fail (g_type_is_a (window_actor_type, ATOMR_VIEW_TYPE_WINDOW_ACTOR), 1);

  if (!gtk_init_check ())
    {
      g_printerr (_("%s: cannot open a display\n"), name);
      return 1;
    }
  system = atomr_view_actor_system_new (name, &error);
  if (system == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return 1;
    }
  backend = atomr_view_gtk_backend_new ();
  bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
  props = atomr_view_props_new (window_actor_type);
  window = atomr_view_actor_system_spawn (system, props, "window", &error);
  if (window == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      atomr_view_actor_system_shutdown (system, NULL);
      return 1;
    }
  return atomr_view_ui_bridge_run (bridge);
}

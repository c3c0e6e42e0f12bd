/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-backend.h"
#include "atomr-view-gtk-run.h"
#include "atomr-view-gtk-start-private.h"

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
  AtomrViewGtkStart start;
  int status;

  g_return_val_if_fail (g_type_is_a (window_actor_type, ATOMR_VIEW_TYPE_WINDOW_ACTOR), 1);

  atomr_view_gtk_start_init (&start, argc, argv);
  if (!gtk_init_check ())
    {
      g_printerr (_("%s: cannot open a display\n"), start.name);
      status = 1;
    }
  else if (!atomr_view_gtk_start_spawn (&start, window_actor_type))
    status = 1;
  else
    status = atomr_view_ui_bridge_run (start.bridge);
  atomr_view_gtk_start_clear (&start);
  return status;
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view-gtk.h>

G_BEGIN_DECLS

/* What a one-window program runs on. atomr_view_gtk_run_window() and
 * atomr_view_broadway_run_window() share it: this file is compiled into
 * both libraries, hidden in each. */
typedef struct
{
  char                 *name;     /* the actor system's */
  AtomrViewActorSystem *system;
  AtomrViewGtkBackend  *backend;
  AtomrViewUiBridge    *bridge;
  AtomrViewActorRef    *window;   /* /user/window */
} AtomrViewGtkStart;

/* Names the system after the program (argv[0]), made a valid actor system name. */
void     atomr_view_gtk_start_init  (AtomrViewGtkStart  *start,
                                     int                 argc,
                                     char              **argv);
/* After gtk_init(): makes the system, a GTK backend and the bridge, and
 * spawns an actor of @window_actor_type as /user/window. On failure it prints
 * what failed on standard error, leaves nothing running and returns FALSE. */
gboolean atomr_view_gtk_start_spawn (AtomrViewGtkStart  *start,
                                     GType               window_actor_type);
/* Lets go of the window, the bridge, the backend and the system, in that order. */
void     atomr_view_gtk_start_clear (AtomrViewGtkStart  *start);

G_END_DECLS

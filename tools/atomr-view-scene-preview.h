/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `atomr-view-scene preview [--check] [--screenshot PNG] FILE`: shows a JSON
 * scene in a GTK window. @argv[0] is the subcommand's name. Returns the exit
 * status. Built only when GTK is found. */
int atomr_view_scene_preview (int    argc,
                              char **argv);

G_END_DECLS

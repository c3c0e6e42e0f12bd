/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_GTK_INSIDE) && !defined(ATOMR_VIEW_GTK_COMPILATION)
# error "Only <atomr-view-gtk.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-gtk-version-macros.h"

G_BEGIN_DECLS

ATOMR_VIEW_GTK_AVAILABLE_IN_ALL
int atomr_view_gtk_run_window (GType   window_actor_type,
                               int     argc,
                               char  **argv);

G_END_DECLS

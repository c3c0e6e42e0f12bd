/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_BROADWAY_INSIDE) && !defined(ATOMR_VIEW_BROADWAY_COMPILATION)
# error "Only <atomr-view-broadway.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-broadway-version-macros.h"

G_BEGIN_DECLS

ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
int atomr_view_broadway_run_window (GType   window_actor_type,
                                    int     argc,
                                    char  **argv);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_GTK_INSIDE) && !defined(ATOMR_VIEW_GTK_COMPILATION)
# error "Only <atomr-view-gtk.h> can be included directly."
#endif

#include <gtk/gtk.h>
#include <atomr-view.h>

#include "atomr-view-gtk-version-macros.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_GTK_TYPE_BACKEND (atomr_view_gtk_backend_get_type ())

ATOMR_VIEW_GTK_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewGtkBackend, atomr_view_gtk_backend, ATOMR_VIEW_GTK, BACKEND, GObject)

ATOMR_VIEW_GTK_AVAILABLE_IN_ALL
AtomrViewGtkBackend *atomr_view_gtk_backend_new        (void);
ATOMR_VIEW_GTK_AVAILABLE_IN_ALL
GtkWindow           *atomr_view_gtk_backend_get_window (AtomrViewGtkBackend *self,
                                                        const char          *window_id);
ATOMR_VIEW_GTK_AVAILABLE_IN_ALL
GtkWidget           *atomr_view_gtk_backend_get_widget (AtomrViewGtkBackend *self,
                                                        const char          *window_id,
                                                        const char * const  *path);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Listens to the supervisor of a Broadway daemon (atomr-view-broadway): it
 * says when the daemon died ("lost") and when a new one takes clients
 * ("ready"), so that the GTK backend can let its display go and open a new
 * one instead of dying with it. The supervisor names its control socket in
 * the environment variable below; the protocol is in docs/broadway.md. */
#define ATOMR_VIEW_GTK_DISPLAY_CONTROL_ENV "ATOMR_VIEW_BROADWAY_CONTROL"

typedef struct _AtomrViewGtkDisplayWatch AtomrViewGtkDisplayWatch;

/* @available: FALSE when the display went away, TRUE when a new one can be opened. */
typedef void (*AtomrViewGtkDisplayWatchFunc) (gboolean available,
                                              gpointer user_data);

AtomrViewGtkDisplayWatch *atomr_view_gtk_display_watch_new_from_environment (AtomrViewGtkDisplayWatchFunc func,
                                                                             gpointer                     user_data);
void                      atomr_view_gtk_display_watch_free                 (AtomrViewGtkDisplayWatch    *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomrViewGtkDisplayWatch, atomr_view_gtk_display_watch_free)

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_BROADWAY_INSIDE) && !defined(ATOMR_VIEW_BROADWAY_COMPILATION)
# error "Only <atomr-view-broadway.h> can be included directly."
#endif

#include <gio/gio.h>

#include "atomr-view-broadway-version-macros.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_BROADWAY_TYPE_SERVER (atomr_view_broadway_server_get_type ())

ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewBroadwayServer, atomr_view_broadway_server, ATOMR_VIEW_BROADWAY, SERVER, GObject)

ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
AtomrViewBroadwayServer *atomr_view_broadway_server_new                (void);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
const char              *atomr_view_broadway_server_get_address        (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_address        (AtomrViewBroadwayServer  *self,
                                                                        const char               *address);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
guint                    atomr_view_broadway_server_get_port           (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_port           (AtomrViewBroadwayServer  *self,
                                                                        guint                     port);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
int                      atomr_view_broadway_server_get_display        (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_display        (AtomrViewBroadwayServer  *self,
                                                                        int                       display);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
const char              *atomr_view_broadway_server_get_daemon_path    (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_daemon_path    (AtomrViewBroadwayServer  *self,
                                                                        const char               *daemon_path);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
guint                    atomr_view_broadway_server_get_start_timeout  (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_start_timeout  (AtomrViewBroadwayServer  *self,
                                                                        guint                     milliseconds);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
guint                    atomr_view_broadway_server_get_max_restarts   (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_set_max_restarts   (AtomrViewBroadwayServer  *self,
                                                                        guint                     max_restarts);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
gboolean                 atomr_view_broadway_server_start              (AtomrViewBroadwayServer  *self,
                                                                        GError                  **error);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_stop               (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
gboolean                 atomr_view_broadway_server_get_running        (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
char                    *atomr_view_broadway_server_dup_url            (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
GPid                     atomr_view_broadway_server_get_daemon_pid     (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
guint                    atomr_view_broadway_server_get_restarts       (AtomrViewBroadwayServer  *self);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
char                   **atomr_view_broadway_server_get_environ        (AtomrViewBroadwayServer  *self,
                                                                        char                    **envp);
ATOMR_VIEW_BROADWAY_AVAILABLE_IN_ALL
void                     atomr_view_broadway_server_export_environment (AtomrViewBroadwayServer  *self);

G_END_DECLS

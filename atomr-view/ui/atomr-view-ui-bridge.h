/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-actor-types.h"
#include "atomr-view-backend.h"
#include "atomr-view-scene.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_UI_BRIDGE (atomr_view_ui_bridge_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (AtomrViewUiBridge, atomr_view_ui_bridge, ATOMR_VIEW, UI_BRIDGE, GObject)

ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewUiBridge    *atomr_view_ui_bridge_new                (AtomrViewActorSystem *system,
                                                               AtomrViewBackend     *backend);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewUiBridge    *atomr_view_ui_bridge_dup_for_system     (AtomrViewActorSystem *system);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewBackend     *atomr_view_ui_bridge_get_backend        (AtomrViewUiBridge    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewActorSystem *atomr_view_ui_bridge_get_system         (AtomrViewUiBridge    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_ui_bridge_open_window        (AtomrViewUiBridge    *self,
                                                               const char           *window_id,
                                                               const char           *title,
                                                               AtomrViewActorRef    *owner,
                                                               GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_close_window       (AtomrViewUiBridge    *self,
                                                               const char           *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_set_title          (AtomrViewUiBridge    *self,
                                                               const char           *window_id,
                                                               const char           *title);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_post_scene         (AtomrViewUiBridge    *self,
                                                               const char           *window_id,
                                                               AtomrViewScene       *scene);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean              atomr_view_ui_bridge_post_patches       (AtomrViewUiBridge    *self,
                                                               const char           *window_id,
                                                               GPtrArray            *patches,
                                                               GError              **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
AtomrViewScene       *atomr_view_ui_bridge_dup_scene          (AtomrViewUiBridge    *self,
                                                               const char           *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_request_redraw     (AtomrViewUiBridge    *self,
                                                               const char           *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_set_wants_frames   (AtomrViewUiBridge    *self,
                                                               const char           *window_id,
                                                               gboolean              wants_frames);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_frame_done         (AtomrViewUiBridge    *self,
                                                               const char           *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
GVariant             *atomr_view_ui_bridge_dup_stats          (AtomrViewUiBridge    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_flush              (AtomrViewUiBridge    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void                  atomr_view_ui_bridge_reopen_windows     (AtomrViewUiBridge    *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
int                   atomr_view_ui_bridge_run                (AtomrViewUiBridge    *self);

G_END_DECLS

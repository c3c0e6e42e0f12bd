/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(ATOMR_VIEW_INSIDE) && !defined(ATOMR_VIEW_COMPILATION)
# error "Only <atomr-view.h> can be included directly."
#endif

#include <glib-object.h>

#include "atomr-view-version-macros.h"
#include "atomr-view-event.h"
#include "atomr-view-scene.h"

G_BEGIN_DECLS

#define ATOMR_VIEW_TYPE_BACKEND (atomr_view_backend_get_type ())

ATOMR_VIEW_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (AtomrViewBackend, atomr_view_backend, ATOMR_VIEW, BACKEND, GObject)

/**
 * AtomrViewBackendInterface:
 * @g_iface: the parent interface
 * @open_window: shows a new, empty window with the given id and title
 * @close_window: closes and forgets a window
 * @set_title: changes a window's title
 * @render: makes a window show @new_scene. With @old_scene %NULL the window
 *   is empty (just opened, or being shown again after the display came back)
 *   and @patches is %NULL; otherwise the window shows @old_scene and @patches
 *   turn it into @new_scene. When it cannot (an unknown kind, a prop the
 *   widget does not have, a value of the wrong type, patches that do not fit)
 *   it returns %FALSE with an error and leaves the window showing @old_scene.
 * @request_redraw: asks for the window to be painted again
 * @render_scene: optional: the same as @render, but the backend finds the
 *   patches from @old_scene itself (with atomr_view_scene_diff()), and so
 *   need not check that they fit. The bridge calls it when a backend has it,
 *   and @render with its own diff otherwise.
 *
 * What a rendering backend implements. Every method runs on the UI thread.
 * Backends report input and lifecycle through the
 * [signal@AtomrView.Backend::event] signal.
 *
 * Since: 0.1
 */
struct _AtomrViewBackendInterface
{
  GTypeInterface g_iface;

  gboolean (*open_window)    (AtomrViewBackend  *self,
                              const char        *window_id,
                              const char        *title,
                              GError           **error);
  void     (*close_window)   (AtomrViewBackend  *self,
                              const char        *window_id);
  void     (*set_title)      (AtomrViewBackend  *self,
                              const char        *window_id,
                              const char        *title);
  gboolean (*render)         (AtomrViewBackend  *self,
                              const char        *window_id,
                              AtomrViewScene    *old_scene,
                              AtomrViewScene    *new_scene,
                              GPtrArray         *patches,
                              GError           **error);
  void     (*request_redraw) (AtomrViewBackend  *self,
                              const char        *window_id);
  gboolean (*render_scene)   (AtomrViewBackend  *self,
                              const char        *window_id,
                              AtomrViewScene    *old_scene,
                              AtomrViewScene    *new_scene,
                              GError           **error);

  /*< private >*/
  gpointer _reserved[7];
};

ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean atomr_view_backend_open_window    (AtomrViewBackend  *self,
                                            const char        *window_id,
                                            const char        *title,
                                            GError           **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_close_window   (AtomrViewBackend  *self,
                                            const char        *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_set_title      (AtomrViewBackend  *self,
                                            const char        *window_id,
                                            const char        *title);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean atomr_view_backend_render         (AtomrViewBackend  *self,
                                            const char        *window_id,
                                            AtomrViewScene    *old_scene,
                                            AtomrViewScene    *new_scene,
                                            GPtrArray         *patches,
                                            GError           **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
gboolean atomr_view_backend_render_scene   (AtomrViewBackend  *self,
                                            const char        *window_id,
                                            AtomrViewScene    *old_scene,
                                            AtomrViewScene    *new_scene,
                                            GError           **error);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_request_redraw (AtomrViewBackend  *self,
                                            const char        *window_id);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_emit_event     (AtomrViewBackend  *self,
                                            AtomrViewEvent    *event);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_emit_display_lost     (AtomrViewBackend *self);
ATOMR_VIEW_AVAILABLE_IN_ALL
void     atomr_view_backend_emit_display_restored (AtomrViewBackend *self);

G_END_DECLS

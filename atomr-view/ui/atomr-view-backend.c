/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-backend.h"
#include "atomr-view-init-private.h"
#include "atomr-view-ui-error.h"

/**
 * AtomrViewBackend:
 *
 * Something that shows scenes: opens windows, turns scenes and patches into
 * widgets, and reports what the user does.
 *
 * The GTK backend (`AtomrViewGtk.Backend`) implements it. Backends are driven
 * by an [class@AtomrView.UiBridge] on the UI thread; application code rarely
 * calls them directly.
 *
 * A backend that can lose its display and get it back — the GTK backend
 * served through a Broadway daemon that is restarted — says so with
 * [signal@AtomrView.Backend::display-lost] and
 * [signal@AtomrView.Backend::display-restored]; the bridge then shows every
 * window again from the scenes it holds.
 *
 * Thread safety: the UI thread.
 *
 * Since: 0.1
 */

G_DEFINE_INTERFACE (AtomrViewBackend, atomr_view_backend, G_TYPE_OBJECT)

enum {
  EVENT,
  DISPLAY_LOST,
  DISPLAY_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atomr_view_backend_default_init (AtomrViewBackendInterface *iface)
{
  /**
   * AtomrViewBackend::event:
   * @self: the backend
   * @event: what happened
   *
   * Emitted on the UI thread when the user acts on a window or a window's
   * state changes. The bridge forwards it to the window's actor; input and
   * lifecycle events are never dropped.
   *
   * Since: 0.1
   */
  signals[EVENT] =
    g_signal_new ("event", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  ATOMR_VIEW_TYPE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * AtomrViewBackend::display-lost:
   * @self: the backend
   *
   * Emitted on the UI thread when the backend has lost its display, and with
   * it every window it showed: a Broadway daemon that died, for example. The
   * bridge closes its windows on the backend and keeps the newest scene of
   * each until [signal@AtomrView.Backend::display-restored].
   *
   * Since: 0.1
   */
  signals[DISPLAY_LOST] =
    g_signal_new ("display-lost", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AtomrViewBackend::display-restored:
   * @self: the backend
   *
   * Emitted on the UI thread when the backend has a display again after
   * [signal@AtomrView.Backend::display-lost]. The bridge opens every window
   * again and shows its newest scene, without asking the actors for anything.
   *
   * Since: 0.1
   */
  signals[DISPLAY_RESTORED] =
    g_signal_new ("display-restored", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/**
 * atomr_view_backend_open_window:
 * @self: a backend
 * @window_id: the new window's id
 * @title: its title
 * @error: return location for an error
 *
 * Shows a new, empty window.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
/* A backend that fails without saying why (a Python method that raised, say)
 * still gives its caller an error. */
static gboolean
check_failure (AtomrViewBackend  *self,
               gboolean           ok,
               GError            *local_error,
               const char        *method,
               const char        *window_id,
               GError           **error)
{
  if (ok)
    {
      g_clear_error (&local_error);
      return TRUE;
    }
  if (local_error == NULL)
    {
      g_warning ("%s's %s() returned FALSE without setting an error", G_OBJECT_TYPE_NAME (self), method);
      if (g_str_equal (method, "open_window"))
        local_error = g_error_new (ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                                   _("The backend could not open the window “%s” and did not say why"), window_id);
      else
        local_error = g_error_new (ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                                   _("The backend could not show the scene of the window “%s” and did not say why"),
                                   window_id);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
atomr_view_backend_open_window (AtomrViewBackend  *self,
                                const char        *window_id,
                                const char        *title,
                                GError           **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ATOMR_VIEW_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (window_id != NULL, FALSE);

  ok = ATOMR_VIEW_BACKEND_GET_IFACE (self)->open_window (self, window_id, title ? title : "", &local_error);
  return check_failure (self, ok, local_error, "open_window", window_id, error);
}

/**
 * atomr_view_backend_close_window:
 * @self: a backend
 * @window_id: a window's id
 *
 * Closes a window. Closing an unknown window does nothing.
 *
 * Since: 0.1
 */
void
atomr_view_backend_close_window (AtomrViewBackend *self,
                                 const char       *window_id)
{
  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));
  g_return_if_fail (window_id != NULL);

  ATOMR_VIEW_BACKEND_GET_IFACE (self)->close_window (self, window_id);
}

/**
 * atomr_view_backend_set_title:
 * @self: a backend
 * @window_id: a window's id
 * @title: the new title
 *
 * Changes a window's title.
 *
 * Since: 0.1
 */
void
atomr_view_backend_set_title (AtomrViewBackend *self,
                              const char       *window_id,
                              const char       *title)
{
  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));
  g_return_if_fail (window_id != NULL);
  g_return_if_fail (title != NULL);

  ATOMR_VIEW_BACKEND_GET_IFACE (self)->set_title (self, window_id, title);
}

/**
 * atomr_view_backend_render:
 * @self: a backend
 * @window_id: a window's id
 * @old_scene: (nullable): what the window shows, or %NULL when it is empty
 * @new_scene: what it should show
 * @patches: (nullable) (element-type AtomrView.Patch): the patches from
 *   @old_scene to @new_scene, %NULL when @old_scene is %NULL
 * @error: return location for an error
 *
 * Makes the window show @new_scene. On failure the window still shows
 * @old_scene.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
atomr_view_backend_render (AtomrViewBackend  *self,
                           const char        *window_id,
                           AtomrViewScene    *old_scene,
                           AtomrViewScene    *new_scene,
                           GPtrArray         *patches,
                           GError           **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ATOMR_VIEW_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (window_id != NULL, FALSE);
  g_return_val_if_fail (new_scene != NULL, FALSE);
  g_return_val_if_fail ((old_scene == NULL) == (patches == NULL), FALSE);

  ok = ATOMR_VIEW_BACKEND_GET_IFACE (self)->render (self, window_id, old_scene, new_scene, patches, &local_error);
  return check_failure (self, ok, local_error, "render", window_id, error);
}

/**
 * atomr_view_backend_render_scene:
 * @self: a backend
 * @window_id: a window's id
 * @old_scene: (nullable): what the window shows, or %NULL when it is empty
 * @new_scene: what it should show
 * @error: return location for an error
 *
 * Makes the window show @new_scene, as [method@Backend.render] does with the
 * patches of [method@Scene.diff] from @old_scene. A backend that implements
 * `render_scene` diffs the scenes itself and, knowing its own patches fit,
 * skips the check that patches from a caller need; for the others this
 * diffs and calls [method@Backend.render]. The [class@UiBridge] renders
 * through this. On failure the window still shows @old_scene.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
atomr_view_backend_render_scene (AtomrViewBackend  *self,
                                 const char        *window_id,
                                 AtomrViewScene    *old_scene,
                                 AtomrViewScene    *new_scene,
                                 GError           **error)
{
  AtomrViewBackendInterface *iface;
  g_autoptr(GPtrArray) patches = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (ATOMR_VIEW_IS_BACKEND (self), FALSE);
  g_return_val_if_fail (window_id != NULL, FALSE);
  g_return_val_if_fail (new_scene != NULL, FALSE);

  iface = ATOMR_VIEW_BACKEND_GET_IFACE (self);
  if (iface->render_scene == NULL)
    {
      if (old_scene != NULL)
        patches = atomr_view_scene_diff (old_scene, new_scene);
      return atomr_view_backend_render (self, window_id, old_scene, new_scene, patches, error);
    }
  ok = iface->render_scene (self, window_id, old_scene, new_scene, &local_error);
  return check_failure (self, ok, local_error, "render_scene", window_id, error);
}

/**
 * atomr_view_backend_request_redraw:
 * @self: a backend
 * @window_id: a window's id
 *
 * Asks for the window to be painted again.
 *
 * Since: 0.1
 */
void
atomr_view_backend_request_redraw (AtomrViewBackend *self,
                                   const char       *window_id)
{
  AtomrViewBackendInterface *iface;

  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));
  g_return_if_fail (window_id != NULL);

  iface = ATOMR_VIEW_BACKEND_GET_IFACE (self);
  if (iface->request_redraw != NULL)
    iface->request_redraw (self, window_id);
}

/**
 * atomr_view_backend_emit_event:
 * @self: a backend
 * @event: what happened
 *
 * Emits [signal@AtomrView.Backend::event]; for implementations.
 *
 * Since: 0.1
 */
void
atomr_view_backend_emit_event (AtomrViewBackend *self,
                               AtomrViewEvent   *event)
{
  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));
  g_return_if_fail (event != NULL);

  g_signal_emit (self, signals[EVENT], 0, event);
}

/**
 * atomr_view_backend_emit_display_lost:
 * @self: a backend
 *
 * Emits [signal@AtomrView.Backend::display-lost]; for implementations, on the
 * UI thread, once the display is gone and before anything is shown again.
 *
 * Since: 0.1
 */
void
atomr_view_backend_emit_display_lost (AtomrViewBackend *self)
{
  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));

  g_signal_emit (self, signals[DISPLAY_LOST], 0);
}

/**
 * atomr_view_backend_emit_display_restored:
 * @self: a backend
 *
 * Emits [signal@AtomrView.Backend::display-restored]; for implementations, on
 * the UI thread, once windows can be opened again.
 *
 * Since: 0.1
 */
void
atomr_view_backend_emit_display_restored (AtomrViewBackend *self)
{
  g_return_if_fail (ATOMR_VIEW_IS_BACKEND (self));

  g_signal_emit (self, signals[DISPLAY_RESTORED], 0);
}

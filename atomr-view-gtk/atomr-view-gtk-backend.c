/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "atomr-view-gtk-backend.h"
#include "atomr-view-gtk-display-watch-private.h"
#include "atomr-view-gtk-tree-private.h"

/**
 * AtomrViewGtkBackend:
 *
 * Shows scenes as GTK 4 widgets: the [iface@AtomrView.Backend] of desktop
 * applications.
 *
 * Each window of the bridge is a [class@Gtk.Window]. The backend keeps a
 * mirror of the scene each window shows, node by node, so that a patch finds
 * its widget in O(depth) and a keyed move moves the widget it already has:
 * updates never recreate a widget whose node kept its kind and key, so focus,
 * scroll positions and the text the user is typing stay.
 *
 * Every kind of the core vocabulary is supported, and any other kind that
 * names a GtkWidget type (`GtkLevelBar`, `GtkCalendar`, ...) is made with
 * g_object_new(); a prop that is not in the vocabulary sets the GObject
 * property of that name. A `list` node shows its children as the rows of a
 * [class@Gtk.ListView], which makes widgets only for the rows in view. The
 * [GTK backend page](gtk-backend.html) has the details.
 *
 * A scene that the backend cannot show — an unknown kind, a prop the widget
 * does not have, a value of the wrong type — is refused before any widget
 * changes: [method@AtomrView.Backend.render] returns an error in the
 * %ATOMR_VIEW_UI_ERROR domain naming the node by its key path, and the
 * window keeps showing the old scene.
 *
 * Events carry the key path of their node and a value: `clicked` (buttons),
 * `changed` and `activate` (text inputs, with the text), `toggled` (checks
 * and switches, with the state), `value-changed` (sliders, with the value),
 * `close-request` (the window; it stays open until the window's actor closes
 * it) and `frame` (after each painted frame, with the frame time). Changes
 * the backend makes itself while showing a scene report no event.
 *
 * Served through Broadway by `atomr-view-broadway` (or
 * `atomr_view_broadway_run_window()`), the backend outlives the Broadway
 * daemon: when the daemon dies it closes its windows and its display and
 * emits [signal@AtomrView.Backend::display-lost]; when the restarted daemon
 * takes clients again it opens a new display and emits
 * [signal@AtomrView.Backend::display-restored], and the bridge shows every
 * window again from the scenes it holds. The
 * [Broadway page](../atomr-view-broadway-1/broadway.html) of the
 * AtomrViewBroadway reference has the details.
 *
 * With `geometry` in the environment variable `ATOMR_VIEW_GTK_DEBUG`, the
 * backend writes, on standard error after the first frame that shows each
 * new scene, where every node's widget is in its window's surface:
 * `atomr-view-gtk: geometry WINDOW PATH X Y WIDTH HEIGHT`, with PATH the key
 * path joined by `/` (`#N` for a node without a key, `/` for the root).
 * Browser tests use it to know where to click.
 *
 * Thread safety: the UI thread (the thread that runs the default main
 * context), like every GTK object.
 *
 * Since: 0.1
 */

typedef struct
{
  AtomrViewGtkBackend *backend;
  char                *id;
  GtkWindow           *window;
  AtomrViewGtkTree    *tree;
  GdkFrameClock       *clock;
  gulong               after_paint;
  gboolean             geometry_due;  /* a new scene whose geometry was not written yet */
} BackendWindow;

struct _AtomrViewGtkBackend
{
  GObject                   parent_instance;
  GHashTable               *windows;        /* id -> BackendWindow */
  AtomrViewGtkDisplayWatch *display_watch;  /* when a Broadway supervisor runs our daemon */
  char                     *display_name;   /* of the display that went away */
  gboolean                  display_lost;
};

static void atomr_view_gtk_backend_iface_init (AtomrViewBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtomrViewGtkBackend, atomr_view_gtk_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ATOMR_VIEW_TYPE_BACKEND, atomr_view_gtk_backend_iface_init))

static void
emit (BackendWindow      *window,
      const char * const *path,
      const char         *signal,
      GVariant           *value)
{
  g_autoptr(AtomrViewEvent) event = atomr_view_event_new (window->id, path, signal, value);

  atomr_view_backend_emit_event (ATOMR_VIEW_BACKEND (window->backend), event);
}

static void
tree_event_cb (const char * const *path,
               const char         *signal,
               GVariant           *value,
               gpointer            user_data)
{
  emit (user_data, path, signal, value);
}

static gboolean
close_request_cb (GtkWindow     *gtk_window,
                  BackendWindow *window)
{
  const char *root[] = { NULL };

  emit (window, root, ATOMR_VIEW_SIGNAL_CLOSE_REQUEST, NULL);
  /* The window's actor decides; closing it comes back through close_window. */
  return TRUE;
}

static gboolean
debug_geometry (void)
{
  static gsize initialized = 0;
  static gboolean enabled;

  if (g_once_init_enter (&initialized))
    {
      const char *debug = g_getenv ("ATOMR_VIEW_GTK_DEBUG");

      enabled = debug != NULL && strstr (debug, "geometry") != NULL;
      g_once_init_leave (&initialized, 1);
    }
  return enabled;
}

static void
write_geometry (BackendWindow      *window,
                AtomrViewGtkMirror *mirror,
                GString            *path,
                double              surface_x,
                double              surface_y)
{
  gsize length = path->len;
  graphene_rect_t bounds;

  if (mirror->widget != NULL &&
      gtk_widget_compute_bounds (mirror->widget, GTK_WIDGET (window->window), &bounds))
    g_printerr ("atomr-view-gtk: geometry %s %s %.0f %.0f %.0f %.0f\n", window->id, path->len > 0 ? path->str : "/",
                surface_x + bounds.origin.x, surface_y + bounds.origin.y, bounds.size.width, bounds.size.height);
  for (guint i = 0; i < atomr_view_gtk_mirror_get_n_children (mirror); i++)
    {
      AtomrViewGtkMirror *child = g_ptr_array_index (mirror->children, i);
      const char *key = atomr_view_node_get_key (child->node);

      if (path->len > 0)
        g_string_append_c (path, '/');
      if (key != NULL)
        g_string_append (path, key);
      else
        g_string_append_printf (path, "#%u", i);
      write_geometry (window, child, path, surface_x, surface_y);
      g_string_truncate (path, length);
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                BackendWindow *window)
{
  const char *root[] = { NULL };

  if (window->geometry_due)
    {
      AtomrViewGtkMirror *mirror = atomr_view_gtk_tree_lookup (window->tree, root);
      g_autoptr(GString) path = g_string_new (NULL);
      double x = 0, y = 0;

      window->geometry_due = FALSE;
      gtk_native_get_surface_transform (GTK_NATIVE (window->window), &x, &y);
      if (mirror != NULL)
        write_geometry (window, mirror, path, x, y);
    }

  emit (window, root, ATOMR_VIEW_SIGNAL_FRAME, g_variant_new_int64 (gdk_frame_clock_get_frame_time (clock)));
}

static void
forget_clock (BackendWindow *window)
{
  if (window->clock == NULL)
    return;
  g_clear_signal_handler (&window->after_paint, window->clock);
  g_clear_object (&window->clock);
}

static void
realize_cb (GtkWidget     *widget,
            BackendWindow *window)
{
  forget_clock (window);
  window->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  window->after_paint = g_signal_connect (window->clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
unrealize_cb (GtkWidget     *widget,
              BackendWindow *window)
{
  forget_clock (window);
}

static void
backend_window_free (BackendWindow *window)
{
  forget_clock (window);
  g_signal_handlers_disconnect_by_data (window->window, window);
  atomr_view_gtk_tree_free (window->tree);
  gtk_window_destroy (window->window);
  g_object_unref (window->window);
  g_free (window->id);
  g_free (window);
}

static BackendWindow *
lookup_window (AtomrViewGtkBackend  *self,
               const char           *window_id,
               GError              **error)
{
  BackendWindow *window = g_hash_table_lookup (self->windows, window_id);

  if (window == NULL)
    g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_WINDOW,
                 _("No window “%s” is open"), window_id);
  return window;
}

static gboolean
atomr_view_gtk_backend_open_window (AtomrViewBackend  *backend,
                                    const char        *window_id,
                                    const char        *title,
                                    GError           **error)
{
  AtomrViewGtkBackend *self = ATOMR_VIEW_GTK_BACKEND (backend);
  BackendWindow *window;

  if (!gtk_init_check () || self->display_lost || gdk_display_get_default () == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_DISPLAY_LOST,
                   _("Cannot open a display for the window “%s”"), window_id);
      return FALSE;
    }
  /* Opening an open window again starts it afresh (the bridge does so when a display came back). */
  g_hash_table_remove (self->windows, window_id);

  window = g_new0 (BackendWindow, 1);
  window->backend = self;
  window->id = g_strdup (window_id);
  window->tree = atomr_view_gtk_tree_new (tree_event_cb, window);
  window->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_title (window->window, title);
  gtk_window_set_default_size (window->window, 560, 480);
  g_signal_connect (window->window, "close-request", G_CALLBACK (close_request_cb), window);
  g_signal_connect (window->window, "realize", G_CALLBACK (realize_cb), window);
  g_signal_connect (window->window, "unrealize", G_CALLBACK (unrealize_cb), window);
  g_hash_table_insert (self->windows, window->id, window);
  gtk_window_present (window->window);
  return TRUE;
}

static void
atomr_view_gtk_backend_close_window (AtomrViewBackend *backend,
                                     const char       *window_id)
{
  g_hash_table_remove (ATOMR_VIEW_GTK_BACKEND (backend)->windows, window_id);
}

static void
atomr_view_gtk_backend_set_title (AtomrViewBackend *backend,
                                  const char       *window_id,
                                  const char       *title)
{
  BackendWindow *window = lookup_window (ATOMR_VIEW_GTK_BACKEND (backend), window_id, NULL);

  if (window != NULL)
    gtk_window_set_title (window->window, title);
}

static gboolean
patches_fit (AtomrViewScene  *old_scene,
             GPtrArray       *patches,
             const char      *window_id,
             GError         **error)
{
  g_autoptr(AtomrViewScene) patched = NULL;
  g_autoptr(GError) local_error = NULL;

  patched = atomr_view_scene_apply (old_scene, patches, &local_error);
  if (patched == NULL)
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_FAILED,
                   _("The patches do not fit the scene of the window “%s”: %s"),
                   window_id, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* @patches: the caller's, or NULL to diff the scenes here. */
static gboolean
show_scene (AtomrViewBackend  *backend,
            const char        *window_id,
            AtomrViewScene    *old_scene,
            AtomrViewScene    *new_scene,
            GPtrArray         *patches,
            GError           **error)
{
  BackendWindow *window = lookup_window (ATOMR_VIEW_GTK_BACKEND (backend), window_id, error);
  AtomrViewNode *new_root = atomr_view_scene_get_root (new_scene);
  AtomrViewNode *shown;
  GtkWidget *widget;

  if (window == NULL)
    return FALSE;
  shown = atomr_view_gtk_tree_get_node (window->tree);

  if (old_scene == NULL || shown != atomr_view_scene_get_root (old_scene))
    {
      /* An empty window, or one that shows something else than the caller thinks: start afresh. */
      if (!atomr_view_gtk_tree_check (window->tree, new_root, error))
        return FALSE;
      atomr_view_gtk_tree_build (window->tree, new_root);
    }
  else
    {
      g_autoptr(GPtrArray) own_patches = NULL;

      /* A caller's patches that lead nowhere would leave the widgets half
       * changed: they are tried on the scene first. Those of our own diff fit. */
      if (patches != NULL && !patches_fit (old_scene, patches, window_id, error))
        return FALSE;
      if (!atomr_view_gtk_tree_check (window->tree, new_root, error))
        return FALSE;
      if (patches == NULL)
        patches = own_patches = atomr_view_scene_diff (old_scene, new_scene);
      atomr_view_gtk_tree_patch (window->tree, patches, new_root);
    }

  widget = atomr_view_gtk_tree_get_widget (window->tree);
  if (gtk_window_get_child (window->window) != widget)
    gtk_window_set_child (window->window, widget);
  if (debug_geometry ())
    {
      window->geometry_due = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (window->window));
    }
  return TRUE;
}

static gboolean
atomr_view_gtk_backend_render (AtomrViewBackend  *backend,
                               const char        *window_id,
                               AtomrViewScene    *old_scene,
                               AtomrViewScene    *new_scene,
                               GPtrArray         *patches,
                               GError           **error)
{
  return show_scene (backend, window_id, old_scene, new_scene, patches, error);
}

static gboolean
atomr_view_gtk_backend_render_scene (AtomrViewBackend  *backend,
                                     const char        *window_id,
                                     AtomrViewScene    *old_scene,
                                     AtomrViewScene    *new_scene,
                                     GError           **error)
{
  return show_scene (backend, window_id, old_scene, new_scene, NULL, error);
}

static void
atomr_view_gtk_backend_request_redraw (AtomrViewBackend *backend,
                                       const char       *window_id)
{
  BackendWindow *window = lookup_window (ATOMR_VIEW_GTK_BACKEND (backend), window_id, NULL);
  GtkWidget *widget;

  if (window == NULL)
    return;
  widget = atomr_view_gtk_tree_get_widget (window->tree);
  gtk_widget_queue_draw (widget != NULL ? widget : GTK_WIDGET (window->window));
}

static void
atomr_view_gtk_backend_iface_init (AtomrViewBackendInterface *iface)
{
  iface->open_window = atomr_view_gtk_backend_open_window;
  iface->close_window = atomr_view_gtk_backend_close_window;
  iface->set_title = atomr_view_gtk_backend_set_title;
  iface->render = atomr_view_gtk_backend_render;
  iface->render_scene = atomr_view_gtk_backend_render_scene;
  iface->request_redraw = atomr_view_gtk_backend_request_redraw;
}

/* The supervisor says the Broadway daemon died, or that a new one takes clients. */
static void
display_changed_cb (gboolean available,
                    gpointer user_data)
{
  AtomrViewGtkBackend *self = user_data;
  GdkDisplay *display;

  if (!available && !self->display_lost)
    {
      display = gdk_display_get_default ();
      self->display_lost = TRUE;
      g_free (self->display_name);
      /* A Broadway display is named "Broadway"; GDK finds ":N" in BROADWAY_DISPLAY when given none. */
      if (display != NULL && gdk_display_get_name (display) != NULL && gdk_display_get_name (display)[0] == ':')
        self->display_name = g_strdup (gdk_display_get_name (display));
      else
        self->display_name = NULL;
      g_debug ("The display %s went away", self->display_name ? self->display_name : "(none)");
      /* The bridge closes its windows; then nothing of ours is left on the display. */
      atomr_view_backend_emit_display_lost (ATOMR_VIEW_BACKEND (self));
      g_hash_table_remove_all (self->windows);
      if (display != NULL)
        gdk_display_close (display);
    }
  else if (available && self->display_lost)
    {
      display = gdk_display_open (self->display_name);
      if (display == NULL)
        {
          g_warning ("Cannot open the display %s again: the windows stay closed until the next try",
                     self->display_name ? self->display_name : "(default)");
          return;
        }
      gdk_display_manager_set_default_display (gdk_display_manager_get (), display);
      self->display_lost = FALSE;
      g_debug ("The display %s is back", gdk_display_get_name (display));
      atomr_view_backend_emit_display_restored (ATOMR_VIEW_BACKEND (self));
    }
}

static void
atomr_view_gtk_backend_dispose (GObject *object)
{
  AtomrViewGtkBackend *self = ATOMR_VIEW_GTK_BACKEND (object);

  g_clear_pointer (&self->display_watch, atomr_view_gtk_display_watch_free);
  g_hash_table_remove_all (self->windows);

  G_OBJECT_CLASS (atomr_view_gtk_backend_parent_class)->dispose (object);
}

static void
atomr_view_gtk_backend_finalize (GObject *object)
{
  AtomrViewGtkBackend *self = ATOMR_VIEW_GTK_BACKEND (object);

  g_hash_table_unref (self->windows);
  g_free (self->display_name);

  G_OBJECT_CLASS (atomr_view_gtk_backend_parent_class)->finalize (object);
}

static void
atomr_view_gtk_backend_class_init (AtomrViewGtkBackendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atomr_view_gtk_backend_dispose;
  object_class->finalize = atomr_view_gtk_backend_finalize;
}

static void
atomr_view_gtk_backend_init (AtomrViewGtkBackend *self)
{
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) backend_window_free);
  self->display_watch = atomr_view_gtk_display_watch_new_from_environment (display_changed_cb, self);
}

/**
 * atomr_view_gtk_backend_new:
 *
 * Makes a GTK backend. Call it on the UI thread; GTK is initialised when the
 * first window opens, and opening fails with
 * %ATOMR_VIEW_UI_ERROR_DISPLAY_LOST when there is no display.
 *
 * Returns: (transfer full): a new backend
 *
 * Since: 0.1
 */
AtomrViewGtkBackend *
atomr_view_gtk_backend_new (void)
{
  return g_object_new (ATOMR_VIEW_GTK_TYPE_BACKEND, NULL);
}

/**
 * atomr_view_gtk_backend_get_window:
 * @self: a GTK backend
 * @window_id: a window's id
 *
 * Gets the GTK window that shows a window of the bridge, for what scenes do
 * not cover: an icon, a size, a screenshot.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when no window
 *   has that id
 *
 * Since: 0.1
 */
GtkWindow *
atomr_view_gtk_backend_get_window (AtomrViewGtkBackend *self,
                                   const char          *window_id)
{
  BackendWindow *window;

  g_return_val_if_fail (ATOMR_VIEW_GTK_IS_BACKEND (self), NULL);
  g_return_val_if_fail (window_id != NULL, NULL);

  window = lookup_window (self, window_id, NULL);
  return window != NULL ? window->window : NULL;
}

/**
 * atomr_view_gtk_backend_get_widget:
 * @self: a GTK backend
 * @window_id: a window's id
 * @path: (array zero-terminated=1): the key path of a node: from below the
 *   root down, the key of each node, or `#N` for a node without a key that
 *   is child number N; empty for the root
 *
 * Finds the widget that shows a node. For a `list` node it is the scrolled
 * window around the list view. A row of a list has a widget only while the
 * list shows it.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL when there is no
 *   such node or it has no widget now
 *
 * Since: 0.1
 */
GtkWidget *
atomr_view_gtk_backend_get_widget (AtomrViewGtkBackend *self,
                                   const char          *window_id,
                                   const char * const  *path)
{
  AtomrViewGtkMirror *mirror;
  BackendWindow *window;

  g_return_val_if_fail (ATOMR_VIEW_GTK_IS_BACKEND (self), NULL);
  g_return_val_if_fail (window_id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  window = lookup_window (self, window_id, NULL);
  if (window == NULL)
    return NULL;
  mirror = atomr_view_gtk_tree_lookup (window->tree, path);
  return mirror != NULL ? mirror->widget : NULL;
}

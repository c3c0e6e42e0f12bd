/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "test-fake-backend.h"

typedef struct
{
  gboolean        open;
  AtomrViewScene *shown;
  guint           n_renders;
} FakeWindow;

struct _TestFakeBackend
{
  GObject     parent_instance;
  GHashTable *windows;      /* id -> FakeWindow */
  GPtrArray  *log;
  guint       render_cost_us;
  char       *refused_kind;
  gboolean    refuse_open;
  gboolean    fail_silently;
};

static void test_fake_backend_iface_init (AtomrViewBackendInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFakeBackend, test_fake_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ATOMR_VIEW_TYPE_BACKEND, test_fake_backend_iface_init))

static void
fake_window_free (FakeWindow *window)
{
  g_clear_pointer (&window->shown, atomr_view_scene_unref);
  g_free (window);
}

static FakeWindow *
lookup (TestFakeBackend *self,
        const char      *window_id)
{
  return g_hash_table_lookup (self->windows, window_id);
}

static gboolean
fake_open_window (AtomrViewBackend  *backend,
                  const char        *window_id,
                  const char        *title,
                  GError           **error)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (backend);
  FakeWindow *window;

  if (self->refuse_open)
    {
      g_set_error_literal (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_DISPLAY_LOST, "There is no display here");
      return FALSE;
    }
  window = g_new0 (FakeWindow, 1);
  window->open = TRUE;
  g_hash_table_replace (self->windows, g_strdup (window_id), window);
  g_ptr_array_add (self->log, g_strdup_printf ("open %s", window_id));
  return TRUE;
}

static void
fake_close_window (AtomrViewBackend *backend,
                   const char       *window_id)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (backend);
  FakeWindow *window = lookup (self, window_id);

  if (window != NULL)
    window->open = FALSE;
  g_ptr_array_add (self->log, g_strdup_printf ("close %s", window_id));
}

static void
fake_set_title (AtomrViewBackend *backend,
                const char       *window_id,
                const char       *title)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (backend);

  g_ptr_array_add (self->log, g_strdup_printf ("title %s %s", window_id, title));
}

static gboolean
has_kind (AtomrViewNode *node,
          const char    *kind)
{
  if (g_str_equal (atomr_view_node_get_kind (node), kind))
    return TRUE;
  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    if (has_kind (atomr_view_node_get_child (node, i), kind))
      return TRUE;
  return FALSE;
}

static gboolean
fake_render (AtomrViewBackend  *backend,
             const char        *window_id,
             AtomrViewScene    *old_scene,
             AtomrViewScene    *new_scene,
             GPtrArray         *patches,
             GError           **error)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (backend);
  FakeWindow *window = lookup (self, window_id);

  g_assert_nonnull (window);
  /* The bridge must hand us patches that lead from what we show to the new scene. */
  if (old_scene != NULL)
    {
      g_autoptr(AtomrViewScene) patched = NULL;
      g_autoptr(GError) local_error = NULL;

      g_assert_true (old_scene == window->shown);
      patched = atomr_view_scene_apply (old_scene, patches, &local_error);
      g_assert_no_error (local_error);
      g_assert_true (atomr_view_scene_equal (patched, new_scene));
    }
  if (self->render_cost_us > 0)
    g_usleep (self->render_cost_us);
  if (self->fail_silently)
    return FALSE;
  if (self->refused_kind != NULL && has_kind (atomr_view_scene_get_root (new_scene), self->refused_kind))
    {
      g_set_error (error, ATOMR_VIEW_UI_ERROR, ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND,
                   "The kind “%s” is not known here", self->refused_kind);
      return FALSE;
    }
  g_clear_pointer (&window->shown, atomr_view_scene_unref);
  window->shown = atomr_view_scene_ref (new_scene);
  window->n_renders++;
  return TRUE;
}

static void
fake_request_redraw (AtomrViewBackend *backend,
                     const char       *window_id)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (backend);

  g_ptr_array_add (self->log, g_strdup_printf ("redraw %s", window_id));
}

void
test_fake_backend_lose_display (TestFakeBackend *self)
{
  self->refuse_open = TRUE;
  g_ptr_array_add (self->log, g_strdup ("display-lost"));
  atomr_view_backend_emit_display_lost (ATOMR_VIEW_BACKEND (self));
}

void
test_fake_backend_restore_display (TestFakeBackend *self)
{
  self->refuse_open = FALSE;
  g_ptr_array_add (self->log, g_strdup ("display-restored"));
  atomr_view_backend_emit_display_restored (ATOMR_VIEW_BACKEND (self));
}

static void
test_fake_backend_iface_init (AtomrViewBackendInterface *iface)
{
  iface->open_window = fake_open_window;
  iface->close_window = fake_close_window;
  iface->set_title = fake_set_title;
  iface->render = fake_render;
  iface->request_redraw = fake_request_redraw;
}

static void
test_fake_backend_finalize (GObject *object)
{
  TestFakeBackend *self = TEST_FAKE_BACKEND (object);

  g_hash_table_unref (self->windows);
  g_ptr_array_unref (self->log);
  g_free (self->refused_kind);
  G_OBJECT_CLASS (test_fake_backend_parent_class)->finalize (object);
}

static void
test_fake_backend_class_init (TestFakeBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_fake_backend_finalize;
}

static void
test_fake_backend_init (TestFakeBackend *self)
{
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fake_window_free);
  self->log = g_ptr_array_new_with_free_func (g_free);
}

TestFakeBackend *
test_fake_backend_new (void)
{
  return g_object_new (TEST_TYPE_FAKE_BACKEND, NULL);
}

GPtrArray *
test_fake_backend_get_log (TestFakeBackend *self)
{
  return self->log;
}

AtomrViewScene *
test_fake_backend_get_shown (TestFakeBackend *self,
                             const char      *window_id)
{
  FakeWindow *window = lookup (self, window_id);

  return window ? window->shown : NULL;
}

gboolean
test_fake_backend_is_open (TestFakeBackend *self,
                           const char      *window_id)
{
  FakeWindow *window = lookup (self, window_id);

  return window != NULL && window->open;
}

guint
test_fake_backend_get_n_renders (TestFakeBackend *self,
                                 const char      *window_id)
{
  FakeWindow *window = lookup (self, window_id);

  return window ? window->n_renders : 0;
}

guint
test_fake_backend_count (TestFakeBackend *self,
                         const char      *line)
{
  guint n = 0;

  for (guint i = 0; i < self->log->len; i++)
    if (g_str_equal (g_ptr_array_index (self->log, i), line))
      n++;
  return n;
}

void
test_fake_backend_set_render_cost (TestFakeBackend *self,
                                   guint            microseconds)
{
  self->render_cost_us = microseconds;
}

void
test_fake_backend_refuse_kind (TestFakeBackend *self,
                               const char      *kind)
{
  g_free (self->refused_kind);
  self->refused_kind = g_strdup (kind);
}

static const char *
find_text (AtomrViewNode *node)
{
  if (g_str_equal (atomr_view_node_get_kind (node), ATOMR_VIEW_KIND_TEXT))
    {
      GVariant *text = atomr_view_node_get_prop (node, ATOMR_VIEW_PROP_TEXT);

      if (text != NULL)
        return g_variant_get_string (text, NULL);
    }
  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    {
      const char *found = find_text (atomr_view_node_get_child (node, i));

      if (found != NULL)
        return found;
    }
  return NULL;
}

const char *
test_scene_find_text (AtomrViewScene *scene)
{
  return scene ? find_text (atomr_view_scene_get_root (scene)) : NULL;
}

static gboolean
has_text (AtomrViewNode *node,
          const char    *text)
{
  if (g_str_equal (atomr_view_node_get_kind (node), ATOMR_VIEW_KIND_TEXT))
    {
      GVariant *value = atomr_view_node_get_prop (node, ATOMR_VIEW_PROP_TEXT);

      if (value != NULL && g_str_equal (g_variant_get_string (value, NULL), text))
        return TRUE;
    }
  for (guint i = 0; i < atomr_view_node_get_n_children (node); i++)
    if (has_text (atomr_view_node_get_child (node, i), text))
      return TRUE;
  return FALSE;
}

gboolean
test_scene_has_text (AtomrViewScene *scene,
                     const char     *text)
{
  return scene != NULL && has_text (atomr_view_scene_get_root (scene), text);
}

void
test_fake_backend_fail_silently (TestFakeBackend *self)
{
  self->fail_silently = TRUE;
}

void
test_fake_backend_refuse_open (TestFakeBackend *self)
{
  self->refuse_open = TRUE;
}

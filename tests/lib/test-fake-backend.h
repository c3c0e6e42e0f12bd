/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view.h>

G_BEGIN_DECLS

/* A backend without widgets: it records what the bridge asks of it, so tests
 * can check what a window would show, and it can be told to be slow or to
 * refuse a kind. UI thread only, like every backend. */
#define TEST_TYPE_FAKE_BACKEND (test_fake_backend_get_type ())
G_DECLARE_FINAL_TYPE (TestFakeBackend, test_fake_backend, TEST, FAKE_BACKEND, GObject)

TestFakeBackend *test_fake_backend_new            (void);
/* "open ID", "close ID", "title ID TITLE", "redraw ID" in the order they came. */
GPtrArray       *test_fake_backend_get_log        (TestFakeBackend *self);
AtomrViewScene  *test_fake_backend_get_shown      (TestFakeBackend *self,
                                                   const char      *window_id);
gboolean         test_fake_backend_is_open        (TestFakeBackend *self,
                                                   const char      *window_id);
guint            test_fake_backend_get_n_renders  (TestFakeBackend *self,
                                                   const char      *window_id);
guint            test_fake_backend_count          (TestFakeBackend *self,
                                                   const char      *line);
/* Each render takes this long, as a slow UI would. */
void             test_fake_backend_set_render_cost (TestFakeBackend *self,
                                                    guint           microseconds);
/* Scenes holding a node of this kind are refused with ATOMR_VIEW_UI_ERROR_UNKNOWN_KIND. */
void             test_fake_backend_refuse_kind    (TestFakeBackend *self,
                                                   const char      *kind);
/* Renders fail without setting an error, as a Python method that raised would. */
void             test_fake_backend_fail_silently  (TestFakeBackend *self);
/* Windows fail to open, with ATOMR_VIEW_UI_ERROR_DISPLAY_LOST, as without a display. */
void             test_fake_backend_refuse_open    (TestFakeBackend *self);
/* The display goes, as when a Broadway daemon dies: windows cannot open until
 * restore_display, and ::display-lost is emitted; restore emits ::display-restored. */
void             test_fake_backend_lose_display    (TestFakeBackend *self);
void             test_fake_backend_restore_display (TestFakeBackend *self);

/* The text prop of the first "text" node found depth first, or NULL. */
const char      *test_scene_find_text             (AtomrViewScene  *scene);
/* Whether any "text" node of the scene shows exactly @text. */
gboolean         test_scene_has_text              (AtomrViewScene  *scene,
                                                   const char      *text);

G_END_DECLS

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view-gtk.h>

#include "test-utils.h"

/* A GTK backend with one open window, "main", driven directly: each test
 * renders scenes written as JSON and reads back what the widgets show. */
typedef struct
{
  AtomrViewGtkBackend *backend;
  AtomrViewScene      *scene;    /* what the window shows */
  GPtrArray           *events;   /* AtomrViewEvent the backend reported */
  gboolean             own_patches;  /* render with patches of ours, as a direct caller may */
} GtkFixture;

static inline void
gtk_fixture_event_cb (AtomrViewBackend *backend,
                      AtomrViewEvent   *event,
                      GtkFixture       *fixture)
{
  /* Frames come whenever GTK paints; the tests look at what the user did. */
  if (!g_str_equal (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_FRAME))
    g_ptr_array_add (fixture->events, atomr_view_event_ref (event));
}

static inline void
gtk_fixture_setup (GtkFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->own_patches = data != NULL;
  fixture->backend = atomr_view_gtk_backend_new ();
  fixture->events = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_event_unref);
  g_signal_connect (fixture->backend, "event", G_CALLBACK (gtk_fixture_event_cb), fixture);
  g_assert_true (atomr_view_backend_open_window (ATOMR_VIEW_BACKEND (fixture->backend), "main", "Test", &error));
  g_assert_no_error (error);
}

static inline void
gtk_fixture_teardown (GtkFixture    *fixture,
                      gconstpointer  data)
{
  atomr_view_backend_close_window (ATOMR_VIEW_BACKEND (fixture->backend), "main");
  g_assert_null (atomr_view_gtk_backend_get_window (fixture->backend, "main"));
  g_assert_finalize_object (fixture->backend);
  g_clear_pointer (&fixture->scene, atomr_view_scene_unref);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
}

#define GTK_TEST(path, func) \
  g_test_add (path, GtkFixture, NULL, gtk_fixture_setup, func, gtk_fixture_teardown)
/* The same, but each scene comes with the caller's own patches to it. */
#define GTK_TEST_OWN_PATCHES(path, func) \
  g_test_add (path, GtkFixture, GINT_TO_POINTER (TRUE), gtk_fixture_setup, func, gtk_fixture_teardown)

static inline AtomrViewScene *
gtk_fixture_parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  AtomrViewScene *scene = atomr_view_scene_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  return scene;
}

/* Shows @scene the way the bridge does (the backend diffs it against what
 * the window shows), or with own_patches as a caller with its own patches. */
static inline gboolean
gtk_fixture_render_scene (GtkFixture      *fixture,
                          AtomrViewScene  *scene,
                          GError         **error)
{
  g_autoptr(GPtrArray) patches = NULL;

  if (!fixture->own_patches)
    {
      if (!atomr_view_backend_render_scene (ATOMR_VIEW_BACKEND (fixture->backend), "main", fixture->scene, scene,
                                            error))
        return FALSE;
    }
  else
    {
      if (fixture->scene != NULL)
        patches = atomr_view_scene_diff (fixture->scene, scene);
      if (!atomr_view_backend_render (ATOMR_VIEW_BACKEND (fixture->backend), "main", fixture->scene, scene, patches,
                                      error))
        return FALSE;
    }
  g_clear_pointer (&fixture->scene, atomr_view_scene_unref);
  fixture->scene = atomr_view_scene_ref (scene);
  return TRUE;
}

static inline void
gtk_fixture_render (GtkFixture *fixture,
                    const char *json)
{
  g_autoptr(AtomrViewScene) scene = gtk_fixture_parse (json);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_fixture_render_scene (fixture, scene, &error));
  g_assert_no_error (error);
}

static inline GtkWindow *
gtk_fixture_window (GtkFixture *fixture)
{
  GtkWindow *window = atomr_view_gtk_backend_get_window (fixture->backend, "main");

  g_assert_nonnull (window);
  return window;
}

/* The widget of the node at a key path written "a/#1/b"; "" is the root. */
static inline GtkWidget *
gtk_fixture_find (GtkFixture *fixture,
                  const char *path)
{
  g_auto(GStrv) elements = *path != '\0' ? g_strsplit (path, "/", -1) : g_new0 (char *, 1);

  return atomr_view_gtk_backend_get_widget (fixture->backend, "main", (const char * const *) elements);
}

static inline GtkWidget *
gtk_fixture_widget (GtkFixture *fixture,
                    const char *path)
{
  GtkWidget *widget = gtk_fixture_find (fixture, path);

  if (widget == NULL)
    g_error ("no widget at “%s”", path);
  return widget;
}

/* Waits until the window is on screen and has painted a frame. */
static inline void
gtk_fixture_wait_painted (GtkFixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (gtk_fixture_window (fixture));
  GdkFrameClock *clock;
  gint64 counter;

  ATOMR_VIEW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (window) && gtk_widget_get_frame_clock (window) != NULL,
                              TEST_DEADLINE_MS);
  clock = gtk_widget_get_frame_clock (window);
  counter = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (window);
  ATOMR_VIEW_TEST_WAIT_UNTIL (gdk_frame_clock_get_frame_counter (clock) > counter, TEST_DEADLINE_MS);
}

static inline void
gtk_fixture_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
}

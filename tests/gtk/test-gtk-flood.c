/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A flood of scenes through the real path: a window actor posts a million
 * scenes while other windows open and close; GTK shows far fewer, ends on
 * the last, applies every window command, keeps memory bounded and keeps
 * running its main loop. */
#include <string.h>

#include "gtk-fixture.h"

#define TEST_TYPE_FLOOD_WINDOW (test_flood_window_get_type ())
G_DECLARE_FINAL_TYPE (TestFloodWindow, test_flood_window, TEST, FLOOD_WINDOW, AtomrViewWindowActor)

struct _TestFloodWindow
{
  AtomrViewWindowActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestFloodWindow, test_flood_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
flood_tree (const char *text)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNodeBuilder) label = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNode) label_node = NULL;
  g_autoptr(AtomrViewNode) button_node = NULL;

  atomr_view_node_builder_set_key (label, "count");
  atomr_view_node_builder_set_string (label, ATOMR_VIEW_PROP_TEXT, text);
  atomr_view_node_builder_set_key (button, "ok");
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_LABEL, "OK");
  label_node = atomr_view_node_builder_build (label, NULL);
  button_node = atomr_view_node_builder_build (button, NULL);
  atomr_view_node_builder_add_child (root, label_node);
  atomr_view_node_builder_add_child (root, button_node);
  return atomr_view_node_builder_build (root, NULL);
}

static AtomrViewNode *
test_flood_window_render (AtomrViewWindowActor *actor)
{
  return flood_tree ("start");
}

/* A uint32 n posts n scenes, one after another, and replies when done. */
static gboolean
test_flood_window_receive_message (AtomrViewWindowActor  *actor,
                                   AtomrViewContext      *context,
                                   GVariant              *message,
                                   GError               **error)
{
  guint n = g_variant_get_uint32 (message);

  for (guint i = 0; i < n; i++)
    {
      char text[16];
      g_autoptr(AtomrViewNode) root = NULL;

      g_snprintf (text, sizeof text, "%u", i);
      root = flood_tree (text);
      atomr_view_window_actor_set_root (actor, root);
    }
  atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
  return TRUE;
}

static void
test_flood_window_class_init (TestFloodWindowClass *klass)
{
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = test_flood_window_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->receive_message = test_flood_window_receive_message;
}

static void
test_flood_window_init (TestFloodWindow *self)
{
}

static guint64
stat (AtomrViewUiBridge *bridge,
      const char        *name)
{
  g_autoptr(GVariant) stats = atomr_view_ui_bridge_dup_stats (bridge);
  g_autoptr(GVariant) value = g_variant_lookup_value (stats, name, NULL);

  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return g_variant_get_uint32 (value);
  return g_variant_get_uint64 (value);
}

static void
flood_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = atomr_view_actor_ref_ask_finish (ATOMR_VIEW_ACTOR_REF (source), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static const char *
shown_text (AtomrViewGtkBackend *backend)
{
  const char *path[] = { "count", NULL };
  GtkWidget *label = atomr_view_gtk_backend_get_widget (backend, "main", path);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static AtomrViewActorRef *
spawn_window (AtomrViewActorSystem *system,
              const char           *name)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_FLOOD_WINDOW);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *window = atomr_view_actor_system_spawn (system, props, name, &error);

  g_assert_no_error (error);
  return window;
}

static void
test_flood (void)
{
  gboolean sanitized = g_getenv ("ATOMR_VIEW_SANITIZED") != NULL;
  /* A sanitizer makes each scene some ten times dearer: a smaller flood says the same there. */
  const guint n_scenes = g_test_slow () || !sanitized ? 1000000 : 20000;
  g_autoptr(AtomrViewActorSystem) system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "flood",
                                                         "default-threads", 2, NULL);
  g_autoptr(AtomrViewGtkBackend) backend = atomr_view_gtk_backend_new ();
  g_autoptr(AtomrViewUiBridge) bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
  g_autoptr(AtomrViewActorRef) window = spawn_window (system, "main");
  g_autofree char *last = g_strdup_printf ("%u", n_scenes - 1);
  g_autoptr(GError) error = NULL;
  AtomrViewTestHeartbeat beat;
  gboolean flooded = FALSE;
  guint64 rss_before, rss_peak = 0, applied;
  guint max_pending = 0;
  gint64 deadline;

  ATOMR_VIEW_TEST_WAIT_UNTIL (g_strcmp0 (shown_text (backend), "start") == 0, TEST_DEADLINE_MS);
  rss_before = atomr_view_test_read_rss_kib ();
  atomr_view_test_heartbeat_start (&beat);

  atomr_view_actor_ref_ask_async (window, g_variant_new_uint32 (n_scenes), 0, NULL, flood_done_cb, &flooded);
  /* Meanwhile other windows open and close: none of those commands may be lost. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("side-%u", i);
      g_autoptr(AtomrViewActorRef) side = spawn_window (system, name);

      ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_gtk_backend_get_window (backend, name) != NULL, TEST_DEADLINE_MS);
      atomr_view_actor_ref_stop (side);
    }

  deadline = g_get_monotonic_time () + (gint64) 4 * TEST_DEADLINE_MS * 1000;
  while (!flooded || g_strcmp0 (shown_text (backend), last) != 0 || stat (bridge, "lifecycle-pending") > 0 ||
         stat (bridge, "windows") > 1)
    {
      g_autoptr(GVariant) stats = NULL;
      guint pending = 0, windows = 0;

      if (g_get_monotonic_time () > deadline)
        g_error ("the flood did not settle: flooded %d, shown “%s”, %" G_GUINT64_FORMAT " window commands waiting, "
                 "%" G_GUINT64_FORMAT " windows, %" G_GUINT64_FORMAT " scenes waiting",
                 flooded, shown_text (backend), stat (bridge, "lifecycle-pending"), stat (bridge, "windows"),
                 stat (bridge, "scenes-pending"));

      atomr_view_test_iterate (deadline);
      /* At most one scene waits per window, whatever the flood. */
      stats = atomr_view_ui_bridge_dup_stats (bridge);
      g_assert_true (g_variant_lookup (stats, "scenes-pending", "u", &pending));
      g_assert_true (g_variant_lookup (stats, "windows", "u", &windows));
      g_assert_cmpuint (pending, <=, windows);
      max_pending = MAX (max_pending, pending);
      rss_peak = MAX (rss_peak, atomr_view_test_read_rss_kib ());
    }
  atomr_view_test_heartbeat_stop (&beat);

  applied = stat (bridge, "scenes-applied");
  g_test_message ("%u scenes posted, %" G_GUINT64_FORMAT " shown, %" G_GUINT64_FORMAT " conflated; "
                  "RSS grew by %" G_GUINT64_FORMAT " KiB at most; longest main loop gap %" G_GINT64_FORMAT " ms",
                  n_scenes, applied, stat (bridge, "scenes-conflated"), rss_peak - rss_before, beat.longest_gap / 1000);
  g_assert_cmpuint (applied, <, n_scenes / 10);
  g_assert_cmpstr (shown_text (backend), ==, last);
  g_assert_cmpuint (max_pending, <=, 11);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("side-%u", i);

      g_assert_null (atomr_view_gtk_backend_get_window (backend, name));
    }
  g_assert_nonnull (atomr_view_gtk_backend_get_window (backend, "main"));
  if (!sanitized)
    g_assert_cmpuint (rss_peak - rss_before, <, 64 * 1024);
  else
    g_test_message ("RSS not checked: a sanitizer's quarantine keeps freed memory resident");
  /* The main loop ran its other sources throughout (the bound is loose on purpose: 2 cores, other tests,
   * and five times looser under a sanitizer). */
  g_assert_cmpint (beat.longest_gap, <, (sanitized ? 5 : 1) * G_USEC_PER_SEC);

  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_fixture_init (&argc, &argv);
  g_test_add_func ("/AtomrViewGtk/Flood/conflates", test_flood);
  return g_test_run ();
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A window actor shown by the GTK backend on a supervised Broadway display,
 * in this process: its daemon is killed, twice, and each time the window
 * comes back on a new display with the state its actor holds, and works. */
#include "config.h"

#include <atomr-view-broadway.h>
#include <atomr-view-gtk.h>

#include "broadway-test-utils.h"

#define TEST_TYPE_COUNTER (test_counter_get_type ())
G_DECLARE_FINAL_TYPE (TestCounter, test_counter, TEST, COUNTER, AtomrViewWindowActor)

struct _TestCounter
{
  AtomrViewWindowActor parent_instance;
  guint                count;
};

G_DEFINE_FINAL_TYPE (TestCounter, test_counter, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
child (const char *kind,
       const char *key,
       const char *prop,
       const char *text)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (kind);

  atomr_view_node_builder_set_key (builder, key);
  atomr_view_node_builder_set_string (builder, prop, text);
  return atomr_view_node_builder_build (builder, NULL);
}

/* A text "label" saying "count N" and a button "more". */
static AtomrViewNode *
test_counter_render (AtomrViewWindowActor *actor)
{
  TestCounter *self = TEST_COUNTER (actor);
  g_autoptr(AtomrViewNodeBuilder) box = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autofree char *text = g_strdup_printf ("count %u", self->count);
  g_autoptr(AtomrViewNode) label = child (ATOMR_VIEW_KIND_TEXT, "label", ATOMR_VIEW_PROP_TEXT, text);
  g_autoptr(AtomrViewNode) button = child (ATOMR_VIEW_KIND_BUTTON, "more", ATOMR_VIEW_PROP_LABEL, "More");

  atomr_view_node_builder_add_child (box, label);
  atomr_view_node_builder_add_child (box, button);
  return atomr_view_node_builder_build (box, NULL);
}

static gboolean
test_counter_handle_event (AtomrViewWindowActor  *actor,
                           AtomrViewContext      *context,
                           AtomrViewEvent        *event,
                           GError               **error)
{
  if (g_strcmp0 (atomr_view_event_get_key (event), "more") != 0)
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (test_counter_parent_class)->handle_event (actor, context, event, error);
  TEST_COUNTER (actor)->count++;
  atomr_view_window_actor_invalidate (actor);
  return TRUE;
}

static void
test_counter_class_init (TestCounterClass *klass)
{
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = test_counter_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->handle_event = test_counter_handle_event;
}

static void
test_counter_init (TestCounter *self)
{
}

static GtkWidget *
widget_at (AtomrViewGtkBackend *backend,
           const char          *key)
{
  const char *path[] = { key, NULL };

  return atomr_view_gtk_backend_get_widget (backend, "main", path);
}

/* The window is on screen (mapped on a display) and its label says @text. */
static gboolean
shows (AtomrViewGtkBackend *backend,
       const char          *text)
{
  GtkWindow *window = atomr_view_gtk_backend_get_window (backend, "main");
  GtkWidget *label = widget_at (backend, "label");

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         label != NULL && GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0;
}

static guint64
bridge_stat (AtomrViewUiBridge *bridge,
      const char        *name)
{
  g_autoptr(GVariant) stats = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  guint64 value = 0;

  g_assert_true (g_variant_lookup (stats, name, "t", &value));
  return value;
}

static void
closed_cb (GdkDisplay *display,
           gboolean    is_error,
           gboolean   *closed)
{
  *closed = TRUE;
}

static void
test_window_comes_back (void)
{
  g_autoptr(AtomrViewBroadwayServer) server = NULL;
  g_autoptr(AtomrViewActorSystem) system = NULL;
  g_autoptr(AtomrViewGtkBackend) backend = NULL;
  g_autoptr(AtomrViewUiBridge) bridge = NULL;
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(AtomrViewActorRef) window = NULL;
  g_autoptr(GError) error = NULL;
  gboolean closed[3] = { FALSE, FALSE, FALSE };
  GPid daemon = 0;

  if (!broadway_test_have_daemon ())
    return;
  server = atomr_view_broadway_server_new ();
  g_assert_true (atomr_view_broadway_server_start (server, &error));
  g_assert_no_error (error);
  atomr_view_broadway_server_export_environment (server);
  g_assert_true (gtk_init_check ());

  system = atomr_view_actor_system_new ("broadway-test", &error);
  g_assert_no_error (error);
  backend = atomr_view_gtk_backend_new ();
  bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
  props = atomr_view_props_new (TEST_TYPE_COUNTER);
  window = atomr_view_actor_system_spawn (system, props, "main", &error);
  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows (backend, "count 0"), TEST_DEADLINE_MS);

  for (guint round = 1; round <= 2; round++)
    {
      g_autofree char *before = g_strdup_printf ("count %u", 2 * round - 1);
      g_autofree char *after = g_strdup_printf ("count %u", 2 * round);
      GdkDisplay *display = gdk_display_get_default ();

      g_signal_emit_by_name (widget_at (backend, "more"), "clicked");
      ATOMR_VIEW_TEST_WAIT_UNTIL (shows (backend, before), TEST_DEADLINE_MS);

      /* Closing disposes of the display, and of its handlers with it. */
      g_signal_connect (display, "closed", G_CALLBACK (closed_cb), &closed[round]);
      daemon = atomr_view_broadway_server_get_daemon_pid (server);
      g_assert_cmpint (kill (daemon, SIGKILL), ==, 0);
      ATOMR_VIEW_TEST_WAIT_UNTIL (closed[round], TEST_DEADLINE_MS);
      ATOMR_VIEW_TEST_WAIT_UNTIL (bridge_stat (bridge, "windows-reopened") == round && shows (backend, before),
                                  TEST_DEADLINE_MS);
      g_assert_cmpuint (bridge_stat (bridge, "display-losses"), ==, round);
      g_assert_cmpuint (atomr_view_broadway_server_get_restarts (server), ==, round);
      g_assert_false (broadway_test_process_exists (daemon));

      /* The new window works like the old one. */
      g_signal_emit_by_name (widget_at (backend, "more"), "clicked");
      ATOMR_VIEW_TEST_WAIT_UNTIL (shows (backend, after), TEST_DEADLINE_MS);
    }

  /* What went through the relay never upset the daemon: it is the one of the last restart. */
  daemon = atomr_view_broadway_server_get_daemon_pid (server);
  g_assert_cmpuint (atomr_view_broadway_server_get_restarts (server), ==, 2);
  g_assert_true (broadway_test_process_exists (daemon));

  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  g_assert_no_error (error);
  g_clear_object (&window);
  g_clear_object (&bridge);
  g_clear_object (&backend);
  gdk_display_close (gdk_display_get_default ());
  atomr_view_broadway_server_stop (server);
  g_assert_false (broadway_test_process_exists (daemon));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = broadway_test_isolate_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/AtomrView/Broadway/Gtk/window-comes-back", test_window_comes_back);

  status = g_test_run ();
  broadway_test_remove_dirs (dirs);
  return status;
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "ui-fixture.h"

static gboolean
window_has_text (UiFixture  *fixture,
                 const char *text)
{
  return test_scene_has_text (test_fake_backend_get_shown (fixture->backend, "main"), text);
}

static AtomrViewActorRef *
window_with_region (UiFixture *fixture)
{
  AtomrViewActorRef *window = spawn_test_window (fixture, "main", NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) ok = atomr_view_actor_ref_ask_sync (window, g_variant_new ("(sv)", "spawn-region",
                                                                                 g_variant_new_boolean (TRUE)),
                                                          TEST_DEADLINE_MS, NULL, &error);

  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "feed 0"), TEST_DEADLINE_MS);
  return window;
}

/* The region's subtree shows inside the window's region node, and follows the region's state. */
static void
test_region_subtree_shows (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = window_with_region (fixture);
  g_autoptr(AtomrViewActorRef) region = NULL;
  g_autoptr(GError) error = NULL;
  AtomrViewNode *root, *feed;

  root = atomr_view_scene_get_root (test_fake_backend_get_shown (fixture->backend, "main"));
  feed = atomr_view_node_get_child (root, 2);
  g_assert_cmpstr (atomr_view_node_get_kind (feed), ==, ATOMR_VIEW_KIND_REGION);
  g_assert_cmpstr (atomr_view_node_get_key (feed), ==, "feed");
  g_assert_cmpuint (atomr_view_node_get_n_children (feed), ==, 1);
  g_assert_cmpstr (atomr_view_node_get_key (atomr_view_node_get_child (feed, 0)), ==, "feed-root");

  region = atomr_view_actor_system_resolve (fixture->system, "/user/main/feed", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    atomr_view_actor_ref_tell (region, g_variant_new_string ("tick"), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "feed 3"), TEST_DEADLINE_MS);
  g_assert_true (window_has_text (fixture, "hello"));
}

/* Events inside the region go to the region, with a path from its subtree; others to the window. */
static void
test_events_route_by_path (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = window_with_region (fixture);
  const char *inside[] = { "feed", "feed-root", "more", NULL };
  const char *outside[] = { "ok", NULL };
  g_autofree char *region_line = NULL;
  g_autofree char *window_line = NULL;

  emit_event (fixture, "main", inside, ATOMR_VIEW_SIGNAL_CLICKED, NULL);
  region_line = expect_event_line (fixture, "region-event");
  g_assert_cmpstr (region_line, ==, "more clicked -");

  emit_event (fixture, "main", outside, ATOMR_VIEW_SIGNAL_CLICKED, NULL);
  window_line = expect_event_line (fixture, "event");
  g_assert_cmpstr (window_line, ==, "ok clicked -");
}

/* A region that dies leaves a placeholder; the window keeps working. */
static void
test_dead_region_placeholder (UiFixture     *fixture,
                              gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = window_with_region (fixture);
  const char *boom[] = { "feed", "feed-root", "boom", NULL };
  const char *outside[] = { "ok", NULL };
  g_autofree char *line = NULL;
  g_autofree char *after = NULL;

  emit_event (fixture, "main", boom, ATOMR_VIEW_SIGNAL_CLICKED, NULL);
  line = expect_event_line (fixture, "region-event");
  g_assert_cmpstr (line, ==, "boom clicked -");
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "This part of the window stopped working."), TEST_DEADLINE_MS);
  g_assert_false (window_has_text (fixture, "feed 0"));

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("still here")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "still here"), TEST_DEADLINE_MS);
  g_assert_true (window_has_text (fixture, "This part of the window stopped working."));
  emit_event (fixture, "main", outside, ATOMR_VIEW_SIGNAL_CLICKED, NULL);
  after = expect_event_line (fixture, "event");
  g_assert_cmpstr (after, ==, "ok clicked -");
  g_assert_true (test_fake_backend_is_open (fixture->backend, "main"));
}

/* A window actor that fails is restarted by /user and keeps its window open. */
static void
test_window_restart_keeps_window (UiFixture     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("before")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "before"), TEST_DEADLINE_MS);
  /* An operation the test window does not know is a programming error there; use a bad
   * region request instead: spawning a region for a key twice fails the actor. */
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "spawn-region", g_variant_new_boolean (TRUE)), NULL);
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "spawn-region", g_variant_new_boolean (TRUE)), NULL);
  /* The new instance renders its first scene again in the same window. */
  ATOMR_VIEW_TEST_WAIT_UNTIL (window_has_text (fixture, "hello"), TEST_DEADLINE_MS);
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "open main"), ==, 1);
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "close main"), ==, 0);
  g_assert_false (atomr_view_actor_ref_is_terminated (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  UI_TEST ("/AtomrView/Ui/Window/region-subtree", test_region_subtree_shows);
  UI_TEST ("/AtomrView/Ui/Window/event-routing", test_events_route_by_path);
  UI_TEST ("/AtomrView/Ui/Window/dead-region-placeholder", test_dead_region_placeholder);
  UI_TEST ("/AtomrView/Ui/Window/restart-keeps-window", test_window_restart_keeps_window);

  return g_test_run ();
}

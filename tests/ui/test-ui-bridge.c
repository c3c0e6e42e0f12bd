/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdatomic.h>

#include "ui-fixture.h"

#include "atomr-view-dispatcher-private.h"

static gboolean
shows_text (UiFixture  *fixture,
            const char *window_id,
            const char *text)
{
  return g_strcmp0 (test_scene_find_text (test_fake_backend_get_shown (fixture->backend, window_id)), text) == 0;
}

/* What the newest scene posted to the window shows, shown or not. */
static gboolean
posted_text_is (UiFixture  *fixture,
                const char *window_id,
                const char *text)
{
  g_autoptr(AtomrViewScene) scene = atomr_view_ui_bridge_dup_scene (fixture->bridge, window_id);

  return scene != NULL && g_strcmp0 (test_scene_find_text (scene), text) == 0;
}

static guint64
stat (AtomrViewUiBridge *bridge,
      const char        *name)
{
  g_autoptr(GVariant) stats = g_variant_ref_sink (atomr_view_ui_bridge_dup_stats (bridge));
  g_autoptr(GVariant) value = g_variant_lookup_value (stats, name, NULL);

  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return g_variant_get_uint32 (value);
  return g_variant_get_uint64 (value);
}

static void
test_window_opens_and_renders (UiFixture     *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  g_assert_true (test_fake_backend_is_open (fixture->backend, "main"));
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "open main"), ==, 1);

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("changed")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "changed"), TEST_DEADLINE_MS);
}

static void
flood_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GVariant) reply = atomr_view_actor_ref_ask_finish (ATOMR_VIEW_ACTOR_REF (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* The test window "main", on @dispatcher. */
static AtomrViewActorRef *
spawn_main_on (UiFixture  *fixture,
               const char *dispatcher)
{
  g_autoptr(AtomrViewProps) props = test_window_props (fixture, NULL, FALSE);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *window;

  atomr_view_props_set_dispatcher (props, dispatcher);
  window = atomr_view_actor_system_spawn (fixture->system, props, "main", &error);
  g_assert_no_error (error);
  return window;
}

/* A window actor on the `ui` dispatcher runs on the UI thread: what it
 * posts is shown as soon as its run ends, in the same main-loop turn, not
 * one turn later (the select of the GTK benchmark is a frame and a few
 * turns). */
static void
test_ui_dispatcher_shown_same_turn (UiFixture     *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_main_on (fixture, "ui");
  gboolean spaced = FALSE;
  guint turns = 0;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  /* Past the bridge's spacing between two scenes of a window, which would
   * rightly hold the next one back. */
  g_timeout_add (20, atomr_view_test_set_flag, &spaced);
  ATOMR_VIEW_TEST_WAIT_UNTIL (spaced, TEST_DEADLINE_MS);

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("now")), NULL);
  while (!posted_text_is (fixture, "main", "now"))
    {
      g_assert_cmpuint (++turns, <, 1000);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (shows_text (fixture, "main", "now"));
}

/* Turns tracing on and waits until the window shows its first traced scene. */
static void
start_tracing (UiFixture         *fixture,
               AtomrViewActorRef *window)
{
  guint64 applied = stat (fixture->bridge, "scenes-applied");

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "trace", g_variant_new_boolean (TRUE)), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_made () == 1 &&
                              stat (fixture->bridge, "scenes-applied") == applied + 1, TEST_DEADLINE_MS);
}

static void
show_text (UiFixture         *fixture,
           AtomrViewActorRef *window,
           const char        *text)
{
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text", g_variant_new_string (text)), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", text), TEST_DEADLINE_MS);
}

/* A scene the window no longer shows is freed on the thread of the window
 * actor that made it, not on the UI thread. */
static void
test_scene_freed_where_made (UiFixture     *fixture,
                             gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  GThread *maker;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  start_tracing (fixture, window);
  show_text (fixture, window, "one");
  show_text (fixture, window, "two");
  maker = test_window_get_traced_maker ();
  g_assert_true (maker != g_thread_self ());
  /* Three traced scenes made; all but the one shown are let go. */
  g_assert_cmpuint (test_window_count_traced_made (), ==, 3);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_frees (NULL) == 2, TEST_DEADLINE_MS);
  g_assert_cmpuint (test_window_count_traced_frees (maker), ==, 2);
}

/* A scene posted while the actor's thread had another context pushed still
 * goes home to that thread, whose own context runs: the one it replaced is
 * freed with no further post. */
static void
test_scene_posted_with_context_pushed_freed (UiFixture     *fixture,
                                             gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  start_tracing (fixture, window);
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text-pushed", g_variant_new_string ("pushed")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "pushed"), TEST_DEADLINE_MS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_frees (NULL) == 1, TEST_DEADLINE_MS);
  g_assert_cmpuint (test_window_count_traced_frees (test_window_get_traced_maker ()), ==, 1);
}

/* The same from a window actor on the `ui` dispatcher: it made them on the UI thread. */
static void
test_ui_scene_freed_on_ui_thread (UiFixture     *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_main_on (fixture, "ui");

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  start_tracing (fixture, window);
  show_text (fixture, window, "one");
  g_assert_true (test_window_get_traced_maker () == g_thread_self ());
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_frees (NULL) == 1, TEST_DEADLINE_MS);
  g_assert_cmpuint (test_window_count_traced_frees (g_thread_self ()), ==, 1);
}

/* A thread that never runs out of work frees nothing at idle: at most 16
 * scenes wait for it, and the UI thread frees those past that. */
static void
test_scenes_waiting_to_be_freed_bounded (UiFixture     *fixture,
                                         gconstpointer  data)
{
  g_autoptr(AtomrViewProps) script = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) window = NULL;
  g_autoptr(AtomrViewActorRef) ping = NULL;
  g_autoptr(AtomrViewActorRef) pong = NULL;
  g_autoptr(GError) error = NULL;
  GThread *maker;

  g_assert_true (atomr_view_actor_system_add_dispatcher (fixture->system, "one", 1, 5, &error));
  g_assert_no_error (error);
  atomr_view_props_set_dispatcher (script, "one");
  window = spawn_main_on (fixture, "one");
  ping = atomr_view_actor_system_spawn (fixture->system, script, "ping", &error);
  g_assert_no_error (error);
  pong = atomr_view_actor_system_spawn (fixture->system, script, "pong", &error);
  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  start_tracing (fixture, window);
  maker = test_window_get_traced_maker ();

  /* Two actors bouncing a message between them keep the thread busy. */
  atomr_view_actor_ref_tell (ping, test_op ("bounce", NULL), pong);
  for (guint i = 0; i < 30; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", i);
      show_text (fixture, window, text);
    }
  /* 31 traced scenes, 30 let go: at most 16 wait for the busy thread (an
   * untraced one let go before may be among them), the UI thread freed the
   * rest, and the busy thread none. */
  g_assert_cmpuint (test_window_count_traced_made (), ==, 31);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_frees (g_thread_self ()) >= 14, TEST_DEADLINE_MS);
  g_assert_cmpuint (test_window_count_traced_frees (maker), ==, 0);

  /* Idle again, the thread frees those that waited. */
  atomr_view_actor_ref_tell (ping, test_op ("stop", NULL), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_count_traced_frees (NULL) == 30, TEST_DEADLINE_MS);
  g_assert_cmpuint (test_window_count_traced_frees (maker), >=, 1);
  g_assert_cmpuint (test_window_count_traced_frees (maker), <=, 16);
}

/* A million scenes from one actor: the UI shows far fewer, ends on the last,
 * applies every window command, keeps memory bounded and stays responsive. */
/* The UI thread's poll, watched: whether it blocks there, and when it
 * first came back after the actor was let go. */
static _Atomic int    ui_polling;
static _Atomic int    actor_let_go;
static _Atomic gint64 ui_woken_us;

static gint
watched_poll (GPollFD *fds,
              guint    n_fds,
              gint     timeout)
{
  gint ready;

  atomic_store (&ui_polling, 1);
  ready = g_poll (fds, n_fds, timeout);
  atomic_store (&ui_polling, 0);
  if (atomic_load (&actor_let_go) && atomic_load (&ui_woken_us) == 0)
    atomic_store (&ui_woken_us, g_get_monotonic_time ());
  return ready;
}

static gpointer
let_go_when_ui_sleeps (gpointer data)
{
  TestGate *gate = data;
  gint64 deadline = g_get_monotonic_time () + TEST_DEADLINE_MS * 1000;

  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  while (!atomic_load (&ui_polling))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
  atomic_store (&actor_let_go, 1);
  test_gate_open (gate);
  return NULL;
}

static gboolean
never_woken_cb (gpointer data)
{
  g_error ("the UI thread was not woken for a scene posted by an actor");
  return G_SOURCE_REMOVE;
}

/* An actor on a thread of its own that posts a scene wakes the UI thread
 * once its turn has ended, not in the middle of it, and the wake-up is not
 * lost: the UI thread blocks in its main loop with nothing else to wake it.
 * Then the actor's thread goes to sleep and counts no more among the
 * wakers the UI thread lets finish first (else it would yield the CPU at
 * every scene, for good). */
static void
test_ui_woken_after_turn (UiFixture     *fixture,
                          gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", gate, FALSE);
  GThread *letting_go;
  guint watchdog;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  /* One turn: waits in the gate, posts, then goes on for 20 ms. */
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "block", g_variant_new_boolean (TRUE)), NULL);
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "set-text-then-work", g_variant_new_string ("after")),
                             NULL);
  g_main_context_set_poll_func (NULL, watched_poll);
  letting_go = g_thread_new ("let-go", let_go_when_ui_sleeps, gate);
  watchdog = g_timeout_add (TEST_DEADLINE_MS, never_woken_cb, NULL);
  while (!shows_text (fixture, "main", "after"))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);
  g_thread_join (letting_go);
  g_main_context_set_poll_func (NULL, NULL);

  ATOMR_VIEW_TEST_WAIT_UNTIL (test_window_get_turn_ended_us () != 0, TEST_DEADLINE_MS);
  g_assert_cmpint (atomic_load (&ui_woken_us), >=, test_window_get_turn_ended_us ());
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_dispatcher_count_awake_wakers () == 0, TEST_DEADLINE_MS);
}

static void
test_flood_conflates (UiFixture     *fixture,
                      gconstpointer  data)
{
  const guint n_scenes = g_test_slow () || !g_getenv ("ATOMR_VIEW_SANITIZED") ? 1000000 : 100000;
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  g_autofree char *last = g_strdup_printf ("%u", n_scenes - 1);
  AtomrViewTestHeartbeat beat;
  gboolean flooded = FALSE;
  guint64 rss_before, rss_peak = 0;
  guint max_pending = 0;
  guint64 applied;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  /* A UI thread that takes 2 ms per frame of work. */
  test_fake_backend_set_render_cost (fixture->backend, 2000);
  rss_before = atomr_view_test_read_rss_kib ();
  atomr_view_test_heartbeat_start (&beat);

  atomr_view_actor_ref_ask_async (window, g_variant_new ("(sv)", "flood", g_variant_new_uint32 (n_scenes)), 0, NULL,
                                  flood_done_cb, &flooded);
  /* Meanwhile other windows open and close: none of those commands may be lost. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("side-%u", i);
      g_autoptr(AtomrViewActorRef) side = spawn_test_window (fixture, name, NULL, FALSE);

      atomr_view_actor_ref_stop (side);
    }

  while (!flooded || !shows_text (fixture, "main", last) || stat (fixture->bridge, "lifecycle-pending") > 0 ||
         test_fake_backend_count (fixture->backend, "close side-19") == 0)
    {
      g_autoptr(GVariant) stats = NULL;

      atomr_view_test_iterate (g_get_monotonic_time () + (gint64) TEST_DEADLINE_MS * 1000);
      /* At most one scene waits per window, whatever the flood. */
      g_assert_cmpuint (stat (fixture->bridge, "scenes-pending"), <=, stat (fixture->bridge, "windows"));
      max_pending = MAX (max_pending, (guint) stat (fixture->bridge, "scenes-pending"));
      rss_peak = MAX (rss_peak, atomr_view_test_read_rss_kib ());
    }
  atomr_view_test_heartbeat_stop (&beat);

  applied = stat (fixture->bridge, "scenes-applied");
  g_test_message ("%u scenes posted, %" G_GUINT64_FORMAT " shown, %" G_GUINT64_FORMAT " conflated; "
                  "RSS grew by %" G_GUINT64_FORMAT " KiB at most; longest UI gap %" G_GINT64_FORMAT " ms",
                  n_scenes, applied, stat (fixture->bridge, "scenes-conflated"), rss_peak - rss_before,
                  beat.longest_gap / 1000);
  g_assert_cmpuint (applied, <, n_scenes / 10);
  g_assert_cmpuint (stat (fixture->bridge, "scenes-conflated"), >, n_scenes / 2);
  g_assert_true (shows_text (fixture, "main", last));
  /* Memory does not grow with the flood. */
  g_assert_cmpuint (max_pending, <=, 21);
  if (g_getenv ("ATOMR_VIEW_SANITIZED") == NULL)
    g_assert_cmpuint (rss_peak - rss_before, <, 64 * 1024);
  else
    g_test_message ("RSS not checked: a sanitizer's quarantine keeps freed memory resident");
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *open = g_strdup_printf ("open side-%u", i);
      g_autofree char *close = g_strdup_printf ("close side-%u", i);

      g_assert_cmpuint (test_fake_backend_count (fixture->backend, open), ==, 1);
      g_assert_cmpuint (test_fake_backend_count (fixture->backend, close), ==, 1);
    }
  /* The UI thread was never stuck: it ran its other sources throughout (the bound is loose on purpose,
   * and five times looser under a sanitizer). */
  g_assert_cmpint (beat.longest_gap, <, (g_getenv ("ATOMR_VIEW_SANITIZED") != NULL ? 5 : 1) * G_USEC_PER_SEC);
}

static void
test_redraws_dedupe (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);

  ATOMR_VIEW_TEST_WAIT_UNTIL (test_fake_backend_is_open (fixture->backend, "main"), TEST_DEADLINE_MS);
  for (guint i = 0; i < 100; i++)
    atomr_view_ui_bridge_request_redraw (fixture->bridge, "main");
  atomr_view_ui_bridge_flush (fixture->bridge);
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "redraw main"), ==, 1);
  g_assert_cmpuint (stat (fixture->bridge, "redraws-deduped"), ==, 99);
}

/* Input reaches the window actor, in order, even past a full mailbox. */
static void
test_events_never_dropped (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewProps) props = test_window_props (fixture, gate, FALSE);
  g_autoptr(AtomrViewActorRef) window = NULL;
  g_autoptr(GError) error = NULL;
  const char *path[] = { "ok", NULL };

  atomr_view_props_set_mailbox (props, 4, ATOMR_VIEW_OVERFLOW_FAIL);
  window = atomr_view_actor_system_spawn (fixture->system, props, "main", &error);
  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL (test_fake_backend_is_open (fixture->backend, "main"), TEST_DEADLINE_MS);

  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "block", g_variant_new_boolean (TRUE)), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  for (guint i = 0; i < 50; i++)
    emit_event (fixture, "main", path, ATOMR_VIEW_SIGNAL_CLICKED, g_variant_new_uint32 (i));
  g_assert_cmpuint (stat (fixture->bridge, "events-parked"), >, 0);

  test_gate_open (gate);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *line = expect_event_line (fixture, "event");
      g_autofree char *expected = g_strdup_printf ("ok clicked %u", i);

      g_assert_cmpstr (line, ==, expected);
    }
  g_assert_cmpuint (stat (fixture->bridge, "events-lost"), ==, 0);
  g_assert_cmpuint (stat (fixture->bridge, "events-parked"), ==, 0);
}

static void
test_frames_conflate (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", gate, FALSE);
  const char *none[] = { NULL };
  guint frames = 0;

  ATOMR_VIEW_TEST_WAIT_UNTIL (test_fake_backend_is_open (fixture->backend, "main"), TEST_DEADLINE_MS);
  atomr_view_ui_bridge_set_wants_frames (fixture->bridge, "main", TRUE);
  atomr_view_actor_ref_tell (window, g_variant_new ("(sv)", "block", g_variant_new_boolean (TRUE)), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  for (gint64 t = 1; t <= 100; t++)
    emit_event (fixture, "main", none, ATOMR_VIEW_SIGNAL_FRAME, g_variant_new_int64 (t));
  test_gate_open (gate);

  /* The first tick went out at once; of the 99 that came while it was handled, only the newest follows. */
  {
    g_autofree char *first = expect_event_line (fixture, "event");
    g_autofree char *newest = expect_event_line (fixture, "event");

    g_assert_cmpstr (first, ==, " frame 1");
    g_assert_cmpstr (newest, ==, " frame 100");
    frames = 2;
  }
  atomr_view_test_probe_expect_nothing (fixture->probe, 50);
  g_assert_cmpuint (frames, ==, 2);
  g_assert_cmpuint (stat (fixture->bridge, "frames-conflated"), ==, 98);
}

static void
test_bad_patch_reports (UiFixture     *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING, "Window “main” keeps its last good scene: *");
  reply = atomr_view_actor_ref_ask_sync (window, g_variant_new ("(sv)", "bad-patch", g_variant_new_boolean (TRUE)),
                                         TEST_DEADLINE_MS, NULL, &error);
  g_assert_no_error (error);
  line = expect_event_line (fixture, "event");
  g_test_assert_expected_messages ();

  g_assert_true (g_str_has_prefix (line, " error ('atomr-view-scene-error-quark', "));
  g_assert_nonnull (strstr (line, g_variant_get_string (reply, NULL)));
  /* Nothing was posted; the window shows what it showed. */
  atomr_view_ui_bridge_flush (fixture->bridge);
  g_assert_true (shows_text (fixture, "main", "hello"));
}

static void
test_render_error_keeps_scene (UiFixture     *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("bogus");
  g_autoptr(AtomrViewNode) bogus = atomr_view_node_builder_build (builder, NULL);
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new (bogus);
  g_autofree char *line = NULL;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  test_fake_backend_refuse_kind (fixture->backend, "bogus");
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING, "Window “main” keeps its last good scene: The kind “bogus” is not known here");
  atomr_view_ui_bridge_post_scene (fixture->bridge, "main", scene);
  line = expect_event_line (fixture, "event");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (line, ==, " error ('atomr-view-ui-error-quark', 4, 'The kind “bogus” is not known here')");
  g_assert_true (shows_text (fixture, "main", "hello"));
  g_assert_cmpuint (stat (fixture->bridge, "render-errors"), ==, 1);
}

/* A backend that fails without an error (a Python method that raised) is
 * reported like one that says why. */
static void
test_render_failure_without_error (UiFixture     *fixture,
                                   gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new ("text");
  g_autoptr(AtomrViewNode) node = NULL;
  g_autoptr(AtomrViewScene) scene = NULL;
  g_autofree char *line = NULL;

  atomr_view_node_builder_set_string (builder, "text", "not shown");
  node = atomr_view_node_builder_build (builder, NULL);
  scene = atomr_view_scene_new (node);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  test_fake_backend_fail_silently (fixture->backend);
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING,
                         "TestFakeBackend's render() returned FALSE without setting an error");
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING,
                         "Window “main” keeps its last good scene: "
                         "The backend could not show the scene of the window “main” and did not say why");
  atomr_view_ui_bridge_post_scene (fixture->bridge, "main", scene);
  line = expect_event_line (fixture, "event");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (line, ==, " error ('atomr-view-ui-error-quark', 0, "
                             "'The backend could not show the scene of the window “main” and did not say why')");
  g_assert_true (shows_text (fixture, "main", "hello"));
  g_assert_cmpuint (stat (fixture->bridge, "render-errors"), ==, 1);
}

static void
test_close_request_closes (UiFixture     *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = spawn_test_window (fixture, "main", NULL, FALSE);
  const char *none[] = { NULL };

  ATOMR_VIEW_TEST_WAIT_UNTIL (test_fake_backend_is_open (fixture->backend, "main"), TEST_DEADLINE_MS);
  emit_event (fixture, "main", none, ATOMR_VIEW_SIGNAL_CLOSE_REQUEST, NULL);
  {
    g_autofree char *line = expect_event_line (fixture, "event");

    g_assert_cmpstr (line, ==, " close-request -");
  }
  ATOMR_VIEW_TEST_WAIT_UNTIL (!test_fake_backend_is_open (fixture->backend, "main"), TEST_DEADLINE_MS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (window), TEST_DEADLINE_MS);
  /* With every window closed, run() returns and shuts the system down. */
  g_assert_cmpint (atomr_view_ui_bridge_run (fixture->bridge), ==, 0);
  g_assert_true (atomr_view_actor_system_is_terminated (fixture->system));
}

/* A window that cannot open tells its actor why, and run() does not wait for it. */
static void
test_open_failure (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) window = NULL;
  g_autofree char *line = NULL;

  test_fake_backend_refuse_open (fixture->backend);
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING, "Window “main” could not open: There is no display here");
  window = spawn_test_window (fixture, "main", NULL, FALSE);
  line = expect_event_line (fixture, "event");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (line, ==, " error ('atomr-view-ui-error-quark', 8, 'There is no display here')");
  g_assert_false (test_fake_backend_is_open (fixture->backend, "main"));
  g_assert_cmpint (atomr_view_ui_bridge_run (fixture->bridge), ==, 0);
  g_assert_true (atomr_view_actor_system_is_terminated (fixture->system));
}

/* The display goes and comes back (a Broadway daemon restarted): every window
 * opens again showing the newest scene its actor posted, also scenes posted
 * and windows opened while there was no display; the actors are asked for nothing. */
static void
test_display_lost_and_restored (UiFixture     *fixture,
                                gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) main_window = spawn_test_window (fixture, "main", NULL, FALSE);
  g_autoptr(AtomrViewActorRef) late_window = NULL;
  guint renders;

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "hello"), TEST_DEADLINE_MS);
  atomr_view_actor_ref_tell (main_window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("before")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "before"), TEST_DEADLINE_MS);

  test_fake_backend_lose_display (fixture->backend);
  g_assert_false (test_fake_backend_is_open (fixture->backend, "main"));
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "close main"), ==, 1);
  g_assert_cmpuint (stat (fixture->bridge, "display-losses"), ==, 1);

  /* Scenes keep coming, windows keep opening; nothing reaches the backend. */
  renders = test_fake_backend_get_n_renders (fixture->backend, "main");
  atomr_view_actor_ref_tell (main_window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("during")), NULL);
  late_window = spawn_test_window (fixture, "late", NULL, FALSE);
  ATOMR_VIEW_TEST_WAIT_UNTIL (posted_text_is (fixture, "main", "during") && posted_text_is (fixture, "late", "hello") &&
                              stat (fixture->bridge, "lifecycle-pending") == 0,
                              TEST_DEADLINE_MS);
  atomr_view_ui_bridge_flush (fixture->bridge);
  g_assert_cmpuint (test_fake_backend_get_n_renders (fixture->backend, "main"), ==, renders);
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "open main"), ==, 1);
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "open late"), ==, 0);

  test_fake_backend_restore_display (fixture->backend);
  g_assert_true (test_fake_backend_is_open (fixture->backend, "main"));
  g_assert_true (test_fake_backend_is_open (fixture->backend, "late"));
  g_assert_cmpuint (test_fake_backend_count (fixture->backend, "open main"), ==, 2);
  g_assert_true (shows_text (fixture, "main", "during"));
  g_assert_true (shows_text (fixture, "late", "hello"));
  g_assert_cmpuint (stat (fixture->bridge, "windows-reopened"), ==, 2);

  /* And the windows work as before. */
  atomr_view_actor_ref_tell (main_window, g_variant_new ("(sv)", "set-text", g_variant_new_string ("after")), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_text (fixture, "main", "after"), TEST_DEADLINE_MS);
}

/* Spawns a plain window actor as its child in pre_start. */
#define TEST_TYPE_PARENT (test_parent_get_type ())
G_DECLARE_FINAL_TYPE (TestParent, test_parent, TEST, PARENT, AtomrViewActor)
struct _TestParent { AtomrViewActor parent_instance; };
G_DEFINE_FINAL_TYPE (TestParent, test_parent, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_parent_pre_start (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GError           **error)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (ATOMR_VIEW_TYPE_WINDOW_ACTOR);
  g_autoptr(AtomrViewActorRef) window = atomr_view_context_spawn (context, props, "lonely", error);

  return window != NULL;
}

static void
test_parent_class_init (TestParentClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = test_parent_pre_start;
}

static void
test_parent_init (TestParent *self)
{
}

static AtomrViewDirective
report_failure (const GError *error,
                gpointer      user_data)
{
  atomr_view_actor_ref_tell (user_data, g_variant_new ("(sus)", g_quark_to_string (error->domain), error->code,
                                                       error->message), NULL);
  return ATOMR_VIEW_DIRECTIVE_STOP;
}

/* A window actor in a system without a bridge fails with a clear error. */
static void
test_no_bridge (void)
{
  g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("bridgeless", NULL);
  g_autoptr(AtomrViewTestProbe) probe = atomr_view_test_probe_new (system, "probe");
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_PARENT);
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  g_autoptr(AtomrViewActorRef) parent = NULL;
  g_autoptr(GVariant) failure = NULL;
  g_autoptr(GError) error = NULL;
  const char *domain, *message;
  guint code;

  atomr_view_supervisor_strategy_set_decider (strategy, report_failure, g_object_ref (probe->ref), g_object_unref);
  atomr_view_props_set_supervisor_strategy (props, strategy);
  parent = atomr_view_actor_system_spawn (system, props, "parent", &error);
  g_assert_no_error (error);

  failure = atomr_view_test_probe_expect (probe, TEST_DEADLINE_MS);
  g_variant_get (failure, "(&su&s)", &domain, &code, &message);
  g_assert_cmpstr (domain, ==, "atomr-view-ui-error-quark");
  g_assert_cmpuint (code, ==, ATOMR_VIEW_UI_ERROR_NO_BRIDGE);
  g_assert_cmpstr (message, ==, "The window actor /user/parent/lonely has no UI bridge: make one with "
                                "atomr_view_ui_bridge_new() before spawning windows");
  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  UI_TEST ("/AtomrView/Ui/Bridge/open-and-render", test_window_opens_and_renders);
  UI_TEST ("/AtomrView/Ui/Bridge/ui-dispatcher-shown-same-turn", test_ui_dispatcher_shown_same_turn);
  UI_TEST ("/AtomrView/Ui/Bridge/flood-conflates", test_flood_conflates);
  UI_TEST ("/AtomrView/Ui/Bridge/redraws-dedupe", test_redraws_dedupe);
  UI_TEST ("/AtomrView/Ui/Bridge/events-never-dropped", test_events_never_dropped);
  UI_TEST ("/AtomrView/Ui/Bridge/frames-conflate", test_frames_conflate);
  UI_TEST ("/AtomrView/Ui/Bridge/bad-patch", test_bad_patch_reports);
  UI_TEST ("/AtomrView/Ui/Bridge/render-error", test_render_error_keeps_scene);
  UI_TEST ("/AtomrView/Ui/Bridge/render-failure-without-error", test_render_failure_without_error);
  UI_TEST ("/AtomrView/Ui/Bridge/close-request", test_close_request_closes);
  UI_TEST ("/AtomrView/Ui/Bridge/open-failure", test_open_failure);
  UI_TEST ("/AtomrView/Ui/Bridge/display-lost-and-restored", test_display_lost_and_restored);
  UI_TEST ("/AtomrView/Ui/Bridge/scene-freed-where-made", test_scene_freed_where_made);
  UI_TEST ("/AtomrView/Ui/Bridge/scene-posted-with-context-pushed-freed", test_scene_posted_with_context_pushed_freed);
  UI_TEST ("/AtomrView/Ui/Bridge/ui-scene-freed-on-ui-thread", test_ui_scene_freed_on_ui_thread);
  UI_TEST ("/AtomrView/Ui/Bridge/scenes-waiting-to-be-freed-bounded", test_scenes_waiting_to_be_freed_bounded);
  UI_TEST ("/AtomrView/Ui/Bridge/ui-woken-after-turn", test_ui_woken_after_turn);
  g_test_add_func ("/AtomrView/Ui/Bridge/no-bridge", test_no_bridge);

  return g_test_run ();
}

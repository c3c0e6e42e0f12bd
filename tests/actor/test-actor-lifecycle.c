/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "actor-fixture.h"

#include <unistd.h>

#include "atomr-view-actor-system-private.h"
#include "atomr-view-dispatcher-private.h"

static void
test_watch_exactly_once (ActorFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) watcher = spawn_script (fixture, "watcher", NULL);
  g_autoptr(AtomrViewActorRef) target = spawn_script (fixture, "target", NULL);
  g_autoptr(GVariant) first = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (target)));
  g_autoptr(GVariant) second = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (target)));

  atomr_view_actor_ref_stop (target);
  wait_for_line (fixture, "terminated /user/target");
  collect_lines (fixture, 100);
  g_assert_cmpuint (count_lines (fixture, "terminated /user/target"), ==, 1);
  g_assert_cmpint (line_index (fixture, "post-stop /user/target"), <,
                   line_index (fixture, "terminated /user/target"));
}

/* An actor that watches whatever reference is stored in it, when told "go". */
#define TEST_TYPE_REF_WATCHER (test_ref_watcher_get_type ())
G_DECLARE_FINAL_TYPE (TestRefWatcher, test_ref_watcher, TEST, REF_WATCHER, AtomrViewActor)

struct _TestRefWatcher
{
  AtomrViewActor     parent_instance;
  AtomrViewActorRef *target;
  AtomrViewActorRef *probe;
};

G_DEFINE_FINAL_TYPE (TestRefWatcher, test_ref_watcher, ATOMR_VIEW_TYPE_ACTOR)

typedef struct
{
  AtomrViewActorRef *target;
  AtomrViewActorRef *probe;
} RefWatcherConfig;

static gboolean
test_ref_watcher_receive (AtomrViewActor    *actor,
                          AtomrViewContext  *context,
                          GVariant          *message,
                          GError           **error)
{
  TestRefWatcher *self = TEST_REF_WATCHER (actor);

  atomr_view_context_watch (context, self->target);
  atomr_view_context_watch (context, self->target);
  atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
  return TRUE;
}

static void
test_ref_watcher_terminated (AtomrViewActor    *actor,
                             AtomrViewContext  *context,
                             AtomrViewActorRef *who)
{
  TestRefWatcher *self = TEST_REF_WATCHER (actor);

  atomr_view_actor_ref_tell (self->probe, g_variant_new ("(sv)", "terminated",
                                                         g_variant_new_string (atomr_view_actor_ref_get_path (who))),
                             NULL);
}

static void
test_ref_watcher_finalize (GObject *object)
{
  TestRefWatcher *self = TEST_REF_WATCHER (object);

  g_clear_object (&self->target);
  g_clear_object (&self->probe);
  G_OBJECT_CLASS (test_ref_watcher_parent_class)->finalize (object);
}

static void
test_ref_watcher_class_init (TestRefWatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_ref_watcher_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_ref_watcher_receive;
  ATOMR_VIEW_ACTOR_CLASS (klass)->terminated = test_ref_watcher_terminated;
}

static void
test_ref_watcher_init (TestRefWatcher *self)
{
}

static AtomrViewActor *
make_ref_watcher (gpointer user_data)
{
  RefWatcherConfig *config = user_data;
  TestRefWatcher *self = g_object_new (TEST_TYPE_REF_WATCHER, NULL);

  self->target = g_object_ref (config->target);
  self->probe = g_object_ref (config->probe);
  return ATOMR_VIEW_ACTOR (self);
}

static void
ref_watcher_config_free (RefWatcherConfig *config)
{
  g_object_unref (config->target);
  g_object_unref (config->probe);
  g_free (config);
}

/* Watching (twice) an actor that had already terminated still gives exactly one notice. */
static void
test_watch_dead_reference (ActorFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) target = spawn_script (fixture, "target", NULL);
  RefWatcherConfig *config = g_new0 (RefWatcherConfig, 1);
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(AtomrViewActorRef) watcher = NULL;
  g_autoptr(GVariant) ok = NULL;
  g_autoptr(GError) error = NULL;

  atomr_view_actor_ref_stop (target);
  wait_for_line (fixture, "post-stop /user/target");
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (target), TEST_DEADLINE_MS);

  config->target = g_object_ref (target);
  config->probe = g_object_ref (fixture->probe->ref);
  props = atomr_view_props_new_with_factory (make_ref_watcher, config, (GDestroyNotify) ref_watcher_config_free);
  watcher = atomr_view_actor_system_spawn (fixture->system, props, "late-watcher", &error);
  g_assert_no_error (error);
  ok = ask_ok (watcher, g_variant_new_string ("go"));

  wait_for_line (fixture, "terminated /user/target");
  collect_lines (fixture, 100);
  g_assert_cmpuint (count_lines (fixture, "terminated /user/target"), ==, 1);
}

static void
test_children_stop_before_parent (ActorFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) parent = spawn_script (fixture, "parent", NULL);
  g_autoptr(AtomrViewActorRef) a = spawn_child_of (fixture, parent, "a");
  g_autoptr(AtomrViewActorRef) b = spawn_child_of (fixture, parent, "b");
  g_autoptr(AtomrViewActorRef) a1 = spawn_child_of (fixture, a, "a1");
  g_autoptr(AtomrViewActorRef) a2 = spawn_child_of (fixture, a, "a2");

  atomr_view_actor_ref_stop (parent);
  wait_for_line (fixture, "post-stop /user/parent");
  g_assert_cmpint (line_index (fixture, "post-stop /user/parent/a/a1"), <, line_index (fixture, "post-stop /user/parent/a"));
  g_assert_cmpint (line_index (fixture, "post-stop /user/parent/a/a2"), <, line_index (fixture, "post-stop /user/parent/a"));
  g_assert_cmpint (line_index (fixture, "post-stop /user/parent/a"), <, line_index (fixture, "post-stop /user/parent"));
  g_assert_cmpint (line_index (fixture, "post-stop /user/parent/b"), <, line_index (fixture, "post-stop /user/parent"));
  g_assert_true (atomr_view_actor_ref_is_terminated (a1));
  /* post_stop reports before the runtime marks the actor terminated. */
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (parent), TEST_DEADLINE_MS);
}

static void
test_timers (ActorFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) ticker = spawn_script (fixture, "ticker", gate);
  g_autoptr(GVariant) active = NULL;

  /* A single timer fires once. */
  atomr_view_actor_ref_tell (ticker, test_op ("timer", g_variant_new ("(sub)", "once", 10, FALSE)), NULL);
  wait_for_line (fixture, "report once");
  active = ask_ok (ticker, test_op ("timer-active", g_variant_new_string ("once")));
  g_assert_false (g_variant_get_boolean (active));
  g_clear_pointer (&active, g_variant_unref);

  /* A periodic one fires until cancelled. */
  atomr_view_actor_ref_tell (ticker, test_op ("timer", g_variant_new ("(sub)", "tick", 5, TRUE)), NULL);
  wait_for_lines (fixture, "report tick", 3);
  active = ask_ok (ticker, test_op ("timer-active", g_variant_new_string ("tick")));
  g_assert_true (g_variant_get_boolean (active));
  atomr_view_actor_ref_tell (ticker, test_op ("cancel-timer", g_variant_new_string ("tick")), NULL);
  atomr_view_actor_ref_tell (ticker, test_op ("report", g_variant_new_string ("cancelled")), NULL);
  wait_for_line (fixture, "report cancelled");
  {
    guint ticks = count_lines (fixture, "report tick");

    collect_lines (fixture, 60);
    g_assert_cmpuint (count_lines (fixture, "report tick"), ==, ticks);
  }

  /* A timer started and cancelled in one go never delivers, even at 0 ms.
   * Both requests wait in the mailbox while the actor is held in the gate:
   * sent one by one to a running actor, the timer could fire in between. */
  atomr_view_actor_ref_tell (ticker, test_op ("block", NULL), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  atomr_view_actor_ref_tell (ticker, test_op ("timer", g_variant_new ("(sub)", "never", 0, FALSE)), NULL);
  atomr_view_actor_ref_tell (ticker, test_op ("cancel-timer", g_variant_new_string ("never")), NULL);
  test_gate_open (gate);

  /* Timers stop with their actor. */
  atomr_view_actor_ref_tell (ticker, test_op ("timer", g_variant_new ("(sub)", "late", 5, TRUE)), NULL);
  wait_for_line (fixture, "report late");
  atomr_view_actor_ref_stop (ticker);
  wait_for_line (fixture, "post-stop /user/ticker");
  {
    guint late = count_lines (fixture, "report late");

    collect_lines (fixture, 60);
    g_assert_cmpuint (count_lines (fixture, "report late"), ==, late);
  }
  g_assert_cmpuint (count_lines (fixture, "report never"), ==, 0);
}

/* Stashes everything until "open", then handles the stash in order. */
#define TEST_TYPE_STASHER (test_stasher_get_type ())
G_DECLARE_FINAL_TYPE (TestStasher, test_stasher, TEST, STASHER, AtomrViewActor)

struct _TestStasher
{
  AtomrViewActor     parent_instance;
  AtomrViewActorRef *probe;
  gboolean           open;
};

G_DEFINE_FINAL_TYPE (TestStasher, test_stasher, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_stasher_receive (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GVariant          *message,
                      GError           **error)
{
  TestStasher *self = TEST_STASHER (actor);
  const char *text = g_variant_get_string (message, NULL);

  if (!self->open && g_str_equal (text, "open"))
    {
      self->open = TRUE;
      atomr_view_actor_ref_tell (self->probe, g_variant_new ("(sv)", "stashed",
                                                             g_variant_new_uint32 (atomr_view_context_get_stash_size (context))),
                                 NULL);
      atomr_view_context_unstash_all (context);
    }
  else if (!self->open)
    atomr_view_context_stash (context);
  else
    atomr_view_actor_ref_tell (self->probe, g_variant_new ("(sv)", "report", message), NULL);
  return TRUE;
}

static void
test_stasher_finalize (GObject *object)
{
  g_clear_object (&TEST_STASHER (object)->probe);
  G_OBJECT_CLASS (test_stasher_parent_class)->finalize (object);
}

static void
test_stasher_class_init (TestStasherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_stasher_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_stasher_receive;
}

static void
test_stasher_init (TestStasher *self)
{
}

static AtomrViewActor *
make_stasher (gpointer user_data)
{
  TestStasher *self = g_object_new (TEST_TYPE_STASHER, NULL);

  self->probe = g_object_ref (user_data);
  return ATOMR_VIEW_ACTOR (self);
}

static void
test_stash_keeps_order (ActorFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new_with_factory (make_stasher, g_object_ref (fixture->probe->ref),
                                                                       g_object_unref);
  g_autoptr(AtomrViewActorRef) stasher = NULL;
  g_autoptr(GVariant) stashed = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "1", "2", "3", "4", "5", "6" };

  stasher = atomr_view_actor_system_spawn (fixture->system, props, "stasher", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    atomr_view_actor_ref_tell (stasher, g_variant_new_string (expected[i]), NULL);
  atomr_view_actor_ref_tell (stasher, g_variant_new_string ("open"), NULL);
  atomr_view_actor_ref_tell (stasher, g_variant_new_string ("6"), NULL);

  stashed = atomr_view_test_probe_expect (fixture->probe, TEST_DEADLINE_MS);
  g_assert_cmpstr (g_variant_get_type_string (stashed), ==, "(sv)");
  {
    g_autoptr(GVariant) n = g_variant_get_child_value (stashed, 1);
    g_autoptr(GVariant) inner = g_variant_get_variant (n);

    g_assert_cmpuint (g_variant_get_uint32 (inner), ==, 5);
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    atomr_view_test_probe_expect_equal (fixture->probe,
                                        g_variant_new ("(sv)", "report", g_variant_new_string (expected[i])), TEST_DEADLINE_MS);
}

/* become/unbecome: "swap" pushes a behaviour that answers "B"; "back" pops it. */
static gboolean
behaviour_b (AtomrViewActor    *actor,
             AtomrViewContext  *context,
             GVariant          *message,
             gpointer           user_data,
             GError           **error)
{
  const char *text = g_variant_get_string (message, NULL);

  if (g_str_equal (text, "back"))
    atomr_view_context_unbecome (context);
  else if (g_str_equal (text, "replace"))
    atomr_view_context_become (context, behaviour_b, g_strdup ("replaced"), g_free, TRUE);
  else
    atomr_view_context_reply (context, g_variant_new_string (user_data));
  return TRUE;
}

#define TEST_TYPE_SWITCHER (test_switcher_get_type ())
G_DECLARE_FINAL_TYPE (TestSwitcher, test_switcher, TEST, SWITCHER, AtomrViewActor)

struct _TestSwitcher
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestSwitcher, test_switcher, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_switcher_receive (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GVariant          *message,
                       GError           **error)
{
  if (g_str_equal (g_variant_get_string (message, NULL), "swap"))
    atomr_view_context_become (context, behaviour_b, g_strdup ("B"), g_free, FALSE);
  else
    atomr_view_context_reply (context, g_variant_new_string ("A"));
  return TRUE;
}

static void
test_switcher_class_init (TestSwitcherClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_switcher_receive;
}

static void
test_switcher_init (TestSwitcher *self)
{
}

static void
assert_answer (AtomrViewActorRef *ref,
               const char        *expected)
{
  g_autoptr(GVariant) reply = ask_ok (ref, g_variant_new_string ("who"));

  g_assert_cmpstr (g_variant_get_string (reply, NULL), ==, expected);
}

static void
test_become_unbecome (ActorFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_SWITCHER);
  g_autoptr(AtomrViewActorRef) switcher = NULL;
  g_autoptr(GError) error = NULL;

  switcher = atomr_view_actor_system_spawn (fixture->system, props, "switcher", &error);
  g_assert_no_error (error);
  assert_answer (switcher, "A");
  atomr_view_actor_ref_tell (switcher, g_variant_new_string ("swap"), NULL);
  assert_answer (switcher, "B");
  atomr_view_actor_ref_tell (switcher, g_variant_new_string ("replace"), NULL);
  assert_answer (switcher, "replaced");
  atomr_view_actor_ref_tell (switcher, g_variant_new_string ("back"), NULL);
  assert_answer (switcher, "A");
}

/* Reports each receive timeout; the first message sets it. */
#define TEST_TYPE_IDLER (test_idler_get_type ())
G_DECLARE_FINAL_TYPE (TestIdler, test_idler, TEST, IDLER, AtomrViewActor)

struct _TestIdler
{
  AtomrViewActor     parent_instance;
  AtomrViewActorRef *probe;
};

G_DEFINE_FINAL_TYPE (TestIdler, test_idler, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_idler_receive (AtomrViewActor    *actor,
                    AtomrViewContext  *context,
                    GVariant          *message,
                    GError           **error)
{
  atomr_view_context_set_receive_timeout (context, g_variant_get_uint32 (message));
  return TRUE;
}

static void
test_idler_receive_timeout (AtomrViewActor   *actor,
                            AtomrViewContext *context)
{
  atomr_view_actor_ref_tell (TEST_IDLER (actor)->probe, g_variant_new ("(sv)", "timeout", g_variant_new_string ("idle")),
                             NULL);
}

static void
test_idler_finalize (GObject *object)
{
  g_clear_object (&TEST_IDLER (object)->probe);
  G_OBJECT_CLASS (test_idler_parent_class)->finalize (object);
}

static void
test_idler_class_init (TestIdlerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_idler_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_idler_receive;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive_timeout = test_idler_receive_timeout;
}

static void
test_idler_init (TestIdler *self)
{
}

static AtomrViewActor *
make_idler (gpointer user_data)
{
  TestIdler *self = g_object_new (TEST_TYPE_IDLER, NULL);

  self->probe = g_object_ref (user_data);
  return ATOMR_VIEW_ACTOR (self);
}

static void
test_receive_timeout (ActorFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new_with_factory (make_idler, g_object_ref (fixture->probe->ref),
                                                                       g_object_unref);
  g_autoptr(AtomrViewActorRef) idler = NULL;
  g_autoptr(GError) error = NULL;

  idler = atomr_view_actor_system_spawn (fixture->system, props, "idler", &error);
  g_assert_no_error (error);
  atomr_view_actor_ref_tell (idler, g_variant_new_uint32 (20), NULL);
  wait_for_lines (fixture, "timeout idle", 2);
  /* Turned off, it stops firing. */
  atomr_view_actor_ref_tell (idler, g_variant_new_uint32 (0), NULL);
  {
    guint seen;

    collect_lines (fixture, 30);
    seen = count_lines (fixture, "timeout idle");
    collect_lines (fixture, 80);
    g_assert_cmpuint (count_lines (fixture, "timeout idle"), ==, seen);
  }
}

/* Shutdown stops every actor, joins every thread, and refuses new actors. */
static void
test_shutdown_joins_threads (void)
{
  guint threads_before = atomr_view_test_count_threads ();
  g_autoptr(AtomrViewActorSystem) system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "shut",
                                                         "default-threads", 2, NULL);
  g_autoptr(AtomrViewTestProbe) probe = atomr_view_test_probe_new (system, "probe");
  g_autoptr(AtomrViewProps) props = test_script_props (probe->ref, NULL);
  g_autoptr(AtomrViewActorRef) a = NULL;
  g_autoptr(AtomrViewActorRef) late = NULL;
  g_autoptr(GError) error = NULL;
  guint post_stops_before = test_script_post_stops ();
  guint threads_with_system;

  threads_with_system = atomr_view_test_count_threads ();
  /* Two default threads and the probe's own. */
  g_assert_cmpuint (threads_with_system, ==, threads_before + 3);
  g_assert_true (atomr_view_actor_system_add_dispatcher (system, "extra", 3, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atomr_view_test_count_threads (), ==, threads_with_system + 3);
  atomr_view_props_set_dispatcher (props, "extra");
  a = atomr_view_actor_system_spawn (system, props, "a", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ask_count (a, NULL), ==, 0);

  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  g_assert_no_error (error);
  g_assert_true (atomr_view_actor_system_is_terminated (system));
  g_assert_true (atomr_view_actor_ref_is_terminated (a));
  g_assert_true (atomr_view_actor_ref_is_terminated (probe->ref));
  g_assert_cmpuint (atomr_view_test_count_threads (), ==, threads_before);

  /* The probe may stop before a's report reaches it; count the hook itself. */
  g_assert_cmpuint (test_script_post_stops (), ==, post_stops_before + 1);

  late = atomr_view_actor_system_spawn (system, props, "late", &error);
  g_assert_null (late);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED);
  g_assert_cmpstr (error->message, ==, "The actor system “shut” is shutting down");
}

/* A job to run after an actor's batch that asks to run again after it each
 * time it runs, as a bridge with events parked does, up to five times. */
typedef struct
{
  guint runs;
  guint again;   /* times atomr_view_dispatcher_run_after_batch() took it again */
} AfterBatchJob;

static void
after_batch_job_run (gpointer data)
{
  AfterBatchJob *job = data;

  job->runs++;
  if (job->runs < 5 && atomr_view_dispatcher_run_after_batch (after_batch_job_run, job))
    job->again++;
}

/* An actor on the ui dispatcher that, told anything, leaves a job for after
 * its batch and stops its own dispatcher. */
#define TEST_TYPE_UI_STOPPER (test_ui_stopper_get_type ())
G_DECLARE_FINAL_TYPE (TestUiStopper, test_ui_stopper, TEST, UI_STOPPER, AtomrViewActor)

struct _TestUiStopper
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestUiStopper, test_ui_stopper, ATOMR_VIEW_TYPE_ACTOR)

static AtomrViewActorSystem *ui_stopper_system;
static AfterBatchJob ui_stopper_job;
static gboolean ui_stopper_done;

static gboolean
test_ui_stopper_receive (AtomrViewActor    *actor,
                         AtomrViewContext  *context,
                         GVariant          *message,
                         GError           **error)
{
  AtomrViewSystemCore *core = atomr_view_actor_system_get_core (ui_stopper_system);

  g_assert_true (atomr_view_dispatcher_run_after_batch (after_batch_job_run, &ui_stopper_job));
  atomr_view_dispatcher_stop (core->ui_dispatcher);
  ui_stopper_done = TRUE;
  return TRUE;
}

static void
test_ui_stopper_class_init (TestUiStopperClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_ui_stopper_receive;
}

static void
test_ui_stopper_init (TestUiStopper *self)
{
}

/* A dispatcher stopped from inside one of its own actors (only the ui
 * dispatcher can be: the others would join the thread they run on) runs the
 * jobs left for after the batch once, as no actor is running any more: a
 * job that asks to run again is refused instead of being run again and
 * again. No public call does this (shutdown refuses on a dispatcher
 * thread); the test reaches the dispatcher through private API. */
static void
test_ui_dispatcher_stopped_from_its_actor (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_UI_STOPPER);
      g_autoptr(AtomrViewActorRef) stopper = NULL;
      g_autoptr(GError) error = NULL;

      ui_stopper_system = atomr_view_actor_system_new ("stopper", NULL);
      atomr_view_props_set_dispatcher (props, "ui");
      stopper = atomr_view_actor_system_spawn (ui_stopper_system, props, "stopper", &error);
      g_assert_no_error (error);
      atomr_view_actor_ref_tell (stopper, g_variant_new_string ("stop"), NULL);
      ATOMR_VIEW_TEST_WAIT_UNTIL (ui_stopper_done, TEST_DEADLINE_MS);
      g_assert_cmpuint (ui_stopper_job.runs, ==, 1);
      g_assert_cmpuint (ui_stopper_job.again, ==, 0);
      /* The system cannot shut down: its ui dispatcher was stopped under
       * its actors, which is the very thing no public call allows. */
      _exit (0);
    }
  g_test_trap_subprocess (NULL, TEST_DEADLINE_MS * 1000, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/watch-exactly-once", test_watch_exactly_once);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/watch-already-dead", test_watch_dead_reference);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/children-stop-first", test_children_stop_before_parent);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/timers", test_timers);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/stash-order", test_stash_keeps_order);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/become-unbecome", test_become_unbecome);
  ACTOR_TEST ("/AtomrView/Actor/Lifecycle/receive-timeout", test_receive_timeout);
  g_test_add_func ("/AtomrView/Actor/Lifecycle/shutdown-joins-threads", test_shutdown_joins_threads);
  g_test_add_func ("/AtomrView/Actor/Lifecycle/ui-dispatcher-stopped-from-its-actor",
                   test_ui_dispatcher_stopped_from_its_actor);

  return g_test_run ();
}

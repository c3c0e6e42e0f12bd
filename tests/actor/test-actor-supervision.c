/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "actor-fixture.h"

/* A top-level actor with its own strategy; the children it spawns supervise
 * theirs with @child_strategy (NULL: the default). */
static AtomrViewActorRef *
spawn_supervisor (ActorFixture                *fixture,
                  const char                  *name,
                  AtomrViewSupervisorStrategy *strategy,
                  AtomrViewSupervisorStrategy *child_strategy)
{
  g_autoptr(AtomrViewProps) props = test_script_props_full (fixture->probe->ref, NULL, FALSE, child_strategy);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *ref;

  atomr_view_props_set_supervisor_strategy (props, strategy);
  ref = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
  g_assert_no_error (error);
  return ref;
}

static AtomrViewSupervisorStrategy *
strategy_with (AtomrViewSupervisionScope scope,
               AtomrViewDirective        directive)
{
  AtomrViewSupervisorStrategy *strategy = atomr_view_supervisor_strategy_new (scope, -1, 0);

  atomr_view_supervisor_strategy_set_default_directive (strategy, directive);
  return strategy;
}

static void
test_resume_keeps_state (ActorFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = strategy_with (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE,
                                                                   ATOMR_VIEW_DIRECTIVE_RESUME);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");
  guint before, after;

  for (int i = 0; i < 3; i++)
    atomr_view_actor_ref_tell (child, test_op ("inc", NULL), NULL);
  g_assert_cmpint (ask_count (child, &before), ==, 3);
  atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("boom")), NULL);
  atomr_view_actor_ref_tell (child, test_op ("inc", NULL), NULL);

  g_assert_cmpint (ask_count (child, &after), ==, 4);
  g_assert_cmpuint (after, ==, before);
  collect_lines (fixture, 50);
  g_assert_cmpuint (count_lines (fixture, "pre-restart /user/parent/child"), ==, 0);
}

/* The mailbox survives a restart; the failing message is not delivered again. */
static void
test_restart_new_instance_keeps_mailbox (ActorFixture  *fixture,
                                         gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) worker = spawn_script (fixture, "worker", gate);
  guint first, second;

  g_assert_cmpint (ask_count (worker, &first), ==, 0);
  /* Queue everything behind a blocked message, so the failure finds a full mailbox. */
  atomr_view_actor_ref_tell (worker, test_op ("block", NULL), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  atomr_view_actor_ref_tell (worker, test_op ("inc", NULL), NULL);
  atomr_view_actor_ref_tell (worker, test_op ("fail", g_variant_new_string ("boom")), NULL);
  atomr_view_actor_ref_tell (worker, test_op ("inc", NULL), NULL);
  atomr_view_actor_ref_tell (worker, test_op ("inc", NULL), NULL);
  atomr_view_actor_ref_tell (worker, test_op ("report", g_variant_new_string ("after")), NULL);
  test_gate_open (gate);

  wait_for_line (fixture, "report after");
  g_assert_cmpint (ask_count (worker, &second), ==, 2);
  g_assert_cmpuint (second, !=, first);
  /* One failure, one restart: had "fail" come again there would be two. */
  g_assert_cmpuint (count_lines (fixture, "pre-restart /user/worker"), ==, 1);
  g_assert_cmpuint (count_lines (fixture, "post-restart /user/worker"), ==, 1);
  g_assert_cmpint (line_index (fixture, "pre-restart /user/worker"), <,
                   line_index (fixture, "post-restart /user/worker"));
  collect_lines (fixture, 50);
  g_assert_cmpuint (count_lines (fixture, "pre-restart /user/worker"), ==, 1);
}

static void
test_stop_directive (ActorFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = strategy_with (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE,
                                                                   ATOMR_VIEW_DIRECTIVE_STOP);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");
  g_autoptr(AtomrViewActorRef) watcher = spawn_script (fixture, "watcher", NULL);
  g_autoptr(GVariant) ok = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (child)));
  g_autoptr(GError) error = NULL;

  atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("fatal")), NULL);
  wait_for_line (fixture, "terminated /user/parent/child");
  g_assert_cmpuint (count_lines (fixture, "post-stop /user/parent/child"), ==, 1);
  g_assert_true (atomr_view_actor_ref_is_terminated (child));
  g_assert_false (atomr_view_actor_ref_try_tell (child, test_op ("inc", NULL), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
  /* The supervisor itself goes on. */
  g_assert_cmpint (ask_count (parent, NULL), ==, 0);
}

static AtomrViewDirective
recording_decider (const GError *error,
                   gpointer      user_data)
{
  atomr_view_actor_ref_tell (user_data, g_variant_new ("(sv)", "decided", g_variant_new_string (error->message)), NULL);
  return ATOMR_VIEW_DIRECTIVE_RESTART;
}

/* child fails -> parent escalates -> the grandparent decides and restarts the parent. */
static void
test_escalate_reaches_grandparent (ActorFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) top = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  g_autoptr(AtomrViewSupervisorStrategy) escalate = strategy_with (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE,
                                                                   ATOMR_VIEW_DIRECTIVE_ESCALATE);
  g_autoptr(AtomrViewActorRef) grandparent = NULL;
  g_autoptr(AtomrViewActorRef) parent = NULL;
  g_autoptr(AtomrViewActorRef) child = NULL;

  atomr_view_supervisor_strategy_set_decider (top, recording_decider, g_object_ref (fixture->probe->ref),
                                              g_object_unref);
  grandparent = spawn_supervisor (fixture, "grandparent", top, escalate);
  parent = spawn_child_of (fixture, grandparent, "parent");
  child = spawn_child_of (fixture, parent, "child");

  atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("deep failure")), NULL);
  wait_for_line (fixture, "decided deep failure");

  /* The parent restarts once its child, stopped by the default pre_restart, is gone. */
  wait_for_line (fixture, "post-restart /user/grandparent/parent");
  g_assert_cmpint (line_index (fixture, "pre-restart /user/grandparent/parent"), <,
                   line_index (fixture, "post-stop /user/grandparent/parent/child"));
  g_assert_cmpint (line_index (fixture, "post-stop /user/grandparent/parent/child"), <,
                   line_index (fixture, "post-restart /user/grandparent/parent"));
  g_assert_true (atomr_view_actor_ref_is_terminated (child));
  g_assert_false (atomr_view_actor_ref_is_terminated (parent));
  /* The restarted parent works, and may spawn a child of the same name again. */
  g_clear_object (&child);
  child = spawn_child_of (fixture, parent, "child");
  g_assert_cmpint (ask_count (child, NULL), ==, 0);

  /* The grandparent decided once: the parent's own failure, which carried the child's error. */
  collect_lines (fixture, 50);
  g_assert_cmpuint (count_lines (fixture, "decided deep failure"), ==, 1);
}

static void
test_all_for_one_restarts_siblings (ActorFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ALL_FOR_ONE, -1, 0);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) failing = spawn_child_of (fixture, parent, "failing");
  g_autoptr(AtomrViewActorRef) sibling = spawn_child_of (fixture, parent, "sibling");
  guint sibling_before, sibling_after;

  for (int i = 0; i < 5; i++)
    atomr_view_actor_ref_tell (sibling, test_op ("inc", NULL), NULL);
  g_assert_cmpint (ask_count (sibling, &sibling_before), ==, 5);

  atomr_view_actor_ref_tell (failing, test_op ("fail", g_variant_new_string ("one for all")), NULL);
  wait_for_line (fixture, "post-restart /user/parent/failing");
  wait_for_line (fixture, "post-restart /user/parent/sibling");
  g_assert_cmpint (ask_count (sibling, &sibling_after), ==, 0);
  g_assert_cmpuint (sibling_after, !=, sibling_before);
  /* The parent itself was not restarted. */
  g_assert_cmpuint (count_lines (fixture, "pre-restart /user/parent"), ==, 0);
}

static void
test_one_for_one_spares_siblings (ActorFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) failing = spawn_child_of (fixture, parent, "failing");
  g_autoptr(AtomrViewActorRef) sibling = spawn_child_of (fixture, parent, "sibling");

  atomr_view_actor_ref_tell (sibling, test_op ("inc", NULL), NULL);
  atomr_view_actor_ref_tell (failing, test_op ("fail", g_variant_new_string ("just me")), NULL);
  wait_for_line (fixture, "post-restart /user/parent/failing");
  g_assert_cmpint (ask_count (sibling, NULL), ==, 1);
  collect_lines (fixture, 50);
  g_assert_cmpuint (count_lines (fixture, "pre-restart /user/parent/sibling"), ==, 0);
}

static void
test_restart_budget_stops (ActorFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, 2, 60000);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");
  g_autoptr(AtomrViewActorRef) watcher = spawn_script (fixture, "watcher", NULL);
  g_autoptr(GVariant) ok = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (child)));

  for (int i = 0; i < 3; i++)
    atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("again")), NULL);
  wait_for_line (fixture, "terminated /user/parent/child");
  g_assert_cmpuint (count_lines (fixture, "post-restart /user/parent/child"), ==, 2);
  g_assert_true (atomr_view_actor_ref_is_terminated (child));
}

static void
test_restart_budget_window (ActorFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, 1, 100);
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");

  atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("first")), NULL);
  wait_for_line (fixture, "post-restart /user/parent/child");
  /* Let the 100 ms window pass: the time window itself is what is tested. */
  g_usleep (150 * 1000);
  atomr_view_actor_ref_tell (child, test_op ("fail", g_variant_new_string ("second")), NULL);
  wait_for_lines (fixture, "post-restart /user/parent/child", 2);
  g_assert_cmpint (ask_count (child, NULL), ==, 0);
  g_assert_false (atomr_view_actor_ref_is_terminated (child));
}

/* A pre_start that always fails is restarted within the budget, then stopped. */
static void
test_pre_start_failure (ActorFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, 3, 0);
  g_autoptr(AtomrViewProps) props = test_script_props_full (fixture->probe->ref, NULL, TRUE, NULL);
  g_autoptr(AtomrViewActorRef) watcher = spawn_script (fixture, "watcher", NULL);
  g_autoptr(AtomrViewActorRef) doomed = NULL;
  g_autoptr(GVariant) ok = NULL;
  g_autoptr(GError) error = NULL;

  /* Top-level actors follow the /user guardian's default strategy; use a supervisor to set a budget. */
  g_autoptr(AtomrViewActorRef) parent = spawn_supervisor (fixture, "parent", strategy, NULL);
  (void) parent;
  doomed = atomr_view_actor_system_spawn (fixture->system, props, "doomed", &error);
  g_assert_no_error (error);
  ok = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (doomed)));

  /* The default budget of the /user guardian: 10 restarts a minute. */
  wait_for_line (fixture, "terminated /user/doomed");
  g_assert_cmpuint (count_lines (fixture, "pre-start /user/doomed"), ==, 11);
}

/* -- failures reported with atomr_view_actor_fail() ------------------------ */

/* Reports to a probe; messages are (sv):
 *   ("fail-later", "why")  reports a failure, then goes on and reports ("went-on", why)
 *   ("fail-both", _)       reports "reported", then returns the error "returned"
 *   ("watch", address)     watches that actor; its death is reported as a failure
 *   ("timeout", ms)        sets a receive timeout; the timeout is reported as a failure
 *   ("spawn", name)        spawns a child of the same kind, replies its address
 *   ("get", _)             replies the instance number (u) */
#define TEST_TYPE_REPORTER (test_reporter_get_type ())
G_DECLARE_FINAL_TYPE (TestReporter, test_reporter, TEST, REPORTER, AtomrViewActor)

struct _TestReporter
{
  AtomrViewActor     parent_instance;
  AtomrViewActorRef *probe;
  AtomrViewProps    *props;      /* to spawn children like itself */
  guint              instance;
};

G_DEFINE_FINAL_TYPE (TestReporter, test_reporter, ATOMR_VIEW_TYPE_ACTOR)

static guint reporter_instances;

static void
reporter_report (TestReporter *self,
                 const char   *what,
                 GVariant     *value)
{
  atomr_view_actor_ref_tell (self->probe, g_variant_new ("(sv)", what, value), NULL);
}

static void
reporter_fail (TestReporter *self,
               const char   *why)
{
  g_autoptr(GError) error = g_error_new_literal (ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED, why);

  atomr_view_actor_fail (ATOMR_VIEW_ACTOR (self), error);
}

static gboolean
test_reporter_pre_start (AtomrViewActor    *actor,
                         AtomrViewContext  *context,
                         GError           **error)
{
  const char *path = atomr_view_actor_ref_get_path (atomr_view_context_get_self (context));

  reporter_report (TEST_REPORTER (actor), "pre-start", g_variant_new ("(su)", path, TEST_REPORTER (actor)->instance));
  return TRUE;
}

static gboolean
test_reporter_receive (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GVariant          *message,
                       GError           **error)
{
  TestReporter *self = TEST_REPORTER (actor);
  g_autoptr(GVariant) argument = NULL;
  const char *op;

  g_variant_get (message, "(&sv)", &op, &argument);
  if (g_str_equal (op, "fail-later"))
    {
      reporter_fail (self, g_variant_get_string (argument, NULL));
      reporter_report (self, "went-on", argument);
    }
  else if (g_str_equal (op, "fail-both"))
    {
      reporter_fail (self, "reported");
      g_set_error_literal (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED, "returned");
      return FALSE;
    }
  else if (g_str_equal (op, "watch"))
    {
      g_autoptr(AtomrViewActorRef) watched =
        atomr_view_actor_system_resolve_variant (atomr_view_context_get_system (context), argument, error);

      if (watched == NULL)
        return FALSE;
      atomr_view_context_watch (context, watched);
      atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
    }
  else if (g_str_equal (op, "timeout"))
    atomr_view_context_set_receive_timeout (context, g_variant_get_uint32 (argument));
  else if (g_str_equal (op, "spawn"))
    {
      g_autoptr(AtomrViewActorRef) child =
        atomr_view_context_spawn (context, self->props, g_variant_get_string (argument, NULL), error);

      if (child == NULL)
        return FALSE;
      atomr_view_context_reply (context, atomr_view_actor_ref_to_variant (child));
    }
  else if (g_str_equal (op, "get"))
    atomr_view_context_reply (context, g_variant_new_uint32 (self->instance));
  return TRUE;
}

static void
test_reporter_terminated (AtomrViewActor    *actor,
                          AtomrViewContext  *context,
                          AtomrViewActorRef *who)
{
  g_autofree char *why = g_strdup_printf ("%s died", atomr_view_actor_ref_get_path (who));

  reporter_fail (TEST_REPORTER (actor), why);
}

static void
test_reporter_receive_timeout (AtomrViewActor   *actor,
                               AtomrViewContext *context)
{
  atomr_view_context_set_receive_timeout (context, 0);
  reporter_fail (TEST_REPORTER (actor), "nothing came");
}

static void
test_reporter_finalize (GObject *object)
{
  TestReporter *self = TEST_REPORTER (object);

  g_clear_object (&self->probe);
  g_clear_pointer (&self->props, atomr_view_props_unref);
  G_OBJECT_CLASS (test_reporter_parent_class)->finalize (object);
}

static void
test_reporter_class_init (TestReporterClass *klass)
{
  AtomrViewActorClass *actor_class = ATOMR_VIEW_ACTOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_reporter_finalize;
  actor_class->pre_start = test_reporter_pre_start;
  actor_class->receive = test_reporter_receive;
  actor_class->terminated = test_reporter_terminated;
  actor_class->receive_timeout = test_reporter_receive_timeout;
}

static void
test_reporter_init (TestReporter *self)
{
  self->instance = g_atomic_int_add (&reporter_instances, 1) + 1;
}

typedef struct
{
  AtomrViewActorRef *probe;
  AtomrViewProps    *props;   /* not a reference: the props own this */
} ReporterFactory;

static AtomrViewActor *
make_reporter (gpointer user_data)
{
  ReporterFactory *factory = user_data;
  TestReporter *self = g_object_new (TEST_TYPE_REPORTER, NULL);

  self->probe = g_object_ref (factory->probe);
  self->props = atomr_view_props_ref (factory->props);
  return ATOMR_VIEW_ACTOR (self);
}

static void
reporter_factory_free (gpointer data)
{
  ReporterFactory *factory = data;

  g_object_unref (factory->probe);
  g_free (factory);
}

/* A reporter under /user whose children are decided by recording_decider. */
static AtomrViewActorRef *
spawn_reporter_parent (ActorFixture *fixture)
{
  g_autoptr(AtomrViewSupervisorStrategy) strategy = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  ReporterFactory *factory = g_new0 (ReporterFactory, 1);
  g_autoptr(AtomrViewProps) props = atomr_view_props_new_with_factory (make_reporter, factory, reporter_factory_free);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *parent;

  factory->probe = g_object_ref (fixture->probe->ref);
  factory->props = props;
  atomr_view_supervisor_strategy_set_decider (strategy, recording_decider, g_object_ref (fixture->probe->ref),
                                              g_object_unref);
  atomr_view_props_set_supervisor_strategy (props, strategy);
  parent = atomr_view_actor_system_spawn (fixture->system, props, "parent", &error);
  g_assert_no_error (error);
  return parent;
}

static guint
ask_instance (AtomrViewActorRef *ref)
{
  g_autoptr(GVariant) reply = ask_ok (ref, test_op ("get", NULL));

  return g_variant_get_uint32 (reply);
}

/* A handler that reports a failure and returns TRUE fails all the same, once it has returned. */
static void
test_reported_failure_from_receive (ActorFixture  *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) parent = spawn_reporter_parent (fixture);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");
  guint before = ask_instance (child);

  atomr_view_actor_ref_tell (child, test_op ("fail-later", g_variant_new_string ("render broke")), NULL);
  wait_for_line (fixture, "decided render broke");
  g_assert_cmpint (line_index (fixture, "went-on render broke"), <, line_index (fixture, "decided render broke"));
  wait_for_lines (fixture, "pre-start /user/parent/child", 2);
  g_assert_cmpuint (ask_instance (child), !=, before);
}

/* An error the handler returns comes before one it reported. */
static void
test_returned_error_wins (ActorFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) parent = spawn_reporter_parent (fixture);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "child");

  atomr_view_actor_ref_tell (child, test_op ("fail-both", NULL), NULL);
  wait_for_line (fixture, "decided returned");
  wait_for_lines (fixture, "pre-start /user/parent/child", 2);
  /* The reported failure was not kept for a later message either. */
  g_assert_cmpuint (ask_instance (child), >, 0);
  collect_lines (fixture, 50);
  g_assert_cmpuint (count_lines (fixture, "decided reported"), ==, 0);
  g_assert_cmpuint (count_lines (fixture, "decided returned"), ==, 1);
}

/* terminated and receive_timeout cannot return an error; they report one. */
static void
test_reported_failure_from_void_hooks (ActorFixture  *fixture,
                                       gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) parent = spawn_reporter_parent (fixture);
  g_autoptr(AtomrViewActorRef) watcher = spawn_child_of (fixture, parent, "watcher");
  g_autoptr(AtomrViewActorRef) sleeper = spawn_child_of (fixture, parent, "sleeper");
  g_autoptr(AtomrViewActorRef) doomed = spawn_script (fixture, "doomed", NULL);
  g_autoptr(GVariant) ok = ask_ok (watcher, test_op ("watch", atomr_view_actor_ref_to_variant (doomed)));

  atomr_view_actor_ref_stop (doomed);
  wait_for_line (fixture, "decided /user/doomed died");
  wait_for_lines (fixture, "pre-start /user/parent/watcher", 2);

  atomr_view_actor_ref_tell (sleeper, test_op ("timeout", g_variant_new_uint32 (10)), NULL);
  wait_for_line (fixture, "decided nothing came");
  wait_for_lines (fixture, "pre-start /user/parent/sleeper", 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ACTOR_TEST ("/AtomrView/Actor/Supervision/resume-keeps-state", test_resume_keeps_state);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/restart-keeps-mailbox", test_restart_new_instance_keeps_mailbox);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/stop", test_stop_directive);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/escalate", test_escalate_reaches_grandparent);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/all-for-one", test_all_for_one_restarts_siblings);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/one-for-one", test_one_for_one_spares_siblings);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/budget-stops", test_restart_budget_stops);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/budget-window", test_restart_budget_window);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/pre-start-failure", test_pre_start_failure);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/reported-failure", test_reported_failure_from_receive);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/returned-error-wins", test_returned_error_wins);
  ACTOR_TEST ("/AtomrView/Actor/Supervision/reported-failure-void-hooks", test_reported_failure_from_void_hooks);

  return g_test_run ();
}

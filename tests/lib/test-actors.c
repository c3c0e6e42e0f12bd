/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "test-actors.h"

#include "atomr-view-lock-private.h"
#include "atomr-view-refcount-private.h"

struct _TestGate
{
  AtomrViewRefCount ref_count;
  AtomrViewLock   mutex;
  AtomrViewCond   cond;
  gboolean        open;
  guint           entered;
};

TestGate *
test_gate_new (void)
{
  TestGate *gate = g_new0 (TestGate, 1);

  atomr_view_ref_count_init (&gate->ref_count);
  atomr_view_lock_init (&gate->mutex);
  atomr_view_cond_init (&gate->cond);
  return gate;
}

TestGate *
test_gate_ref (TestGate *gate)
{
  atomr_view_ref_count_inc (&gate->ref_count);
  return gate;
}

void
test_gate_unref (TestGate *gate)
{
  if (!atomr_view_ref_count_dec (&gate->ref_count))
    return;
  atomr_view_lock_clear (&gate->mutex);
  atomr_view_cond_clear (&gate->cond);
  g_free (gate);
}

void
test_gate_open (TestGate *gate)
{
  atomr_view_lock (&gate->mutex);
  gate->open = TRUE;
  atomr_view_cond_broadcast (&gate->cond);
  atomr_view_unlock (&gate->mutex);
}

void
test_gate_pass (TestGate *gate)
{
  atomr_view_lock (&gate->mutex);
  gate->entered++;
  atomr_view_cond_broadcast (&gate->cond);
  while (!gate->open)
    atomr_view_cond_wait (&gate->cond, &gate->mutex);
  atomr_view_unlock (&gate->mutex);
}

void
test_gate_wait_entered (TestGate *gate,
                        guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  atomr_view_lock (&gate->mutex);
  while (gate->entered == 0)
    if (!atomr_view_cond_wait_until (&gate->cond, &gate->mutex, deadline))
      g_error ("no actor entered the gate within %u ms", timeout_ms);
  atomr_view_unlock (&gate->mutex);
}

static guint instances;
static guint post_stops;

guint
test_script_post_stops (void)
{
  return g_atomic_int_get (&post_stops);
}

guint
test_script_instances (void)
{
  return g_atomic_int_get (&instances);
}

#define TEST_TYPE_SCRIPT_ACTOR (test_script_actor_get_type ())
G_DECLARE_FINAL_TYPE (TestScriptActor, test_script_actor, TEST, SCRIPT_ACTOR, AtomrViewActor)

struct _TestScriptActor
{
  AtomrViewActor  parent_instance;
  TestScript     *script;
  gint64          count;
  guint           instance;
};

G_DEFINE_FINAL_TYPE (TestScriptActor, test_script_actor, ATOMR_VIEW_TYPE_ACTOR)

GVariant *
test_op (const char *op,
         GVariant   *argument)
{
  return g_variant_new ("(sv)", op, argument ? argument : g_variant_new_boolean (TRUE));
}

static void
report (TestScriptActor *self,
        const char      *what,
        GVariant        *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  if (self->script->probe != NULL)
    atomr_view_actor_ref_tell (self->script->probe, g_variant_new ("(sv)", what, owned), NULL);
}

static void
report_lifecycle (TestScriptActor  *self,
                  AtomrViewContext *context,
                  const char       *hook)
{
  report (self, hook, g_variant_new ("(su)", atomr_view_actor_ref_get_path (atomr_view_context_get_self (context)),
                                     self->instance));
}

static gboolean
test_script_actor_pre_start (AtomrViewActor    *actor,
                             AtomrViewContext  *context,
                             GError           **error)
{
  TestScriptActor *self = TEST_SCRIPT_ACTOR (actor);

  report_lifecycle (self, context, "pre-start");
  if (self->script->fail_pre_start)
    {
      g_set_error_literal (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED, "pre_start failed");
      return FALSE;
    }
  return TRUE;
}

static void
test_script_actor_post_stop (AtomrViewActor   *actor,
                             AtomrViewContext *context)
{
  g_atomic_int_inc (&post_stops);
  report_lifecycle (TEST_SCRIPT_ACTOR (actor), context, "post-stop");
}

static void
test_script_actor_pre_restart (AtomrViewActor   *actor,
                               AtomrViewContext *context,
                               const GError     *reason)
{
  report_lifecycle (TEST_SCRIPT_ACTOR (actor), context, "pre-restart");
  ATOMR_VIEW_ACTOR_CLASS (test_script_actor_parent_class)->pre_restart (actor, context, reason);
}

static gboolean
test_script_actor_post_restart (AtomrViewActor    *actor,
                                AtomrViewContext  *context,
                                const GError      *reason,
                                GError           **error)
{
  report_lifecycle (TEST_SCRIPT_ACTOR (actor), context, "post-restart");
  return ATOMR_VIEW_ACTOR_CLASS (test_script_actor_parent_class)->post_restart (actor, context, reason, error);
}

static void
test_script_actor_terminated (AtomrViewActor    *actor,
                              AtomrViewContext  *context,
                              AtomrViewActorRef *who)
{
  report (TEST_SCRIPT_ACTOR (actor), "terminated", g_variant_new_string (atomr_view_actor_ref_get_path (who)));
}

static gboolean
test_script_actor_receive (AtomrViewActor    *actor,
                           AtomrViewContext  *context,
                           GVariant          *message,
                           GError           **error)
{
  TestScriptActor *self = TEST_SCRIPT_ACTOR (actor);
  g_autoptr(GVariant) argument = NULL;
  const char *op;

  g_assert_true (g_variant_is_of_type (message, G_VARIANT_TYPE ("(sv)")));
  g_variant_get (message, "(&sv)", &op, &argument);

  if (g_str_equal (op, "inc"))
    self->count++;
  else if (g_str_equal (op, "get"))
    atomr_view_context_reply (context, g_variant_new ("(xu)", self->count, self->instance));
  else if (g_str_equal (op, "echo"))
    atomr_view_context_reply (context, argument);
  else if (g_str_equal (op, "bounce"))
    atomr_view_actor_ref_tell (atomr_view_context_get_sender (context), message,
                               atomr_view_context_get_self (context));
  else if (g_str_equal (op, "fail"))
    {
      g_set_error_literal (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED,
                           g_variant_get_string (argument, NULL));
      return FALSE;
    }
  else if (g_str_equal (op, "report"))
    report (self, "report", argument);
  else if (g_str_equal (op, "block"))
    {
      test_gate_pass (self->script->gate);
      report (self, "unblocked", g_variant_new_int64 (self->count));
    }
  else if (g_str_equal (op, "spawn"))
    {
      g_autoptr(AtomrViewProps) props = test_script_props_full (self->script->probe, self->script->gate,
                                                                FALSE, self->script->child_strategy);
      g_autoptr(AtomrViewActorRef) child = atomr_view_context_spawn (context, props,
                                                                     g_variant_get_string (argument, NULL), error);

      if (child == NULL)
        return FALSE;
      atomr_view_context_reply (context, atomr_view_actor_ref_to_variant (child));
    }
  else if (g_str_equal (op, "watch"))
    {
      AtomrViewActorSystem *system = atomr_view_context_get_system (context);
      g_autoptr(AtomrViewActorRef) target = atomr_view_actor_system_resolve_variant (system, argument, error);

      if (target == NULL)
        return FALSE;
      atomr_view_context_watch (context, target);
      atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
    }
  else if (g_str_equal (op, "timer"))
    {
      const char *key;
      guint32 interval_ms;
      gboolean periodic;

      g_variant_get (argument, "(&sub)", &key, &interval_ms, &periodic);
      if (periodic)
        atomr_view_context_start_periodic_timer (context, key, test_op ("report", g_variant_new_string (key)),
                                                 interval_ms);
      else
        atomr_view_context_start_single_timer (context, key, test_op ("report", g_variant_new_string (key)),
                                               interval_ms);
    }
  else if (g_str_equal (op, "cancel-timer"))
    atomr_view_context_cancel_timer (context, g_variant_get_string (argument, NULL));
  else if (g_str_equal (op, "timer-active"))
    atomr_view_context_reply (context, g_variant_new_boolean (
      atomr_view_context_is_timer_active (context, g_variant_get_string (argument, NULL))));
  else if (g_str_equal (op, "stop"))
    atomr_view_context_stop (context, atomr_view_context_get_self (context));
  else
    g_error ("unknown test operation %s", op);

  return TRUE;
}

static void
test_script_actor_class_init (TestScriptActorClass *klass)
{
  AtomrViewActorClass *actor_class = ATOMR_VIEW_ACTOR_CLASS (klass);

  actor_class->pre_start = test_script_actor_pre_start;
  actor_class->receive = test_script_actor_receive;
  actor_class->post_stop = test_script_actor_post_stop;
  actor_class->pre_restart = test_script_actor_pre_restart;
  actor_class->post_restart = test_script_actor_post_restart;
  actor_class->terminated = test_script_actor_terminated;
}

static void
test_script_actor_init (TestScriptActor *self)
{
  self->instance = g_atomic_int_add (&instances, 1) + 1;
}

static void
script_free (TestScript *script)
{
  g_clear_object (&script->probe);
  g_clear_pointer (&script->gate, test_gate_unref);
  g_clear_pointer (&script->child_strategy, atomr_view_supervisor_strategy_unref);
  g_free (script);
}

static AtomrViewActor *
make_script_actor (gpointer user_data)
{
  TestScriptActor *actor = g_object_new (TEST_TYPE_SCRIPT_ACTOR, NULL);

  actor->script = user_data;
  return ATOMR_VIEW_ACTOR (actor);
}

AtomrViewProps *
test_script_props (AtomrViewActorRef *probe,
                   TestGate          *gate)
{
  return test_script_props_full (probe, gate, FALSE, NULL);
}

AtomrViewProps *
test_script_props_full (AtomrViewActorRef           *probe,
                        TestGate                    *gate,
                        gboolean                     fail_pre_start,
                        AtomrViewSupervisorStrategy *child_strategy)
{
  TestScript *script = g_new0 (TestScript, 1);
  AtomrViewProps *props;

  script->probe = probe ? g_object_ref (probe) : NULL;
  script->gate = gate ? test_gate_ref (gate) : NULL;
  script->fail_pre_start = fail_pre_start;
  script->child_strategy = child_strategy ? atomr_view_supervisor_strategy_ref (child_strategy) : NULL;
  props = atomr_view_props_new_with_factory (make_script_actor, script, (GDestroyNotify) script_free);
  atomr_view_props_set_supervisor_strategy (props, child_strategy);
  return props;
}

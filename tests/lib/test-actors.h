/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <atomr-view.h>

G_BEGIN_DECLS

/* A gate that blocks an actor inside its handler until the test opens it,
 * so that its mailbox fills up deterministically. */
typedef struct _TestGate TestGate;

TestGate *test_gate_new         (void);
TestGate *test_gate_ref         (TestGate *gate);
void      test_gate_unref       (TestGate *gate);
void      test_gate_open        (TestGate *gate);
/* Called by an actor: blocks until the gate is open. */
void      test_gate_pass        (TestGate *gate);
/* Waits until an actor is blocked in the gate; fails the test after @timeout_ms. */
void      test_gate_wait_entered (TestGate *gate,
                                  guint     timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestGate, test_gate_unref)

/* A scripted actor. Messages are (sv): an operation and its argument.
 *   ("inc", _)          count += 1
 *   ("get", _)          reply (xu): count and the instance number
 *   ("echo", v)         reply v
 *   ("bounce", _)       tell the same message back to its sender, as itself
 *   ("fail", "why")     fail with ATOMR_VIEW_ACTOR_ERROR_FAILED, message "why"
 *   ("report", v)       send ("report", v) to the probe (messages arrive in order)
 *   ("block", _)        wait in the gate, then report ("unblocked", count)
 *   ("spawn", "name")   spawn a child with the same script, reply its address
 *   ("watch", "uri")    watch that actor; its death is reported ("terminated", path)
 *   ("timer", (key, ms, periodic))  start a timer sending ("report", key) to itself
 *   ("cancel-timer", key)           cancel it
 *   ("timer-active", key)           reply whether it runs
 *   ("stop", _)         stop itself
 * Lifecycle hooks are reported to the probe as ("pre-start"|"post-stop"|
 * "pre-restart"|"post-restart", (path, instance)). */
typedef struct
{
  AtomrViewActorRef *probe;        /* nullable: where reports go */
  TestGate          *gate;         /* nullable */
  gboolean           fail_pre_start;
  /* How actors of this script supervise their children (they spawn children
   * with the same script, so the strategy carries down the tree). */
  AtomrViewSupervisorStrategy *child_strategy;
} TestScript;

AtomrViewProps *test_script_props     (AtomrViewActorRef *probe,
                                       TestGate          *gate);
AtomrViewProps *test_script_props_full (AtomrViewActorRef           *probe,
                                       TestGate                    *gate,
                                       gboolean                     fail_pre_start,
                                       AtomrViewSupervisorStrategy *child_strategy);
GVariant       *test_op               (const char        *op,
                                       GVariant          *argument);
guint           test_script_instances (void);
guint           test_script_post_stops (void);

G_END_DECLS

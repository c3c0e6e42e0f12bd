/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "test-actors.h"
#include "test-probe.h"
#include "test-utils.h"

/* Every runtime test gets a fresh system with two default threads and a probe. */
typedef struct
{
  AtomrViewActorSystem *system;
  AtomrViewTestProbe   *probe;
} ActorFixture;

static inline void
actor_fixture_setup (ActorFixture  *fixture,
                     gconstpointer  data)
{
  fixture->system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "test", "default-threads", 2, NULL);
  fixture->probe = atomr_view_test_probe_new (fixture->system, "probe");
}

static inline void
actor_fixture_teardown (ActorFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_shutdown (fixture->system, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fixture->probe, atomr_view_test_probe_free);
  g_assert_finalize_object (fixture->system);
}

#define ACTOR_TEST(path, func) \
  g_test_add (path, ActorFixture, NULL, actor_fixture_setup, func, actor_fixture_teardown)

static inline AtomrViewActorRef *
spawn_script (ActorFixture *fixture,
              const char   *name,
              TestGate     *gate)
{
  g_autoptr(AtomrViewProps) props = test_script_props (fixture->probe->ref, gate);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *ref = atomr_view_actor_system_spawn (fixture->system, props, name, &error);

  g_assert_no_error (error);
  return ref;
}

/* Waits for ("what", value) from the probe, failing on anything else. */
static inline GVariant *
expect_report (ActorFixture *fixture,
               const char   *what)
{
  g_autoptr(GVariant) message = atomr_view_test_probe_expect (fixture->probe, 5000);
  g_autoptr(GVariant) value = NULL;
  const char *got;

  g_variant_get (message, "(&sv)", &got, &value);
  if (!g_str_equal (got, what))
    {
      g_autofree char *text = g_variant_print (message, TRUE);
      g_error ("expected a “%s” report, got %s", what, text);
    }
  return g_steal_pointer (&value);
}

static inline GVariant *
ask_ok (AtomrViewActorRef *ref,
        GVariant          *question)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = atomr_view_actor_ref_ask_sync (ref, question, 5000, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

static inline gint64
ask_count (AtomrViewActorRef *ref,
           guint             *instance)
{
  g_autoptr(GVariant) reply = ask_ok (ref, test_op ("get", NULL));
  gint64 count;
  guint inst;

  g_variant_get (reply, "(xu)", &count, &inst);
  if (instance)
    *instance = inst;
  return count;
}

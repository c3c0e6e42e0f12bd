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
  GPtrArray            *log;     /* every probe report seen by wait_for_line(), formatted */
} ActorFixture;

static inline void
actor_fixture_setup (ActorFixture  *fixture,
                     gconstpointer  data)
{
  fixture->system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "test", "default-threads", 2, NULL);
  fixture->probe = atomr_view_test_probe_new (fixture->system, "probe");
  fixture->log = g_ptr_array_new_with_free_func (g_free);
}

static inline void
actor_fixture_teardown (ActorFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_shutdown (fixture->system, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fixture->probe, atomr_view_test_probe_free);
  g_clear_pointer (&fixture->log, g_ptr_array_unref);
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
  g_autoptr(GVariant) message = atomr_view_test_probe_expect (fixture->probe, TEST_DEADLINE_MS);
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
  GVariant *reply = atomr_view_actor_ref_ask_sync (ref, question, TEST_DEADLINE_MS, NULL, &error);

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

/* A probe report as one line: "pre-start /user/a", "terminated /user/a",
 * "report 'x'", "unblocked 3". */
static inline char *
format_report (GVariant *message)
{
  g_autoptr(GVariant) value = NULL;
  const char *what;

  g_variant_get (message, "(&sv)", &what, &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("(su)")))
    {
      const char *path;

      g_variant_get (value, "(&su)", &path, NULL);
      return g_strdup_printf ("%s %s", what, path);
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup_printf ("%s %s", what, g_variant_get_string (value, NULL));
  {
    g_autofree char *text = g_variant_print (value, FALSE);

    return g_strdup_printf ("%s %s", what, text);
  }
}

static inline guint count_lines (ActorFixture *fixture, const char *line);

/* Takes reports until @line has been reported @n times in all, keeping every
 * report in fixture->log (reports of other actors may come in any order). */
static inline void
wait_for_lines (ActorFixture *fixture,
                const char   *line,
                guint         n)
{
  while (count_lines (fixture, line) < n)
    {
      g_autoptr(GVariant) message = atomr_view_test_probe_expect (fixture->probe, TEST_DEADLINE_MS);

      g_ptr_array_add (fixture->log, format_report (message));
    }
}

static inline void
wait_for_line (ActorFixture *fixture,
               const char   *line)
{
  wait_for_lines (fixture, line, 1);
}

static inline guint
count_lines (ActorFixture *fixture,
             const char   *line)
{
  guint n = 0;

  for (guint i = 0; i < fixture->log->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->log, i), line))
      n++;
  return n;
}

static inline int
line_index (ActorFixture *fixture,
            const char   *line)
{
  for (guint i = 0; i < fixture->log->len; i++)
    if (g_str_equal (g_ptr_array_index (fixture->log, i), line))
      return (int) i;
  g_error ("“%s” was never reported", line);
}

/* Drains reports that arrive within @window_ms into the log (a negative window). */
static inline void
collect_lines (ActorFixture *fixture,
               guint         window_ms)
{
  AtomrViewTestProbeMessage *message;

  while ((message = atomr_view_test_probe_try_pop (fixture->probe, window_ms)))
    {
      g_ptr_array_add (fixture->log, format_report (message->message));
      atomr_view_test_probe_message_free (message);
    }
}

static inline AtomrViewActorRef *
spawn_child_of (ActorFixture      *fixture,
                AtomrViewActorRef *parent,
                const char        *name)
{
  g_autoptr(GVariant) address = ask_ok (parent, test_op ("spawn", g_variant_new_string (name)));
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *child = atomr_view_actor_system_resolve_variant (fixture->system, address, &error);

  g_assert_no_error (error);
  return child;
}

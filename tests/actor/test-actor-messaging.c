/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "actor-fixture.h"

#define N_SENDERS  4
#define N_MESSAGES 20000

typedef struct
{
  AtomrViewActorRef *target;
  guint              sender;
  gboolean           via_report;   /* send ("report", (u,u)) rather than (u,u) */
} SenderArgs;

static gpointer
sender_thread (gpointer data)
{
  SenderArgs *args = data;

  for (guint i = 0; i < N_MESSAGES; i++)
    {
      GVariant *payload = g_variant_new ("(uu)", args->sender, i);

      atomr_view_actor_ref_tell (args->target, args->via_report ? test_op ("report", payload) : payload, NULL);
    }
  return NULL;
}

static void
check_per_sender_order (AtomrViewTestProbe *probe,
                        gboolean            unwrap_report)
{
  guint next[N_SENDERS] = { 0 };

  for (guint n = 0; n < N_SENDERS * N_MESSAGES; n++)
    {
      g_autoptr(GVariant) message = atomr_view_test_probe_expect (probe, 10000);
      g_autoptr(GVariant) payload = NULL;
      guint sender, seq;

      if (unwrap_report)
        {
          const char *op;

          g_variant_get (message, "(&sv)", &op, &payload);
          /* Lifecycle reports of the relays are not part of the stream. */
          if (!g_str_equal (op, "report"))
            {
              n--;
              continue;
            }
        }
      else
        payload = g_variant_ref (message);
      g_variant_get (payload, "(uu)", &sender, &seq);
      g_assert_cmpuint (sender, <, N_SENDERS);
      g_assert_cmpuint (seq, ==, next[sender]);
      next[sender]++;
    }
  for (guint s = 0; s < N_SENDERS; s++)
    g_assert_cmpuint (next[s], ==, N_MESSAGES);
}

/* Several threads tell one actor at once: each sender's messages arrive in order. */
static void
test_tell_order_threads (ActorFixture  *fixture,
                         gconstpointer  data)
{
  SenderArgs args[N_SENDERS];
  GThread *threads[N_SENDERS];

  for (guint s = 0; s < N_SENDERS; s++)
    {
      args[s] = (SenderArgs) { fixture->probe->ref, s, FALSE };
      threads[s] = g_thread_new ("sender", sender_thread, &args[s]);
    }
  check_per_sender_order (fixture->probe, FALSE);
  for (guint s = 0; s < N_SENDERS; s++)
    g_thread_join (threads[s]);
}

/* Actors on both dispatcher threads relay to one actor: each relay's order holds. */
static void
test_tell_order_actors (ActorFixture  *fixture,
                        gconstpointer  data)
{
  SenderArgs args[N_SENDERS];
  GThread *threads[N_SENDERS];
  AtomrViewActorRef *relays[N_SENDERS];

  for (guint s = 0; s < N_SENDERS; s++)
    {
      g_autofree char *name = g_strdup_printf ("relay-%u", s);

      relays[s] = spawn_script (fixture, name, NULL);
      args[s] = (SenderArgs) { relays[s], s, TRUE };
      threads[s] = g_thread_new ("sender", sender_thread, &args[s]);
    }
  check_per_sender_order (fixture->probe, TRUE);
  for (guint s = 0; s < N_SENDERS; s++)
    {
      g_thread_join (threads[s]);
      g_object_unref (relays[s]);
    }
}

static void
ask_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_ask_replies (ActorFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) echo = spawn_script (fixture, "echo", NULL);
  g_autoptr(GVariant) sync_reply = ask_ok (echo, test_op ("echo", g_variant_new_string ("sync")));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVariant) async_reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (g_variant_get_string (sync_reply, NULL), ==, "sync");

  atomr_view_actor_ref_ask_async (echo, test_op ("echo", g_variant_new_int32 (42)), TEST_DEADLINE_MS, NULL,
                                  ask_done_cb, &result);
  ATOMR_VIEW_TEST_WAIT_UNTIL (result != NULL, TEST_DEADLINE_MS);
  async_reply = atomr_view_actor_ref_ask_finish (echo, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_variant_get_int32 (async_reply), ==, 42);
}

static void
test_ask_timeout (ActorFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) silent = spawn_script (fixture, "silent", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = atomr_view_actor_ref_ask_sync (silent, test_op ("inc", NULL), 50, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, "No reply came in time");
  g_clear_error (&error);

  atomr_view_actor_ref_ask_async (silent, test_op ("inc", NULL), 50, NULL, ask_done_cb, &result);
  ATOMR_VIEW_TEST_WAIT_UNTIL (result != NULL, TEST_DEADLINE_MS);
  reply = atomr_view_actor_ref_ask_finish (silent, result, &error);
  g_assert_null (reply);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_TIMEOUT);

  /* Both questions were received; the actor just did not answer. */
  g_assert_cmpint (ask_count (silent, NULL), ==, 2);
}

static void
test_ask_cancelled (ActorFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) silent = spawn_script (fixture, "silent", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  atomr_view_actor_ref_ask_async (silent, test_op ("inc", NULL), 0, cancellable, ask_done_cb, &result);
  g_cancellable_cancel (cancellable);
  ATOMR_VIEW_TEST_WAIT_UNTIL (result != NULL, TEST_DEADLINE_MS);
  reply = atomr_view_actor_ref_ask_finish (silent, result, &error);
  g_assert_null (reply);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_ask_dead_actor (ActorFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) victim = spawn_script (fixture, "victim", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *expected = NULL;

  atomr_view_actor_ref_stop (victim);
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (victim), TEST_DEADLINE_MS);

  /* With an hour of timeout, only an immediate failure ends these calls. */
  reply = atomr_view_actor_ref_ask_sync (victim, test_op ("echo", NULL), 3600 * 1000, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
  g_assert_cmpstr (error->message, ==, "/user/victim terminated before replying");
  g_clear_error (&error);

  atomr_view_actor_ref_ask_async (victim, test_op ("echo", NULL), 3600 * 1000, NULL, ask_done_cb, &result);
  ATOMR_VIEW_TEST_WAIT_UNTIL (result != NULL, TEST_DEADLINE_MS);
  reply = atomr_view_actor_ref_ask_finish (victim, result, &error);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
}

/* An actor that asks itself synchronously and replies with the error it got. */
#define TEST_TYPE_SELF_ASKER (test_self_asker_get_type ())
G_DECLARE_FINAL_TYPE (TestSelfAsker, test_self_asker, TEST, SELF_ASKER, AtomrViewActor)

struct _TestSelfAsker
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestSelfAsker, test_self_asker, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_self_asker_receive (AtomrViewActor    *actor,
                         AtomrViewContext  *context,
                         GVariant          *message,
                         GError           **error)
{
  g_autoptr(GError) ask_error = NULL;
  g_autoptr(GVariant) reply = atomr_view_actor_ref_ask_sync (atomr_view_context_get_self (context),
                                                             g_variant_new_string ("x"), 1000, NULL, &ask_error);

  g_assert_null (reply);
  atomr_view_context_reply (context, g_variant_new ("(us)", ask_error->code, ask_error->message));
  return TRUE;
}

static void
test_self_asker_class_init (TestSelfAskerClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_self_asker_receive;
}

static void
test_self_asker_init (TestSelfAsker *self)
{
}

static void
test_ask_blocking_refused_on_own_thread (ActorFixture  *fixture,
                                         gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_SELF_ASKER);
  g_autoptr(AtomrViewProps) ui_props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) self_asker = NULL;
  g_autoptr(AtomrViewActorRef) ui_actor = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint code;

  /* From inside an actor, to itself. */
  self_asker = atomr_view_actor_system_spawn (fixture->system, props, "self-asker", &error);
  g_assert_no_error (error);
  reply = ask_ok (self_asker, g_variant_new_string ("go"));
  g_variant_get (reply, "(u&s)", &code, &text);
  g_assert_cmpuint (code, ==, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK);
  g_assert_cmpstr (text, ==, "Asking /user/self-asker and waiting on the thread that runs it would never "
                             "finish; use atomr_view_actor_ref_ask_async() there");
  g_clear_pointer (&reply, g_variant_unref);

  /* From the thread that runs the ui dispatcher, to an actor on it. */
  atomr_view_props_set_dispatcher (ui_props, "ui");
  ui_actor = atomr_view_actor_system_spawn (fixture->system, ui_props, "on-ui", &error);
  g_assert_no_error (error);
  g_assert_true (g_main_context_acquire (NULL));
  reply = atomr_view_actor_ref_ask_sync (ui_actor, test_op ("echo", NULL), 1000, NULL, &error);
  g_main_context_release (NULL);
  g_assert_null (reply);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK);
}

/* tell_many: each element is a message, in order; an av's values, not its variants. */
static void
test_tell_many (ActorFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) actor = spawn_script (fixture, "many", NULL);
  g_autoptr(GVariantBuilder) ops = g_variant_builder_new (G_VARIANT_TYPE ("a(sv)"));
  g_autoptr(GVariantBuilder) boxed = g_variant_builder_new (G_VARIANT_TYPE ("av"));

  for (int i = 0; i < 3; i++)
    g_variant_builder_add_value (ops, test_op ("report", g_variant_new_int32 (i)));
  g_variant_builder_add_value (ops, test_op ("inc", NULL));
  atomr_view_actor_ref_tell_many (actor, g_variant_builder_end (ops), NULL);
  wait_for_line (fixture, "report 2");
  g_assert_cmpint (line_index (fixture, "report 0"), <, line_index (fixture, "report 1"));
  g_assert_cmpint (line_index (fixture, "report 1"), <, line_index (fixture, "report 2"));
  g_assert_cmpint (ask_count (actor, NULL), ==, 1);

  g_variant_builder_add_value (boxed, g_variant_new_variant (test_op ("inc", NULL)));
  g_variant_builder_add_value (boxed, g_variant_new_variant (test_op ("inc", NULL)));
  atomr_view_actor_ref_tell_many (actor, g_variant_builder_end (boxed), NULL);
  atomr_view_actor_ref_tell_many (actor, g_variant_new_array (G_VARIANT_TYPE ("(sv)"), NULL, 0), NULL);
  g_assert_cmpint (ask_count (actor, NULL), ==, 3);
  g_assert_cmpuint (atomr_view_actor_system_get_dead_letter_count (fixture->system), ==, 0);
}

/* tell_int64 and tell_string send what tell would with the variant made for them. */
static void
test_tell_scalars (ActorFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(GVariant) number = NULL;
  g_autoptr(GVariant) text = NULL;

  atomr_view_actor_ref_tell_int64 (fixture->probe->ref, G_MININT64, NULL);
  atomr_view_actor_ref_tell_string (fixture->probe->ref, "grüße", NULL);
  number = atomr_view_test_probe_expect (fixture->probe, TEST_DEADLINE_MS);
  text = atomr_view_test_probe_expect (fixture->probe, TEST_DEADLINE_MS);
  g_assert_cmpstr (g_variant_get_type_string (number), ==, "x");
  g_assert_cmpint (g_variant_get_int64 (number), ==, G_MININT64);
  g_assert_cmpstr (g_variant_get_type_string (text), ==, "s");
  g_assert_cmpstr (g_variant_get_string (text, NULL), ==, "grüße");
}

static void
test_tell_many_refuses_a_non_array (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("refuse", NULL);
      g_autoptr(AtomrViewProps) props = atomr_view_props_new (ATOMR_VIEW_TYPE_ACTOR);
      g_autoptr(AtomrViewActorRef) actor = atomr_view_actor_system_spawn (system, props, "a", NULL);

      atomr_view_actor_ref_tell_many (actor, g_variant_new_int32 (1), NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*g_variant_is_of_type (owned, G_VARIANT_TYPE_ARRAY)*");
}

/* Two actors that bounce a message between them for ever on a one-thread
 * dispatcher keep scheduling each other from that thread; an actor told
 * from outside still gets its turn. */
static void
test_fair_turns (ActorFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) left = NULL;
  g_autoptr(AtomrViewActorRef) right = NULL;
  g_autoptr(AtomrViewActorRef) counter = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_add_dispatcher (fixture->system, "solo", 1, 0, &error));
  g_assert_no_error (error);
  atomr_view_props_set_dispatcher (props, "solo");
  left = atomr_view_actor_system_spawn (fixture->system, props, "left", &error);
  g_assert_no_error (error);
  right = atomr_view_actor_system_spawn (fixture->system, props, "right", &error);
  g_assert_no_error (error);
  counter = atomr_view_actor_system_spawn (fixture->system, props, "counter", &error);
  g_assert_no_error (error);

  atomr_view_actor_ref_tell (left, test_op ("bounce", NULL), right);
  for (guint i = 0; i < 100; i++)
    atomr_view_actor_ref_tell (counter, test_op ("inc", NULL), NULL);
  g_assert_cmpint (ask_count (counter, NULL), ==, 100);

  atomr_view_actor_ref_stop (left);
}

/* An actor that, once told anything, tells itself again until told to
 * stop by a flag: it always has work. */
#define TEST_TYPE_BUSY (test_busy_get_type ())
G_DECLARE_FINAL_TYPE (TestBusy, test_busy, TEST, BUSY, AtomrViewActor)

struct _TestBusy
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestBusy, test_busy, ATOMR_VIEW_TYPE_ACTOR)

static gboolean busy_stop;
static guint busy_turns;

static gboolean
test_busy_receive (AtomrViewActor    *actor,
                   AtomrViewContext  *context,
                   GVariant          *message,
                   GError           **error)
{
  busy_turns++;
  if (!busy_stop)
    atomr_view_actor_ref_tell (atomr_view_context_get_self (context), g_variant_new_int32 (0), NULL);
  return TRUE;
}

static void
test_busy_class_init (TestBusyClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_busy_receive;
}

static void
test_busy_init (TestBusy *self)
{
}

/* Actors on the ui dispatcher run ahead of painting while they have little
 * to do, but one that always has work drops below it: a source at GDK's
 * painting priority still runs. */
static void
test_busy_ui_actor_lets_painting_run (ActorFixture  *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_BUSY);
  g_autoptr(AtomrViewActorRef) busy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean painted = FALSE;
  guint turns_before;

  busy_stop = FALSE;
  busy_turns = 0;
  atomr_view_props_set_dispatcher (props, "ui");
  busy = atomr_view_actor_system_spawn (fixture->system, props, "busy", &error);
  g_assert_no_error (error);
  atomr_view_actor_ref_tell (busy, g_variant_new_int32 (0), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (busy_turns > 1000, TEST_DEADLINE_MS);

  turns_before = busy_turns;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, atomr_view_test_set_flag, &painted, NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (painted, TEST_DEADLINE_MS);
  /* It still had work, and goes on with it. */
  ATOMR_VIEW_TEST_WAIT_UNTIL (busy_turns > turns_before, TEST_DEADLINE_MS);
  busy_stop = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ACTOR_TEST ("/AtomrView/Actor/Messaging/tell-order-threads", test_tell_order_threads);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/tell-order-actors", test_tell_order_actors);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/tell-many", test_tell_many);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/tell-scalars", test_tell_scalars);
  g_test_add_func ("/AtomrView/Actor/Messaging/tell-many-refuses-a-non-array", test_tell_many_refuses_a_non_array);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/fair-turns", test_fair_turns);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/ask-replies", test_ask_replies);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/ask-timeout", test_ask_timeout);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/ask-cancelled", test_ask_cancelled);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/ask-dead-actor", test_ask_dead_actor);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/ask-blocking-refused", test_ask_blocking_refused_on_own_thread);
  ACTOR_TEST ("/AtomrView/Actor/Messaging/busy-ui-actor-lets-painting-run", test_busy_ui_actor_lets_painting_run);

  return g_test_run ();
}

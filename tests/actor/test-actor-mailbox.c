/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "actor-fixture.h"

/* A blocked actor with a mailbox of 3: the first message holds it in the gate. */
static AtomrViewActorRef *
spawn_bounded (ActorFixture            *fixture,
               TestGate                *gate,
               AtomrViewOverflowPolicy  policy,
               guint                    capacity)
{
  g_autoptr(AtomrViewProps) props = test_script_props (fixture->probe->ref, gate);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *ref;

  atomr_view_props_set_mailbox (props, capacity, policy);
  atomr_view_props_set_block_timeout (props, 50);
  ref = atomr_view_actor_system_spawn (fixture->system, props, "bounded", &error);
  g_assert_no_error (error);
  atomr_view_actor_ref_tell (ref, test_op ("block", NULL), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);
  return ref;
}

static GVariant *
numbered (guint n)
{
  return test_op ("report", g_variant_new_uint32 (n));
}

/* Subscribes a second probe to the dead letters of the system. */
static AtomrViewTestProbe *
dead_letter_probe (ActorFixture *fixture)
{
  AtomrViewTestProbe *probe = atomr_view_test_probe_new (fixture->system, "dead-letters");

  atomr_view_actor_system_subscribe (fixture->system, ATOMR_VIEW_TOPIC_DEAD_LETTERS, probe->ref);
  return probe;
}

static void
expect_dead_letter (AtomrViewTestProbe *probe,
                    guint               n,
                    const char         *reason)
{
  g_autoptr(GVariant) letter = atomr_view_test_probe_expect (probe, TEST_DEADLINE_MS);
  g_autoptr(GVariant) message = NULL;
  g_autoptr(GVariant) expected = g_variant_ref_sink (numbered (n));
  const char *path, *why;

  g_assert_cmpstr (g_variant_get_type_string (letter), ==, "(svs)");
  g_variant_get (letter, "(&sv&s)", &path, &message, &why);
  g_assert_cmpstr (path, ==, "/user/bounded");
  g_assert_cmpstr (why, ==, reason);
  g_assert_true (g_variant_equal (message, expected));
}

static void
expect_delivered (ActorFixture *fixture,
                  const guint  *numbers,
                  guint         n_numbers)
{
  g_autoptr(GVariant) unblocked = expect_report (fixture, "unblocked");

  for (guint i = 0; i < n_numbers; i++)
    {
      g_autoptr(GVariant) value = expect_report (fixture, "report");

      g_assert_cmpuint (g_variant_get_uint32 (value), ==, numbers[i]);
    }
  atomr_view_test_probe_expect_nothing (fixture->probe, 50);
}

static void
skip_lifecycle (ActorFixture *fixture)
{
  g_autoptr(GVariant) started = expect_report (fixture, "pre-start");
}

static void
test_drop_newest (ActorFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtomrViewTestProbe) letters = dead_letter_probe (fixture);
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) bounded = spawn_bounded (fixture, gate, ATOMR_VIEW_OVERFLOW_DROP_NEWEST, 3);
  g_autoptr(GError) error = NULL;
  const guint kept[] = { 1, 2, 3 };

  skip_lifecycle (fixture);
  for (guint n = 1; n <= 4; n++)
    atomr_view_actor_ref_tell (bounded, numbered (n), NULL);
  /* Dropping the newest is the policy at work, not a failure of the send. */
  g_assert_true (atomr_view_actor_ref_try_tell (bounded, numbered (5), NULL, &error));
  g_assert_no_error (error);
  expect_dead_letter (letters, 4, "mailbox-full");
  expect_dead_letter (letters, 5, "mailbox-full");

  test_gate_open (gate);
  expect_delivered (fixture, kept, G_N_ELEMENTS (kept));
  g_assert_cmpuint (atomr_view_actor_system_get_dead_letter_count (fixture->system), ==, 2);
}

static void
test_drop_oldest (ActorFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtomrViewTestProbe) letters = dead_letter_probe (fixture);
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) bounded = spawn_bounded (fixture, gate, ATOMR_VIEW_OVERFLOW_DROP_OLDEST, 3);
  const guint kept[] = { 3, 4, 5 };

  skip_lifecycle (fixture);
  for (guint n = 1; n <= 5; n++)
    atomr_view_actor_ref_tell (bounded, numbered (n), NULL);
  expect_dead_letter (letters, 1, "mailbox-full");
  expect_dead_letter (letters, 2, "mailbox-full");

  test_gate_open (gate);
  expect_delivered (fixture, kept, G_N_ELEMENTS (kept));
}

static void
test_fail_sender (ActorFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtomrViewTestProbe) letters = dead_letter_probe (fixture);
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) bounded = spawn_bounded (fixture, gate, ATOMR_VIEW_OVERFLOW_FAIL, 3);
  g_autoptr(GError) error = NULL;
  const guint kept[] = { 1, 2, 3 };

  skip_lifecycle (fixture);
  for (guint n = 1; n <= 3; n++)
    {
      g_assert_true (atomr_view_actor_ref_try_tell (bounded, numbered (n), NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_false (atomr_view_actor_ref_try_tell (bounded, numbered (4), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL);
  g_assert_cmpstr (error->message, ==, "The mailbox of /user/bounded is full");
  expect_dead_letter (letters, 4, "mailbox-full");

  test_gate_open (gate);
  expect_delivered (fixture, kept, G_N_ELEMENTS (kept));
}

typedef struct
{
  AtomrViewActorRef *target;
  guint              first;
  guint              count;
  guint              refused;
} BlockingSender;

static gpointer
blocking_sender (gpointer data)
{
  BlockingSender *sender = data;

  for (guint n = sender->first; n < sender->first + sender->count; n++)
    if (!atomr_view_actor_ref_try_tell (sender->target, numbered (n), NULL, NULL))
      sender->refused++;
  return NULL;
}

/* A thread that is not a dispatcher waits for room; nothing is lost. */
static void
test_block_sender (ActorFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewProps) props = test_script_props (fixture->probe->ref, gate);
  g_autoptr(AtomrViewActorRef) bounded = NULL;
  g_autoptr(GError) error = NULL;
  BlockingSender sender = { NULL, 1, 200, 0 };
  GThread *thread;

  atomr_view_props_set_mailbox (props, 2, ATOMR_VIEW_OVERFLOW_BLOCK);
  atomr_view_props_set_block_timeout (props, 10000);
  bounded = atomr_view_actor_system_spawn (fixture->system, props, "bounded", &error);
  g_assert_no_error (error);
  skip_lifecycle (fixture);
  atomr_view_actor_ref_tell (bounded, test_op ("block", NULL), NULL);
  test_gate_wait_entered (gate, TEST_DEADLINE_MS);

  sender.target = bounded;
  thread = g_thread_new ("blocking-sender", blocking_sender, &sender);
  test_gate_open (gate);
  {
    g_autoptr(GVariant) unblocked = expect_report (fixture, "unblocked");
  }
  for (guint n = 1; n <= 200; n++)
    {
      g_autoptr(GVariant) value = expect_report (fixture, "report");

      g_assert_cmpuint (g_variant_get_uint32 (value), ==, n);
    }
  g_thread_join (thread);
  g_assert_cmpuint (sender.refused, ==, 0);
  g_assert_cmpuint (atomr_view_actor_system_get_dead_letter_count (fixture->system), ==, 0);
}

typedef struct
{
  AtomrViewActorRef *target;
  guint              count;
  guint              refused;
} CountingSender;

static gpointer
counting_sender (gpointer data)
{
  CountingSender *sender = data;

  for (guint n = 0; n < sender->count; n++)
    if (!atomr_view_actor_ref_try_tell (sender->target, test_op ("inc", NULL), NULL, NULL))
      sender->refused++;
  return NULL;
}

#define N_CROWD_SENDERS  8
#define N_CROWD_MESSAGES 2000

/* Many threads wait for room in small mailboxes at once: as the actor
 * drains, they all get in; no message is refused or lost. */
static void
test_block_many_senders (ActorFixture  *fixture,
                         gconstpointer  data)
{
  const guint capacities[] = { 1, 2, 16, 64 };

  for (guint c = 0; c < G_N_ELEMENTS (capacities); c++)
    {
      g_autoptr(TestGate) gate = test_gate_new ();
      g_autoptr(AtomrViewProps) props = test_script_props (NULL, gate);
      g_autoptr(AtomrViewActorRef) bounded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("bounded-%u", capacities[c]);
      CountingSender senders[N_CROWD_SENDERS];
      GThread *threads[N_CROWD_SENDERS];

      atomr_view_props_set_mailbox (props, capacities[c], ATOMR_VIEW_OVERFLOW_BLOCK);
      atomr_view_props_set_block_timeout (props, TEST_DEADLINE_MS);
      bounded = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
      g_assert_no_error (error);
      atomr_view_actor_ref_tell (bounded, test_op ("block", NULL), NULL);
      test_gate_wait_entered (gate, TEST_DEADLINE_MS);

      /* The mailbox fills up while the actor waits in the gate. */
      for (guint s = 0; s < N_CROWD_SENDERS; s++)
        {
          senders[s] = (CountingSender) { bounded, N_CROWD_MESSAGES, 0 };
          threads[s] = g_thread_new ("crowd-sender", counting_sender, &senders[s]);
        }
      test_gate_open (gate);
      for (guint s = 0; s < N_CROWD_SENDERS; s++)
        {
          g_thread_join (threads[s]);
          g_assert_cmpuint (senders[s].refused, ==, 0);
        }
      g_assert_cmpint (ask_count (bounded, NULL), ==, N_CROWD_SENDERS * N_CROWD_MESSAGES);
    }
  g_assert_cmpuint (atomr_view_actor_system_get_dead_letter_count (fixture->system), ==, 0);
}

/* When no room comes within the block timeout, the send fails. */
static void
test_block_timeout (ActorFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(TestGate) gate = test_gate_new ();
  g_autoptr(AtomrViewActorRef) bounded = spawn_bounded (fixture, gate, ATOMR_VIEW_OVERFLOW_BLOCK, 1);
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (atomr_view_actor_ref_try_tell (bounded, numbered (1), NULL, &error));
  start = g_get_monotonic_time ();
  g_assert_false (atomr_view_actor_ref_try_tell (bounded, numbered (2), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL);
  /* It did wait, for the 50 ms the props allow. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 50 * 1000);
  test_gate_open (gate);
}

static void
test_wrong_message_type (ActorFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtomrViewTestProbe) letters = atomr_view_test_probe_new (fixture->system, "letters");
  g_autoptr(AtomrViewProps) props = test_script_props (fixture->probe->ref, NULL);
  g_autoptr(AtomrViewActorRef) typed = NULL;
  g_autoptr(GVariant) letter = NULL;
  g_autoptr(GError) error = NULL;
  const char *path, *reason;

  atomr_view_actor_system_subscribe (fixture->system, ATOMR_VIEW_TOPIC_DEAD_LETTERS, letters->ref);
  atomr_view_props_set_message_type (props, G_VARIANT_TYPE ("(sv)"));
  typed = atomr_view_actor_system_spawn (fixture->system, props, "typed", &error);
  g_assert_no_error (error);

  g_assert_false (atomr_view_actor_ref_try_tell (typed, g_variant_new_string ("hello"), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE);
  g_assert_cmpstr (error->message, ==, "/user/typed accepts messages of type “(sv)”, not “s”");
  letter = atomr_view_test_probe_expect (letters, TEST_DEADLINE_MS);
  g_variant_get (letter, "(&sv&s)", &path, NULL, &reason);
  g_assert_cmpstr (path, ==, "/user/typed");
  g_assert_cmpstr (reason, ==, "rejected");

  /* The right type still goes through. */
  g_assert_cmpint (ask_count (typed, NULL), ==, 0);
}

static void
test_dead_actor_try_tell (ActorFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) gone = spawn_script (fixture, "gone", NULL);
  g_autoptr(GError) error = NULL;

  atomr_view_actor_ref_stop (gone);
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (gone), TEST_DEADLINE_MS);
  g_assert_false (atomr_view_actor_ref_try_tell (gone, test_op ("inc", NULL), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
  g_assert_cmpstr (error->message, ==, "/user/gone has terminated");
  g_assert_cmpuint (atomr_view_actor_system_get_dead_letter_count (fixture->system), >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ACTOR_TEST ("/AtomrView/Actor/Mailbox/drop-newest", test_drop_newest);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/drop-oldest", test_drop_oldest);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/fail", test_fail_sender);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/block", test_block_sender);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/block-many-senders", test_block_many_senders);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/block-timeout", test_block_timeout);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/wrong-message-type", test_wrong_message_type);
  ACTOR_TEST ("/AtomrView/Actor/Mailbox/dead-actor", test_dead_actor_try_tell);

  return g_test_run ();
}

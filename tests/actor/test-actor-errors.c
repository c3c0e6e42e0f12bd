/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "actor-fixture.h"

static void
test_null_message (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("nulls", NULL);
      g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
      g_autoptr(AtomrViewActorRef) ref = atomr_view_actor_system_spawn (system, props, "a", NULL);

      atomr_view_actor_ref_tell (ref, NULL, NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*atomr_view_actor_ref_tell*assertion*message != NULL*failed*");
}

static void
test_unknown_dispatcher (ActorFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) ref = NULL;
  g_autoptr(GError) error = NULL;

  atomr_view_props_set_dispatcher (props, "nope");
  ref = atomr_view_actor_system_spawn (fixture->system, props, "a", &error);
  g_assert_null (ref);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER);
  g_assert_cmpstr (error->message, ==, "The actor system “test” has no dispatcher named “nope”");
}

static void
test_duplicate_name (ActorFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) first = spawn_script (fixture, "twin", NULL);
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) second = NULL;
  g_autoptr(GError) error = NULL;

  second = atomr_view_actor_system_spawn (fixture->system, props, "twin", &error);
  g_assert_null (second);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN);
  g_assert_cmpstr (error->message, ==, "/user already has a child named “twin”");

  /* Once the first has terminated, the name is free again. */
  atomr_view_actor_ref_stop (first);
  g_clear_error (&error);
  for (gint64 deadline = g_get_monotonic_time () + (gint64) TEST_DEADLINE_MS * 1000; second == NULL;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_clear_error (&error);
      second = atomr_view_actor_system_spawn (fixture->system, props, "twin", &error);
    }
  g_assert_cmpint (ask_count (second, NULL), ==, 0);
}

#define N_SIBLINGS 40

/* Names stay unique and found among many siblings too (a parent indexes
 * its children by name once it has more than a few). */
static void
test_duplicate_name_many (ActorFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  AtomrViewActorRef *siblings[N_SIBLINGS];

  for (guint i = 0; i < N_SIBLINGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("sibling-%u", i);
      g_autoptr(GError) error = NULL;

      siblings[i] = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_SIBLINGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("sibling-%u", i);
      g_autofree char *path = g_strdup_printf ("/user/sibling-%u", i);
      g_autoptr(AtomrViewActorRef) twin = NULL;
      g_autoptr(AtomrViewActorRef) found = NULL;
      g_autoptr(GError) error = NULL;

      twin = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
      g_assert_null (twin);
      g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN);
      g_clear_error (&error);
      found = atomr_view_actor_system_resolve (fixture->system, path, &error);
      g_assert_no_error (error);
      g_assert_true (atomr_view_actor_ref_equal (found, siblings[i]));
    }

  /* Every other one stops: their names are free again, the others still taken. */
  for (guint i = 0; i < N_SIBLINGS; i += 2)
    atomr_view_actor_ref_stop (siblings[i]);
  for (guint i = 0; i < N_SIBLINGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("sibling-%u", i);
      g_autoptr(AtomrViewActorRef) again = NULL;
      g_autoptr(GError) error = NULL;

      if (i % 2 == 0)
        {
          ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (siblings[i]), TEST_DEADLINE_MS);
          /* The parent unlinks a child just after it is marked terminated. */
          for (gint64 deadline = g_get_monotonic_time () + (gint64) TEST_DEADLINE_MS * 1000; again == NULL;)
            {
              g_assert_cmpint (g_get_monotonic_time (), <, deadline);
              g_clear_error (&error);
              again = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
            }
          g_assert_false (atomr_view_actor_ref_equal (again, siblings[i]));
        }
      else
        {
          again = atomr_view_actor_system_spawn (fixture->system, props, name, &error);
          g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN);
        }
    }
  for (guint i = 0; i < N_SIBLINGS; i++)
    g_object_unref (siblings[i]);
}

static void
test_invalid_names (ActorFixture  *fixture,
                    gconstpointer  data)
{
  const char *bad[] = { "", "a/b", "$generated", "tab\there", "a:b", "..", "." };
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorSystem) none = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AtomrViewActorRef) ref = atomr_view_actor_system_spawn (fixture->system, props, bad[i], &error);

      g_assert_null (ref);
      g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME);
      g_clear_error (&error);
    }

  none = atomr_view_actor_system_new ("not a name", &error);
  g_assert_null (none);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME);
  g_assert_cmpstr (error->message, ==, "“not a name” is not a valid actor system name: use 1 to 64 ASCII "
                                       "letters, digits, “-”, “_” or “.”");
}

static void
test_dispatcher_exists (ActorFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (atomr_view_actor_system_add_dispatcher (fixture->system, "default", 1, 0, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DISPATCHER_EXISTS);
  g_assert_cmpstr (error->message, ==, "The actor system “test” already has a dispatcher named “default”");
}

static void
test_resolve (ActorFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(AtomrViewActorRef) parent = spawn_script (fixture, "a", NULL);
  g_autoptr(AtomrViewActorRef) child = spawn_child_of (fixture, parent, "b");
  g_autoptr(AtomrViewActorRef) by_path = NULL;
  g_autoptr(AtomrViewActorRef) by_uri = NULL;
  g_autoptr(AtomrViewActorRef) by_variant = NULL;
  g_autoptr(GVariant) wire = atomr_view_actor_ref_to_variant (child);
  g_autoptr(GVariant) number = g_variant_ref_sink (g_variant_new_int32 (3));
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = atomr_view_actor_ref_dup_uri (child);

  g_variant_ref_sink (wire);
  g_assert_cmpstr (atomr_view_actor_ref_get_path (child), ==, "/user/a/b");
  g_assert_cmpstr (atomr_view_actor_ref_get_name (child), ==, "b");
  g_assert_cmpstr (uri, ==, "atomr://test/user/a/b");
  g_assert_cmpstr (g_variant_get_string (wire, NULL), ==, uri);

  by_path = atomr_view_actor_system_resolve (fixture->system, "/user/a/b", &error);
  g_assert_no_error (error);
  by_uri = atomr_view_actor_system_resolve (fixture->system, uri, &error);
  g_assert_no_error (error);
  by_variant = atomr_view_actor_system_resolve_variant (fixture->system, wire, &error);
  g_assert_no_error (error);
  g_assert_true (atomr_view_actor_ref_equal (by_path, child));
  g_assert_true (atomr_view_actor_ref_equal (by_uri, child));
  g_assert_true (atomr_view_actor_ref_equal (by_variant, child));
  g_assert_cmpuint (atomr_view_actor_ref_hash (by_path), ==, atomr_view_actor_ref_hash (child));
  g_assert_false (atomr_view_actor_ref_equal (parent, child));

  g_assert_null (atomr_view_actor_system_resolve (fixture->system, "/user/nobody", &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No actor lives at /user/nobody");
  g_clear_error (&error);
  g_assert_null (atomr_view_actor_system_resolve (fixture->system, "atomr://other/user/a", &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (atomr_view_actor_system_resolve (fixture->system, "user/a", &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (atomr_view_actor_system_resolve_variant (fixture->system, number, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE);
  g_assert_cmpstr (error->message, ==, "An actor reference travels as a string, not as “i”");
}

/* An actor that tries a blocking shutdown of its own system. */
#define TEST_TYPE_SHUTTER (test_shutter_get_type ())
G_DECLARE_FINAL_TYPE (TestShutter, test_shutter, TEST, SHUTTER, AtomrViewActor)

struct _TestShutter
{
  AtomrViewActor parent_instance;
};

G_DEFINE_FINAL_TYPE (TestShutter, test_shutter, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
test_shutter_receive (AtomrViewActor    *actor,
                      AtomrViewContext  *context,
                      GVariant          *message,
                      GError           **error)
{
  g_autoptr(GError) shutdown_error = NULL;
  gboolean done = atomr_view_actor_system_shutdown (atomr_view_context_get_system (context), &shutdown_error);

  atomr_view_context_reply (context, g_variant_new ("(bu)", done, shutdown_error ? shutdown_error->code : 0));
  return TRUE;
}

static void
test_shutter_class_init (TestShutterClass *klass)
{
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = test_shutter_receive;
}

static void
test_shutter_init (TestShutter *self)
{
}

static void
test_shutdown_from_actor_refused (ActorFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_SHUTTER);
  g_autoptr(AtomrViewActorRef) shutter = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;
  guint code;

  shutter = atomr_view_actor_system_spawn (fixture->system, props, "shutter", &error);
  g_assert_no_error (error);
  reply = ask_ok (shutter, g_variant_new_string ("go"));
  g_variant_get (reply, "(bu)", &done, &code);
  g_assert_false (done);
  g_assert_cmpuint (code, ==, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK);
  g_assert_false (atomr_view_actor_system_is_terminated (fixture->system));
}

static void
test_after_shutdown (void)
{
  g_autoptr(AtomrViewActorSystem) system = atomr_view_actor_system_new ("gone", NULL);
  g_autoptr(AtomrViewProps) props = test_script_props (NULL, NULL);
  g_autoptr(AtomrViewActorRef) early = atomr_view_actor_system_spawn (system, props, "early", NULL);
  g_autoptr(AtomrViewActorRef) late = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  /* A second shutdown is harmless. */
  g_assert_true (atomr_view_actor_system_shutdown (system, &error));

  late = atomr_view_actor_system_spawn (system, props, "late", &error);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED);
  g_clear_error (&error);
  g_assert_false (atomr_view_actor_system_add_dispatcher (system, "more", 1, 0, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED);
  g_clear_error (&error);

  /* References outlive the system: messages to them are dead letters. */
  g_assert_false (atomr_view_actor_ref_try_tell (early, test_op ("inc", NULL), NULL, &error));
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
  g_clear_error (&error);
  reply = atomr_view_actor_ref_ask_sync (early, test_op ("get", NULL), 1000, NULL, &error);
  g_assert_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR);
  g_clear_object (&system);
  atomr_view_actor_ref_tell (early, test_op ("inc", NULL), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/AtomrView/Actor/Errors/null-message", test_null_message);
  ACTOR_TEST ("/AtomrView/Actor/Errors/unknown-dispatcher", test_unknown_dispatcher);
  ACTOR_TEST ("/AtomrView/Actor/Errors/duplicate-name", test_duplicate_name);
  ACTOR_TEST ("/AtomrView/Actor/Errors/duplicate-name-many", test_duplicate_name_many);
  ACTOR_TEST ("/AtomrView/Actor/Errors/invalid-names", test_invalid_names);
  ACTOR_TEST ("/AtomrView/Actor/Errors/dispatcher-exists", test_dispatcher_exists);
  ACTOR_TEST ("/AtomrView/Actor/Errors/resolve", test_resolve);
  ACTOR_TEST ("/AtomrView/Actor/Errors/shutdown-from-actor", test_shutdown_from_actor_refused);
  g_test_add_func ("/AtomrView/Actor/Errors/after-shutdown", test_after_shutdown);

  return g_test_run ();
}

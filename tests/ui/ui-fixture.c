/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <pthread.h>
#include <stdatomic.h>

#include "ui-fixture.h"

typedef struct
{
  AtomrViewActorRef *probe;
  TestGate          *gate;
  gboolean           with_region;
} TestWindowConfig;

struct _TestWindow
{
  AtomrViewWindowActor  parent_instance;
  TestWindowConfig     *config;
  char                 *text;
  gboolean              trace;
};

/* The threads that traced scenes were freed on, and the one they were made on. */
static pthread_mutex_t traced_lock = PTHREAD_MUTEX_INITIALIZER;  /* seen by ThreadSanitizer, unlike GMutex */
static GPtrArray *traced_frees;   /* GThread, not references */
static GThread   *traced_maker;
static guint      traced_made;

static _Atomic gint64 turn_ended_us;

G_DEFINE_FINAL_TYPE (TestWindow, test_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

struct _TestRegion
{
  AtomrViewRegionActor  parent_instance;
  AtomrViewActorRef    *probe;
  guint                 n;
};

G_DEFINE_FINAL_TYPE (TestRegion, test_region, ATOMR_VIEW_TYPE_REGION_ACTOR)

static AtomrViewNode *
leaf (const char *kind,
      const char *key,
      const char *prop,
      const char *text)
{
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (kind);

  atomr_view_node_builder_set_key (builder, key);
  if (prop != NULL)
    atomr_view_node_builder_set_string (builder, prop, text);
  return atomr_view_node_builder_build (builder, NULL);
}

static void
note_freed (gpointer data)
{
  pthread_mutex_lock (&traced_lock);
  g_ptr_array_add (traced_frees, g_thread_self ());
  pthread_mutex_unlock (&traced_lock);
}

/* A label whose "note" notes the thread it is freed on: only the scene holds it. */
static AtomrViewNode *
traced_label (const char *text)
{
  static const guint8 bytes[] = { 1, 2, 3 };
  g_autoptr(AtomrViewNodeBuilder) builder = atomr_view_node_builder_new (ATOMR_VIEW_KIND_TEXT);

  atomr_view_node_builder_set_key (builder, "label");
  atomr_view_node_builder_set_string (builder, ATOMR_VIEW_PROP_TEXT, text);
  atomr_view_node_builder_set_prop (builder, "note", g_variant_new_from_data (G_VARIANT_TYPE_BYTESTRING, bytes,
                                                                              sizeof bytes, TRUE, note_freed, NULL));
  pthread_mutex_lock (&traced_lock);
  traced_maker = g_thread_self ();
  traced_made++;
  pthread_mutex_unlock (&traced_lock);
  return atomr_view_node_builder_build (builder, NULL);
}

guint
test_window_count_traced_frees (GThread *thread)
{
  guint n = 0;

  pthread_mutex_lock (&traced_lock);
  for (guint i = 0; i < traced_frees->len; i++)
    n += thread == NULL || g_ptr_array_index (traced_frees, i) == thread;
  pthread_mutex_unlock (&traced_lock);
  return n;
}

guint
test_window_count_traced_made (void)
{
  guint n;

  pthread_mutex_lock (&traced_lock);
  n = traced_made;
  pthread_mutex_unlock (&traced_lock);
  return n;
}

GThread *
test_window_get_traced_maker (void)
{
  GThread *maker;

  pthread_mutex_lock (&traced_lock);
  maker = traced_maker;
  pthread_mutex_unlock (&traced_lock);
  return maker;
}

gint64
test_window_get_turn_ended_us (void)
{
  return atomic_load (&turn_ended_us);
}

static AtomrViewNode *
window_tree (const char *text,
             gboolean    with_region,
             gboolean    trace)
{
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) label = trace ? traced_label (text)
                                         : leaf (ATOMR_VIEW_KIND_TEXT, "label", ATOMR_VIEW_PROP_TEXT, text);
  g_autoptr(AtomrViewNode) button = leaf (ATOMR_VIEW_KIND_BUTTON, "ok", ATOMR_VIEW_PROP_LABEL, "OK");

  atomr_view_node_builder_set_key (root, "root");
  atomr_view_node_builder_add_child (root, label);
  atomr_view_node_builder_add_child (root, button);
  if (with_region)
    {
      g_autoptr(AtomrViewNode) feed = leaf (ATOMR_VIEW_KIND_REGION, "feed", NULL, NULL);
      atomr_view_node_builder_add_child (root, feed);
    }
  return atomr_view_node_builder_build (root, NULL);
}

static void
report (AtomrViewActorRef *probe,
        const char        *what,
        AtomrViewEvent    *event)
{
  g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));
  GVariant *value = atomr_view_event_get_value (event);
  g_autofree char *text = value ? g_variant_print (value, FALSE) : g_strdup ("-");

  atomr_view_actor_ref_tell (probe, g_variant_new ("(sv)", what,
                                                   g_variant_new_take_string (g_strdup_printf ("%s %s %s", path,
                                                                              atomr_view_event_get_signal (event),
                                                                              text))),
                             NULL);
}

static AtomrViewNode *
test_window_render (AtomrViewWindowActor *actor)
{
  TestWindow *self = TEST_WINDOW (actor);

  return window_tree (self->text, self->config->with_region, self->trace);
}

static gboolean
test_window_handle_event (AtomrViewWindowActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  TestWindow *self = TEST_WINDOW (actor);

  report (self->config->probe, "event", event);
  return ATOMR_VIEW_WINDOW_ACTOR_CLASS (test_window_parent_class)->handle_event (actor, context, event, error);
}

static gboolean
test_window_receive_message (AtomrViewWindowActor  *actor,
                             AtomrViewContext      *context,
                             GVariant              *message,
                             GError               **error)
{
  TestWindow *self = TEST_WINDOW (actor);
  g_autoptr(GVariant) argument = NULL;
  const char *op;

  g_variant_get (message, "(&sv)", &op, &argument);
  if (g_str_equal (op, "set-text"))
    {
      g_free (self->text);
      self->text = g_variant_dup_string (argument, NULL);
      atomr_view_window_actor_invalidate (actor);
    }
  else if (g_str_equal (op, "flood"))
    {
      guint n = g_variant_get_uint32 (argument);

      for (guint i = 0; i < n; i++)
        {
          char text[16];
          g_autoptr(AtomrViewNode) root = NULL;

          g_snprintf (text, sizeof text, "%u", i);
          root = window_tree (text, FALSE, FALSE);
          atomr_view_window_actor_set_root (actor, root);
        }
      atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
    }
  else if (g_str_equal (op, "bad-patch"))
    {
      g_autoptr(AtomrViewUiBridge) bridge = atomr_view_ui_bridge_dup_for_system (atomr_view_context_get_system (context));
      g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
      const guint nowhere[] = { 7, 3 };
      g_autoptr(GError) patch_error = NULL;

      g_ptr_array_add (patches, atomr_view_patch_new_set_prop (nowhere, G_N_ELEMENTS (nowhere), "text",
                                                               g_variant_new_string ("never")));
      g_assert_false (atomr_view_ui_bridge_post_patches (bridge, atomr_view_window_actor_get_window_id (actor),
                                                         patches, &patch_error));
      atomr_view_context_reply (context, g_variant_new_string (patch_error->message));
    }
  else if (g_str_equal (op, "spawn-region"))
    {
      g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_REGION);
      g_autoptr(AtomrViewActorRef) region = NULL;

      region = atomr_view_window_actor_spawn_region (actor, context, props, "feed", error);
      if (region == NULL)
        return FALSE;
      atomr_view_context_reply (context, g_variant_new_boolean (TRUE));
    }
  else if (g_str_equal (op, "set-text-pushed"))
    {
      /* Posts with a context of its own pushed, as a call that waits inside a handler would. */
      g_autoptr(GMainContext) pushed = g_main_context_new ();
      g_autoptr(AtomrViewNode) root = NULL;

      g_free (self->text);
      self->text = g_variant_dup_string (argument, NULL);
      g_main_context_push_thread_default (pushed);
      root = window_tree (self->text, self->config->with_region, self->trace);
      atomr_view_window_actor_set_root (actor, root);
      g_main_context_pop_thread_default (pushed);
    }
  else if (g_str_equal (op, "trace"))
    {
      self->trace = g_variant_get_boolean (argument);
      atomr_view_window_actor_invalidate (actor);
    }
  else if (g_str_equal (op, "block"))
    test_gate_pass (self->config->gate);
  else if (g_str_equal (op, "set-text-then-work"))
    {
      g_autoptr(AtomrViewNode) root = NULL;

      g_free (self->text);
      self->text = g_variant_dup_string (argument, NULL);
      root = window_tree (self->text, self->config->with_region, self->trace);
      atomr_view_window_actor_set_root (actor, root);
      /* The rest of a long turn, after the post. */
      g_usleep (20 * 1000);
      atomic_store (&turn_ended_us, g_get_monotonic_time ());
    }
  else
    g_error ("unknown test window operation %s", op);
  return TRUE;
}

static void
test_window_finalize (GObject *object)
{
  TestWindow *self = TEST_WINDOW (object);

  g_free (self->text);
  G_OBJECT_CLASS (test_window_parent_class)->finalize (object);
}

static void
test_window_class_init (TestWindowClass *klass)
{
  AtomrViewWindowActorClass *window_class = ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_window_finalize;
  window_class->render = test_window_render;
  window_class->handle_event = test_window_handle_event;
  window_class->receive_message = test_window_receive_message;
}

static void
test_window_init (TestWindow *self)
{
  self->text = g_strdup ("hello");
}

static AtomrViewNode *
test_region_render (AtomrViewRegionActor *actor)
{
  TestRegion *self = TEST_REGION (actor);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autofree char *text = g_strdup_printf ("feed %u", self->n);
  g_autoptr(AtomrViewNode) label = leaf (ATOMR_VIEW_KIND_TEXT, "count", ATOMR_VIEW_PROP_TEXT, text);
  g_autoptr(AtomrViewNode) more = leaf (ATOMR_VIEW_KIND_BUTTON, "more", ATOMR_VIEW_PROP_LABEL, "More");

  atomr_view_node_builder_set_key (root, "feed-root");
  atomr_view_node_builder_add_child (root, label);
  atomr_view_node_builder_add_child (root, more);
  return atomr_view_node_builder_build (root, NULL);
}

static gboolean
test_region_handle_event (AtomrViewRegionActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  TestRegion *self = TEST_REGION (actor);

  report (self->probe, "region-event", event);
  if (g_strcmp0 (atomr_view_event_get_key (event), "boom") == 0)
    {
      g_set_error_literal (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED, "the feed broke");
      return FALSE;
    }
  return TRUE;
}

static gboolean
test_region_receive_message (AtomrViewRegionActor  *actor,
                             AtomrViewContext      *context,
                             GVariant              *message,
                             GError               **error)
{
  TEST_REGION (actor)->n++;
  atomr_view_region_actor_invalidate (actor);
  return TRUE;
}

static gboolean
test_region_pre_start (AtomrViewActor    *actor,
                       AtomrViewContext  *context,
                       GError           **error)
{
  TestRegion *self = TEST_REGION (actor);
  g_autoptr(AtomrViewActorRef) probe = atomr_view_actor_system_resolve (atomr_view_context_get_system (context),
                                                                        "/user/probe", error);

  if (probe == NULL)
    return FALSE;
  self->probe = g_steal_pointer (&probe);
  return ATOMR_VIEW_ACTOR_CLASS (test_region_parent_class)->pre_start (actor, context, error);
}

static void
test_region_finalize (GObject *object)
{
  g_clear_object (&TEST_REGION (object)->probe);
  G_OBJECT_CLASS (test_region_parent_class)->finalize (object);
}

static void
test_region_class_init (TestRegionClass *klass)
{
  AtomrViewRegionActorClass *region_class = ATOMR_VIEW_REGION_ACTOR_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_region_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->pre_start = test_region_pre_start;
  region_class->render = test_region_render;
  region_class->handle_event = test_region_handle_event;
  region_class->receive_message = test_region_receive_message;
}

static void
test_region_init (TestRegion *self)
{
}

static void
config_free (TestWindowConfig *config)
{
  g_clear_object (&config->probe);
  g_clear_pointer (&config->gate, test_gate_unref);
  g_free (config);
}

static AtomrViewActor *
make_test_window (gpointer user_data)
{
  TestWindow *self = g_object_new (TEST_TYPE_WINDOW, "title", "Test", NULL);

  self->config = user_data;
  return ATOMR_VIEW_ACTOR (self);
}

AtomrViewProps *
test_window_props (UiFixture *fixture,
                   TestGate  *gate,
                   gboolean   with_region)
{
  TestWindowConfig *config = g_new0 (TestWindowConfig, 1);
  AtomrViewProps *props;
  g_autoptr(AtomrViewSupervisorStrategy) stop_children = NULL;

  config->probe = g_object_ref (fixture->probe->ref);
  config->gate = gate ? test_gate_ref (gate) : NULL;
  config->with_region = with_region;
  props = atomr_view_props_new_with_factory (make_test_window, config, (GDestroyNotify) config_free);
  /* A failing region stops, so that its placeholder shows. */
  stop_children = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  atomr_view_supervisor_strategy_set_default_directive (stop_children, ATOMR_VIEW_DIRECTIVE_STOP);
  atomr_view_props_set_supervisor_strategy (props, stop_children);
  return props;
}

AtomrViewActorRef *
spawn_test_window (UiFixture  *fixture,
                   const char *name,
                   TestGate   *gate,
                   gboolean    with_region)
{
  g_autoptr(AtomrViewProps) props = test_window_props (fixture, gate, with_region);
  g_autoptr(GError) error = NULL;
  AtomrViewActorRef *ref = atomr_view_actor_system_spawn (fixture->system, props, name, &error);

  g_assert_no_error (error);
  return ref;
}

void
ui_fixture_setup (UiFixture     *fixture,
                  gconstpointer  data)
{
  fixture->system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "ui-test", "default-threads", 2, NULL);
  fixture->backend = test_fake_backend_new ();
  fixture->bridge = atomr_view_ui_bridge_new (fixture->system, ATOMR_VIEW_BACKEND (fixture->backend));
  fixture->probe = atomr_view_test_probe_new (fixture->system, "probe");
  pthread_mutex_lock (&traced_lock);
  g_clear_pointer (&traced_frees, g_ptr_array_unref);
  traced_frees = g_ptr_array_new ();
  traced_maker = NULL;
  traced_made = 0;
  pthread_mutex_unlock (&traced_lock);
}

void
ui_fixture_teardown (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_shutdown (fixture->system, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fixture->probe, atomr_view_test_probe_free);
  g_assert_finalize_object (fixture->bridge);
  g_assert_finalize_object (fixture->backend);
  g_assert_finalize_object (fixture->system);
}

char *
expect_event_line (UiFixture  *fixture,
                   const char *what)
{
  for (;;)
    {
      g_autoptr(GVariant) message = NULL;
      g_autoptr(GVariant) value = NULL;
      const char *got;
      gint64 deadline = g_get_monotonic_time () + (gint64) TEST_DEADLINE_MS * 1000;
      AtomrViewTestProbeMessage *item = NULL;

      /* The bridge needs the default main context to run while we wait. */
      while ((item = atomr_view_test_probe_try_pop (fixture->probe, 0)) == NULL)
        {
          if (g_get_monotonic_time () > deadline)
            g_error ("no “%s” report within %d ms", what, TEST_DEADLINE_MS);
          atomr_view_test_iterate (deadline);
        }
      message = g_variant_ref (item->message);
      atomr_view_test_probe_message_free (item);
      g_variant_get (message, "(&sv)", &got, &value);
      if (g_str_equal (got, what))
        return g_variant_dup_string (value, NULL);
    }
}

void
emit_event (UiFixture          *fixture,
            const char         *window_id,
            const char * const *path,
            const char         *signal,
            GVariant           *value)
{
  g_autoptr(AtomrViewEvent) event = atomr_view_event_new (window_id, path, signal, value);

  atomr_view_backend_emit_event (ATOMR_VIEW_BACKEND (fixture->backend), event);
}

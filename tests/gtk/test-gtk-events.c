/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Events through the real path: widgets -> GTK backend -> UI bridge ->
 * window actor (or region actor) on an actor thread -> probe. */
#include "gtk-fixture.h"
#include "test-probe.h"

/* -- a window actor that shows a JSON scene and reports its events ------------- */

#define TEST_TYPE_WINDOW (test_window_get_type ())
G_DECLARE_FINAL_TYPE (TestWindow, test_window, TEST, WINDOW, AtomrViewWindowActor)

struct _TestWindow
{
  AtomrViewWindowActor parent_instance;
  AtomrViewActorRef   *probe;
  char                *json;
};

G_DEFINE_FINAL_TYPE (TestWindow, test_window, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

#define TEST_TYPE_REGION (test_region_get_type ())
G_DECLARE_FINAL_TYPE (TestRegion, test_region, TEST, REGION, AtomrViewRegionActor)

struct _TestRegion
{
  AtomrViewRegionActor parent_instance;
  AtomrViewActorRef   *probe;
};

G_DEFINE_FINAL_TYPE (TestRegion, test_region, ATOMR_VIEW_TYPE_REGION_ACTOR)

static AtomrViewNode *
parse_node (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtomrViewScene) scene = atomr_view_scene_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  return atomr_view_node_ref (atomr_view_scene_get_root (scene));
}

static void
report (AtomrViewActorRef *probe,
        const char        *who,
        AtomrViewEvent    *event)
{
  atomr_view_actor_ref_tell (probe, g_variant_new ("(sv)", who, atomr_view_event_to_variant (event)), NULL);
}

static AtomrViewNode *
test_window_render (AtomrViewWindowActor *actor)
{
  return parse_node (TEST_WINDOW (actor)->json);
}

static gboolean
test_window_handle_event (AtomrViewWindowActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  report (TEST_WINDOW (actor)->probe, "window", event);
  return ATOMR_VIEW_WINDOW_ACTOR_CLASS (test_window_parent_class)->handle_event (actor, context, event, error);
}

/* ("show", json) shows another scene; ("region", key) starts a TestRegion
 * there; ("frames", _) asks for frame ticks. */
static gboolean
test_window_receive_message (AtomrViewWindowActor  *actor,
                             AtomrViewContext      *context,
                             GVariant              *message,
                             GError               **error)
{
  TestWindow *self = TEST_WINDOW (actor);
  const char *what, *argument;

  g_variant_get (message, "(&s&s)", &what, &argument);
  if (g_str_equal (what, "show"))
    {
      g_free (self->json);
      self->json = g_strdup (argument);
      atomr_view_window_actor_invalidate (actor);
      return TRUE;
    }
  if (g_str_equal (what, "frames"))
    {
      atomr_view_window_actor_set_wants_frames (actor, TRUE);
      return TRUE;
    }
  if (g_str_equal (what, "region"))
    {
      g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_REGION);
      g_autoptr(AtomrViewActorRef) region = atomr_view_window_actor_spawn_region (actor, context, props, argument, error);

      if (region == NULL)
        return FALSE;
      atomr_view_actor_ref_tell (region, g_variant_new ("(sv)", "probe", atomr_view_actor_ref_to_variant (self->probe)),
                                 NULL);
      return TRUE;
    }
  g_assert_not_reached ();
}

static void
test_window_finalize (GObject *object)
{
  TestWindow *self = TEST_WINDOW (object);

  g_clear_object (&self->probe);
  g_free (self->json);
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
}

static AtomrViewNode *
test_region_render (AtomrViewRegionActor *actor)
{
  return parse_node ("{\"kind\": \"container\", \"children\": ["
                     " {\"kind\": \"button\", \"key\": \"ping\", \"props\": {\"label\": \"Ping\"}},"
                     " {\"kind\": \"button\", \"key\": \"boom\", \"props\": {\"label\": \"Break\"}}]}");
}

static gboolean
test_region_handle_event (AtomrViewRegionActor  *actor,
                          AtomrViewContext      *context,
                          AtomrViewEvent        *event,
                          GError               **error)
{
  report (TEST_REGION (actor)->probe, "region", event);
  if (g_strcmp0 (atomr_view_event_get_key (event), "boom") == 0)
    {
      g_set_error_literal (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED, "the side panel broke");
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
  g_autoptr(GVariant) address = NULL;

  g_variant_get (message, "(&sv)", NULL, &address);
  TEST_REGION (actor)->probe = atomr_view_actor_system_resolve_variant (atomr_view_context_get_system (context),
                                                                        address, error);
  return TEST_REGION (actor)->probe != NULL;
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
  region_class->render = test_region_render;
  region_class->handle_event = test_region_handle_event;
  region_class->receive_message = test_region_receive_message;
}

static void
test_region_init (TestRegion *self)
{
}

/* -- the fixture --------------------------------------------------------------- */

static const char form_scene[] =
  "{\"kind\": \"container\", \"children\": ["
  " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Order\"}},"
  " {\"kind\": \"container\", \"key\": \"form\", \"children\": ["
  "  {\"kind\": \"text-input\", \"key\": \"name\"},"
  "  {\"kind\": \"check\", \"key\": \"gift\", \"props\": {\"label\": \"Gift\"}},"
  "  {\"kind\": \"switch\", \"key\": \"express\"},"
  "  {\"kind\": \"slider\", \"key\": \"amount\"}]},"
  " {\"kind\": \"button\", \"props\": {\"label\": \"Send\"}},"
  " {\"kind\": \"region\", \"key\": \"side\"}]}";

typedef struct
{
  AtomrViewActorSystem *system;
  AtomrViewTestProbe   *probe;
  AtomrViewGtkBackend  *backend;
  AtomrViewUiBridge    *bridge;
  AtomrViewActorRef    *window;
} EventsFixture;

typedef struct
{
  AtomrViewActorRef *probe;
} WindowSetup;

static AtomrViewActor *
make_window (gpointer user_data)
{
  WindowSetup *setup = user_data;
  TestWindow *window = g_object_new (TEST_TYPE_WINDOW, "title", "Events", NULL);

  window->probe = g_object_ref (setup->probe);
  window->json = g_strdup (form_scene);
  return ATOMR_VIEW_ACTOR (window);
}

static void
window_setup_free (WindowSetup *setup)
{
  g_object_unref (setup->probe);
  g_free (setup);
}

static GtkWidget *
find_widget (EventsFixture *fixture,
             const char    *path)
{
  g_auto(GStrv) elements = *path != '\0' ? g_strsplit (path, "/", -1) : g_new0 (char *, 1);

  return atomr_view_gtk_backend_get_widget (fixture->backend, "main", (const char * const *) elements);
}

static void
events_setup (EventsFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(AtomrViewSupervisorStrategy) stop_children = NULL;
  g_autoptr(GError) error = NULL;
  WindowSetup *setup = g_new0 (WindowSetup, 1);

  fixture->system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "test", "default-threads", 2, NULL);
  fixture->probe = atomr_view_test_probe_new (fixture->system, "probe");
  fixture->backend = atomr_view_gtk_backend_new ();
  fixture->bridge = atomr_view_ui_bridge_new (fixture->system, ATOMR_VIEW_BACKEND (fixture->backend));
  setup->probe = g_object_ref (fixture->probe->ref);
  props = atomr_view_props_new_with_factory (make_window, setup, (GDestroyNotify) window_setup_free);
  /* A region that fails stops (the default would restart it), so that it leaves its placeholder. */
  stop_children = atomr_view_supervisor_strategy_new (ATOMR_VIEW_SUPERVISION_ONE_FOR_ONE, -1, 0);
  atomr_view_supervisor_strategy_set_default_directive (stop_children, ATOMR_VIEW_DIRECTIVE_STOP);
  atomr_view_props_set_supervisor_strategy (props, stop_children);
  fixture->window = atomr_view_actor_system_spawn (fixture->system, props, "main", &error);
  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL (find_widget (fixture, "form/amount") != NULL, TEST_DEADLINE_MS);
}

static void
events_teardown (EventsFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atomr_view_actor_system_shutdown (fixture->system, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->bridge);
  g_assert_finalize_object (fixture->backend);
  g_clear_pointer (&fixture->probe, atomr_view_test_probe_free);
  g_assert_finalize_object (fixture->system);
}

#define EVENTS_TEST(path, func) \
  g_test_add (path, EventsFixture, NULL, events_setup, func, events_teardown)

/* A report of the probe: who sent it, and the event. */
static AtomrViewEvent *
decode_report (AtomrViewTestProbeMessage *message,
               const char                *who)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  AtomrViewEvent *event;
  const char *reporter;

  g_variant_get (message->message, "(&sv)", &reporter, &value);
  g_assert_cmpstr (reporter, ==, who);
  event = atomr_view_event_new_from_variant (value, &error);
  g_assert_no_error (error);
  atomr_view_test_probe_message_free (message);
  g_assert_cmpstr (atomr_view_event_get_window_id (event), ==, "main");
  return event;
}

/* The next report of the probe, waited for while the UI runs. */
static AtomrViewEvent *
expect_event (EventsFixture *fixture,
              const char    *who)
{
  AtomrViewTestProbeMessage *message = NULL;

  ATOMR_VIEW_TEST_WAIT_UNTIL ((message = atomr_view_test_probe_try_pop (fixture->probe, 0)) != NULL,
                              TEST_DEADLINE_MS);
  return decode_report (message, who);
}

static void
assert_path (AtomrViewEvent *event,
             const char     *expected)
{
  g_autofree char *path = g_strjoinv ("/", (char **) atomr_view_event_get_path (event));

  g_assert_cmpstr (path, ==, expected);
}

/* -- the tests ------------------------------------------------------------------- */

static void
test_input_reaches_the_window_actor (EventsFixture *fixture,
                                     gconstpointer  data)
{
  GtkWidget *entry = find_widget (fixture, "form/name");
  AtomrViewEvent *event;
  int position = 0;

  g_signal_emit_by_name (find_widget (fixture, "#2"), "clicked");
  event = expect_event (fixture, "window");
  assert_path (event, "#2");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CLICKED);
  g_assert_null (atomr_view_event_get_value (event));
  atomr_view_event_unref (event);

  gtk_editable_insert_text (GTK_EDITABLE (entry), "Ada", -1, &position);
  event = expect_event (fixture, "window");
  assert_path (event, "form/name");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CHANGED);
  g_assert_cmpstr (g_variant_get_string (atomr_view_event_get_value (event), NULL), ==, "Ada");
  atomr_view_event_unref (event);

  g_signal_emit_by_name (entry, "activate");  /* what Enter does */
  event = expect_event (fixture, "window");
  assert_path (event, "form/name");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_ACTIVATE);
  g_assert_cmpstr (g_variant_get_string (atomr_view_event_get_value (event), NULL), ==, "Ada");
  atomr_view_event_unref (event);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (fixture, "form/gift")), TRUE);
  event = expect_event (fixture, "window");
  assert_path (event, "form/gift");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_TOGGLED);
  g_assert_true (g_variant_get_boolean (atomr_view_event_get_value (event)));
  atomr_view_event_unref (event);

  gtk_switch_set_active (GTK_SWITCH (find_widget (fixture, "form/express")), TRUE);
  event = expect_event (fixture, "window");
  assert_path (event, "form/express");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_TOGGLED);
  g_assert_true (g_variant_get_boolean (atomr_view_event_get_value (event)));
  atomr_view_event_unref (event);

  gtk_range_set_value (GTK_RANGE (find_widget (fixture, "form/amount")), 42.0);
  event = expect_event (fixture, "window");
  assert_path (event, "form/amount");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_VALUE_CHANGED);
  g_assert_cmpfloat (g_variant_get_double (atomr_view_event_get_value (event)), ==, 42.0);
  atomr_view_event_unref (event);
}

static void
test_region_input_reaches_the_region_actor (EventsFixture *fixture,
                                            gconstpointer  data)
{
  AtomrViewEvent *event;
  GtkWidget *ping;

  atomr_view_actor_ref_tell (fixture->window, g_variant_new ("(ss)", "region", "side"), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL ((ping = find_widget (fixture, "side/#0/ping")) != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ping)), ==, "Ping");

  g_signal_emit_by_name (ping, "clicked");
  event = expect_event (fixture, "region");
  /* The path starts below the root of the region's scene. */
  assert_path (event, "ping");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CLICKED);
  atomr_view_event_unref (event);

  /* The window's own button still goes to the window. */
  g_signal_emit_by_name (find_widget (fixture, "#2"), "clicked");
  event = expect_event (fixture, "window");
  assert_path (event, "#2");
  atomr_view_event_unref (event);
}

static void
assert_error_event (AtomrViewEvent *event,
                    const char     *domain,
                    const char     *part)
{
  const char *got_domain, *message;

  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_ERROR);
  assert_path (event, "");
  g_variant_get (atomr_view_event_get_value (event), "(&su&s)", &got_domain, NULL, &message);
  g_assert_cmpstr (got_domain, ==, domain);
  if (strstr (message, part) == NULL)
    g_error ("“%s” does not say “%s”", message, part);
}

/* Whether @widget or a widget inside it is a label showing @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (widget == NULL)
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* A region whose actor fails shows a placeholder; the rest of the window works. */
static void
test_failed_region (EventsFixture *fixture,
                    gconstpointer  data)
{
  AtomrViewEvent *event;
  GtkWidget *boom;

  atomr_view_actor_ref_tell (fixture->window, g_variant_new ("(ss)", "region", "side"), NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL ((boom = find_widget (fixture, "side/#0/boom")) != NULL, TEST_DEADLINE_MS);
  g_signal_emit_by_name (boom, "clicked");
  event = expect_event (fixture, "region");
  assert_path (event, "boom");
  atomr_view_event_unref (event);

  ATOMR_VIEW_TEST_WAIT_UNTIL (shows_label (find_widget (fixture, "side"), "This part of the window stopped working."),
                              TEST_DEADLINE_MS);
  g_assert_null (find_widget (fixture, "side/#0/ping"));

  g_signal_emit_by_name (find_widget (fixture, "#2"), "clicked");
  event = expect_event (fixture, "window");
  assert_path (event, "#2");
  atomr_view_event_unref (event);
  atomr_view_actor_ref_tell (fixture->window,
                             g_variant_new ("(ss)", "show",
                                            "{\"kind\": \"container\", \"children\": ["
                                            " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"Still here\"}},"
                                            " {\"kind\": \"region\", \"key\": \"side\"}]}"),
                             NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (g_strcmp0 (gtk_label_get_text (GTK_LABEL (find_widget (fixture, "title"))), "Still here") == 0,
                              TEST_DEADLINE_MS);
  g_assert_true (shows_label (find_widget (fixture, "side"), "This part of the window stopped working."));
}

static void
test_malformed_patch (EventsFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_patch_unref);
  g_autoptr(GError) error = NULL;
  const guint title[] = { 0 };
  const guint nowhere[] = { 1, 9 };
  AtomrViewEvent *event;

  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (title, 1, "text", g_variant_new_string ("Changed")));
  g_ptr_array_add (patches, atomr_view_patch_new_set_prop (nowhere, 2, "text", g_variant_new_string ("x")));
  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING, "Window “main” keeps its last good scene*");
  g_assert_false (atomr_view_ui_bridge_post_patches (fixture->bridge, "main", patches, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, ATOMR_VIEW_SCENE_ERROR, ATOMR_VIEW_SCENE_ERROR_PATCH_MISMATCH);

  event = expect_event (fixture, "window");
  assert_error_event (event, "atomr-view-scene-error-quark", "patches[1]");
  atomr_view_event_unref (event);

  /* Nothing changed; the window still works. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (fixture, "title"))), ==, "Order");
  g_signal_emit_by_name (find_widget (fixture, "#2"), "clicked");
  event = expect_event (fixture, "window");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CLICKED);
  atomr_view_event_unref (event);
}

static void
test_unknown_property (EventsFixture *fixture,
                       gconstpointer  data)
{
  GtkWidget *title = find_widget (fixture, "title");
  GtkWidget *name = find_widget (fixture, "form/name");
  AtomrViewEvent *event;

  g_test_expect_message ("AtomrView", G_LOG_LEVEL_WARNING, "Window “main” keeps its last good scene*/form/name*");
  atomr_view_actor_ref_tell (fixture->window,
                             g_variant_new ("(ss)", "show",
                                            "{\"kind\": \"container\", \"children\": ["
                                            " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"New\"}},"
                                            " {\"kind\": \"container\", \"key\": \"form\", \"children\": ["
                                            "  {\"kind\": \"text-input\", \"key\": \"name\","
                                            "   \"props\": {\"frobnicate\": true}}]}]}"),
                             NULL);
  event = expect_event (fixture, "window");
  g_test_assert_expected_messages ();
  assert_error_event (event, "atomr-view-ui-error-quark", "“frobnicate”");
  atomr_view_event_unref (event);

  /* The widgets are those of the last good scene. */
  g_assert_true (find_widget (fixture, "title") == title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Order");
  g_assert_true (find_widget (fixture, "form/name") == name);
  g_assert_nonnull (find_widget (fixture, "form/gift"));
  g_assert_nonnull (find_widget (fixture, "#2"));

  /* A good scene after it is shown. */
  atomr_view_actor_ref_tell (fixture->window,
                             g_variant_new ("(ss)", "show",
                                            "{\"kind\": \"container\", \"children\": ["
                                            " {\"kind\": \"text\", \"key\": \"title\", \"props\": {\"text\": \"New\"}}]}"),
                             NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (g_str_equal (gtk_label_get_text (GTK_LABEL (title)), "New"), TEST_DEADLINE_MS);
  g_assert_null (find_widget (fixture, "form"));
}

static void
test_frames (EventsFixture *fixture,
             gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (atomr_view_gtk_backend_get_window (fixture->backend, "main"));
  AtomrViewTestProbeMessage *message = NULL;
  gint64 before = g_get_monotonic_time ();
  AtomrViewEvent *event;

  /* Ticks go only to window actors that ask: none has come so far. */
  g_assert_null (atomr_view_test_probe_try_pop (fixture->probe, 0));
  atomr_view_actor_ref_tell (fixture->window, g_variant_new ("(ss)", "frames", ""), NULL);
  /* The actor asks on its own thread: keep painting until a tick arrives. */
  ATOMR_VIEW_TEST_WAIT_UNTIL ((gtk_widget_queue_draw (window),
                               (message = atomr_view_test_probe_try_pop (fixture->probe, 0)) != NULL),
                              TEST_DEADLINE_MS);
  event = decode_report (message, "window");
  assert_path (event, "");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_FRAME);
  g_assert_cmpint (g_variant_get_int64 (atomr_view_event_get_value (event)), >=, before);
  atomr_view_event_unref (event);
}

static void
test_close_request (EventsFixture *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = atomr_view_gtk_backend_get_window (fixture->backend, "main");
  AtomrViewEvent *event;

  gtk_window_close (window);
  /* The backend does not close it: the actor decides, and by default stops, which closes it. */
  event = expect_event (fixture, "window");
  assert_path (event, "");
  g_assert_cmpstr (atomr_view_event_get_signal (event), ==, ATOMR_VIEW_SIGNAL_CLOSE_REQUEST);
  atomr_view_event_unref (event);
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_gtk_backend_get_window (fixture->backend, "main") == NULL,
                              TEST_DEADLINE_MS);
  ATOMR_VIEW_TEST_WAIT_UNTIL (atomr_view_actor_ref_is_terminated (fixture->window), TEST_DEADLINE_MS);
}

/* -- a click and the frame that shows its result ------------------------------- */

/* A window actor whose button says how many times it was clicked. */
#define TEST_TYPE_CLICK_COUNTER (test_click_counter_get_type ())
G_DECLARE_FINAL_TYPE (TestClickCounter, test_click_counter, TEST, CLICK_COUNTER, AtomrViewWindowActor)

struct _TestClickCounter
{
  AtomrViewWindowActor parent_instance;
  guint                clicks;
};

G_DEFINE_FINAL_TYPE (TestClickCounter, test_click_counter, ATOMR_VIEW_TYPE_WINDOW_ACTOR)

static AtomrViewNode *
test_click_counter_render (AtomrViewWindowActor *actor)
{
  g_autoptr(AtomrViewNodeBuilder) button = atomr_view_node_builder_new (ATOMR_VIEW_KIND_BUTTON);
  g_autoptr(AtomrViewNodeBuilder) root = atomr_view_node_builder_new (ATOMR_VIEW_KIND_CONTAINER);
  g_autoptr(AtomrViewNode) button_node = NULL;
  g_autofree char *label = g_strdup_printf ("%u", TEST_CLICK_COUNTER (actor)->clicks);

  atomr_view_node_builder_set_key (button, "count");
  atomr_view_node_builder_set_string (button, ATOMR_VIEW_PROP_LABEL, label);
  button_node = atomr_view_node_builder_end (button, NULL);
  atomr_view_node_builder_add_child (root, button_node);
  return atomr_view_node_builder_end (root, NULL);
}

static gboolean
test_click_counter_handle_event (AtomrViewWindowActor  *actor,
                                 AtomrViewContext      *context,
                                 AtomrViewEvent        *event,
                                 GError               **error)
{
  if (!g_str_equal (atomr_view_event_get_signal (event), ATOMR_VIEW_SIGNAL_CLICKED))
    return ATOMR_VIEW_WINDOW_ACTOR_CLASS (test_click_counter_parent_class)->handle_event (actor, context, event, error);
  TEST_CLICK_COUNTER (actor)->clicks++;
  atomr_view_window_actor_invalidate (actor);
  return TRUE;
}

static void
test_click_counter_class_init (TestClickCounterClass *klass)
{
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->render = test_click_counter_render;
  ATOMR_VIEW_WINDOW_ACTOR_CLASS (klass)->handle_event = test_click_counter_handle_event;
}

static void
test_click_counter_init (TestClickCounter *self)
{
}

typedef struct
{
  GtkWidget *button;
  gint64     last_paint;
  gboolean   clicked;
  char      *shown;       /* the button's label in the first frame painted after the click */
} ClickWatch;

static void
click_watch_after_paint (GdkFrameClock *clock,
                         ClickWatch    *watch)
{
  watch->last_paint = g_get_monotonic_time ();
  if (watch->clicked && watch->shown == NULL)
    watch->shown = g_strdup (gtk_button_get_label (GTK_BUTTON (watch->button)));
}

/* What a click does inside GTK's event dispatch: the button is drawn again
 * (its pressed look), and its handler runs. */
static gboolean
click_cb (gpointer data)
{
  ClickWatch *watch = data;

  gtk_widget_queue_draw (watch->button);
  g_signal_emit_by_name (watch->button, "clicked");
  watch->clicked = TRUE;
  return G_SOURCE_REMOVE;
}

/* A window actor on the ui dispatcher shows what a click changed in the
 * frame that follows the click, as a handler that changes the widget
 * itself does, not in the frame after that one. */
static void
test_click_shows_in_the_next_frame (void)
{
  g_autoptr(AtomrViewActorSystem) system = g_object_new (ATOMR_VIEW_TYPE_ACTOR_SYSTEM, "name", "clicks", NULL);
  g_autoptr(AtomrViewGtkBackend) backend = atomr_view_gtk_backend_new ();
  g_autoptr(AtomrViewUiBridge) bridge = atomr_view_ui_bridge_new (system, ATOMR_VIEW_BACKEND (backend));
  g_autoptr(AtomrViewProps) props = atomr_view_props_new (TEST_TYPE_CLICK_COUNTER);
  g_autoptr(AtomrViewActorRef) window_actor = NULL;
  g_autoptr(GError) error = NULL;
  const char *path[] = { "count", NULL };
  ClickWatch watch = { NULL, 0, FALSE, NULL };
  GdkFrameClock *clock;
  GtkWidget *window;
  gulong handler;

  atomr_view_props_set_dispatcher (props, "ui");
  window_actor = atomr_view_actor_system_spawn (system, props, "main", &error);
  g_assert_no_error (error);
  ATOMR_VIEW_TEST_WAIT_UNTIL ((watch.button = atomr_view_gtk_backend_get_widget (backend, "main", path)) != NULL,
                              TEST_DEADLINE_MS);
  window = GTK_WIDGET (atomr_view_gtk_backend_get_window (backend, "main"));
  ATOMR_VIEW_TEST_WAIT_UNTIL (gtk_widget_get_mapped (window) && gtk_widget_get_frame_clock (window) != NULL,
                              TEST_DEADLINE_MS);
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (click_watch_after_paint), &watch);
  /* Painted, then quiet long enough that the next frame is not held back
   * to the display's rate: it comes as soon as something asks for it. */
  gtk_widget_queue_draw (window);
  ATOMR_VIEW_TEST_WAIT_UNTIL (watch.last_paint != 0 && g_get_monotonic_time () - watch.last_paint > 50000,
                              TEST_DEADLINE_MS);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (watch.button)), ==, "0");

  g_idle_add_full (G_PRIORITY_DEFAULT, click_cb, &watch, NULL);
  ATOMR_VIEW_TEST_WAIT_UNTIL (watch.shown != NULL, TEST_DEADLINE_MS);
  g_assert_cmpstr (watch.shown, ==, "1");

  g_signal_handler_disconnect (clock, handler);
  g_free (watch.shown);
  g_assert_true (atomr_view_actor_system_shutdown (system, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_fixture_init (&argc, &argv);

  EVENTS_TEST ("/AtomrViewGtk/Events/input-reaches-the-window-actor", test_input_reaches_the_window_actor);
  EVENTS_TEST ("/AtomrViewGtk/Events/region-input-reaches-the-region-actor", test_region_input_reaches_the_region_actor);
  EVENTS_TEST ("/AtomrViewGtk/Events/failed-region", test_failed_region);
  EVENTS_TEST ("/AtomrViewGtk/Events/malformed-patch", test_malformed_patch);
  EVENTS_TEST ("/AtomrViewGtk/Events/unknown-property", test_unknown_property);
  EVENTS_TEST ("/AtomrViewGtk/Events/frames", test_frames);
  EVENTS_TEST ("/AtomrViewGtk/Events/close-request", test_close_request);
  g_test_add_func ("/AtomrViewGtk/Events/click-shows-in-the-next-frame", test_click_shows_in_the_next_frame);

  return g_test_run ();
}

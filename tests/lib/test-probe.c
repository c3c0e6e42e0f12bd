/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "test-probe.h"

#define PROBE_TYPE_ACTOR (probe_actor_get_type ())
G_DECLARE_FINAL_TYPE (ProbeActor, probe_actor, PROBE, ACTOR, AtomrViewActor)

struct _ProbeActor
{
  AtomrViewActor  parent_instance;
  GAsyncQueue    *queue;
};

G_DEFINE_FINAL_TYPE (ProbeActor, probe_actor, ATOMR_VIEW_TYPE_ACTOR)

static gboolean
probe_actor_receive (AtomrViewActor    *actor,
                     AtomrViewContext  *context,
                     GVariant          *message,
                     GError           **error)
{
  ProbeActor *self = PROBE_ACTOR (actor);
  AtomrViewTestProbeMessage *copy = g_new0 (AtomrViewTestProbeMessage, 1);
  AtomrViewActorRef *sender = atomr_view_context_get_sender (context);

  copy->message = g_variant_ref (message);
  copy->sender = sender ? g_object_ref (sender) : NULL;
  g_async_queue_push (self->queue, copy);
  return TRUE;
}

static void
probe_actor_finalize (GObject *object)
{
  g_async_queue_unref (PROBE_ACTOR (object)->queue);
  G_OBJECT_CLASS (probe_actor_parent_class)->finalize (object);
}

static void
probe_actor_class_init (ProbeActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = probe_actor_finalize;
  ATOMR_VIEW_ACTOR_CLASS (klass)->receive = probe_actor_receive;
}

static void
probe_actor_init (ProbeActor *self)
{
}

static AtomrViewActor *
make_probe_actor (gpointer user_data)
{
  ProbeActor *actor = g_object_new (PROBE_TYPE_ACTOR, NULL);

  actor->queue = g_async_queue_ref (user_data);
  return ATOMR_VIEW_ACTOR (actor);
}

void
atomr_view_test_probe_message_free (AtomrViewTestProbeMessage *message)
{
  g_variant_unref (message->message);
  g_clear_object (&message->sender);
  g_free (message);
}

AtomrViewTestProbe *
atomr_view_test_probe_new (AtomrViewActorSystem *system,
                           const char           *name)
{
  AtomrViewTestProbe *probe = g_new0 (AtomrViewTestProbe, 1);
  g_autoptr(AtomrViewProps) props = NULL;
  g_autoptr(GError) error = NULL;

  probe->queue = g_async_queue_new_full ((GDestroyNotify) atomr_view_test_probe_message_free);
  props = atomr_view_props_new_with_factory (make_probe_actor, g_async_queue_ref (probe->queue),
                                             (GDestroyNotify) g_async_queue_unref);
  probe->ref = atomr_view_actor_system_spawn (system, props, name, &error);
  g_assert_no_error (error);
  return probe;
}

void
atomr_view_test_probe_free (AtomrViewTestProbe *probe)
{
  g_clear_object (&probe->ref);
  g_async_queue_unref (probe->queue);
  g_free (probe);
}

AtomrViewTestProbeMessage *
atomr_view_test_probe_expect_full (AtomrViewTestProbe *probe,
                                   guint               timeout_ms)
{
  AtomrViewTestProbeMessage *message =
    g_async_queue_timeout_pop (probe->queue, (guint64) timeout_ms * 1000);

  if (message == NULL)
    g_error ("probe %s: no message within %u ms", atomr_view_actor_ref_get_path (probe->ref), timeout_ms);
  return message;
}

GVariant *
atomr_view_test_probe_expect (AtomrViewTestProbe *probe,
                              guint               timeout_ms)
{
  AtomrViewTestProbeMessage *message = atomr_view_test_probe_expect_full (probe, timeout_ms);
  GVariant *value = g_variant_ref (message->message);

  atomr_view_test_probe_message_free (message);
  return value;
}

void
atomr_view_test_probe_expect_nothing (AtomrViewTestProbe *probe,
                                      guint               window_ms)
{
  AtomrViewTestProbeMessage *message =
    g_async_queue_timeout_pop (probe->queue, (guint64) window_ms * 1000);

  if (message != NULL)
    {
      g_autofree char *text = g_variant_print (message->message, TRUE);

      g_error ("probe %s: expected nothing, got %s", atomr_view_actor_ref_get_path (probe->ref), text);
    }
}

void
atomr_view_test_probe_expect_equal (AtomrViewTestProbe *probe,
                                    GVariant           *expected,
                                    guint               timeout_ms)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (expected);
  g_autoptr(GVariant) got = atomr_view_test_probe_expect (probe, timeout_ms);

  if (!g_variant_equal (got, owned))
    {
      g_autofree char *want = g_variant_print (owned, TRUE);
      g_autofree char *have = g_variant_print (got, TRUE);

      g_error ("probe %s: expected %s, got %s", atomr_view_actor_ref_get_path (probe->ref), want, have);
    }
}

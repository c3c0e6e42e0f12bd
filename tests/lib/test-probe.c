/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "test-probe.h"

#include "atomr-view-lock-private.h"
#include "atomr-view-refcount-private.h"

/* A blocking queue on the runtime's pthread locks, so that ThreadSanitizer
 * sees the hand-over (GAsyncQueue's GMutex is invisible to it). */
struct _AtomrViewTestQueue
{
  AtomrViewRefCount ref_count;
  AtomrViewLock   lock;
  AtomrViewCond   cond;
  GQueue          items;
};

static AtomrViewTestQueue *
test_queue_new (void)
{
  AtomrViewTestQueue *queue = g_new0 (AtomrViewTestQueue, 1);

  atomr_view_ref_count_init (&queue->ref_count);
  atomr_view_lock_init (&queue->lock);
  atomr_view_cond_init (&queue->cond);
  g_queue_init (&queue->items);
  return queue;
}

static AtomrViewTestQueue *
test_queue_ref (AtomrViewTestQueue *queue)
{
  atomr_view_ref_count_inc (&queue->ref_count);
  return queue;
}

static void
test_queue_unref (AtomrViewTestQueue *queue)
{
  if (!atomr_view_ref_count_dec (&queue->ref_count))
    return;
  g_queue_clear_full (&queue->items, (GDestroyNotify) atomr_view_test_probe_message_free);
  atomr_view_cond_clear (&queue->cond);
  atomr_view_lock_clear (&queue->lock);
  g_free (queue);
}

static void
test_queue_push (AtomrViewTestQueue *queue,
                 gpointer            item)
{
  atomr_view_lock (&queue->lock);
  g_queue_push_tail (&queue->items, item);
  atomr_view_cond_broadcast (&queue->cond);
  atomr_view_unlock (&queue->lock);
}

static gpointer
test_queue_pop (AtomrViewTestQueue *queue,
                guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gpointer item;

  atomr_view_lock (&queue->lock);
  while (queue->items.length == 0)
    if (!atomr_view_cond_wait_until (&queue->cond, &queue->lock, deadline))
      break;
  item = g_queue_pop_head (&queue->items);
  atomr_view_unlock (&queue->lock);
  return item;
}

#define PROBE_TYPE_ACTOR (probe_actor_get_type ())
G_DECLARE_FINAL_TYPE (ProbeActor, probe_actor, PROBE, ACTOR, AtomrViewActor)

struct _ProbeActor
{
  AtomrViewActor  parent_instance;
  AtomrViewTestQueue *queue;
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
  test_queue_push (self->queue, copy);
  return TRUE;
}

static void
probe_actor_finalize (GObject *object)
{
  test_queue_unref (PROBE_ACTOR (object)->queue);
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

  actor->queue = test_queue_ref (user_data);
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

  g_autofree char *dispatcher = g_strdup_printf ("probe-%s", name);

  probe->queue = test_queue_new ();
  props = atomr_view_props_new_with_factory (make_probe_actor, test_queue_ref (probe->queue),
                                             (GDestroyNotify) test_queue_unref);
  /* A thread of its own, so that an actor blocked in a test never holds up the probe. */
  g_assert_true (atomr_view_actor_system_add_dispatcher (system, dispatcher, 1, 0, &error));
  atomr_view_props_set_dispatcher (props, dispatcher);
  probe->ref = atomr_view_actor_system_spawn (system, props, name, &error);
  g_assert_no_error (error);
  return probe;
}

void
atomr_view_test_probe_free (AtomrViewTestProbe *probe)
{
  g_clear_object (&probe->ref);
  test_queue_unref (probe->queue);
  g_free (probe);
}

AtomrViewTestProbeMessage *
atomr_view_test_probe_expect_full (AtomrViewTestProbe *probe,
                                   guint               timeout_ms)
{
  AtomrViewTestProbeMessage *message = test_queue_pop (probe->queue, timeout_ms);

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
  AtomrViewTestProbeMessage *message = test_queue_pop (probe->queue, window_ms);

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

AtomrViewTestProbeMessage *
atomr_view_test_probe_try_pop (AtomrViewTestProbe *probe,
                               guint               timeout_ms)
{
  return test_queue_pop (probe->queue, timeout_ms);
}

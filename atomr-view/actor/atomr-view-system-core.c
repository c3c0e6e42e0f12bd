/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"
#include "atomr-view-actor-ref-private.h"
#include "atomr-view-enum-types.h"
#include "atomr-view-init-private.h"
#include "atomr-view-promise-private.h"
#include "atomr-view-system-core-private.h"

/* Dead letters published while publishing dead letters are only counted:
 * a dead subscriber of the dead-letter topic must not loop. */
static __thread gboolean publishing_dead_letter;

AtomrViewSystemCore *
atomr_view_system_core_new (const char *name)
{
  AtomrViewSystemCore *self = g_new0 (AtomrViewSystemCore, 1);

  atomic_init (&self->ref_count, 1);
  self->name = g_strdup (name);
  atomr_view_lock_init (&self->dispatchers_lock);
  self->dispatchers = g_hash_table_new (g_str_hash, g_str_equal);
  self->stopped_dispatchers = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_dispatcher_free);
  atomr_view_lock_init (&self->termination_lock);
  atomr_view_cond_init (&self->termination_cond);
  for (guint i = 0; i < ATOMR_VIEW_N_CHILDREN_LOCKS; i++)
    atomr_view_lock_init (&self->children_locks[i]);
  atomr_view_lock_init (&self->topics_lock);
  self->topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  atomic_init (&self->next_uid, 1);
  return self;
}

AtomrViewSystemCore *
atomr_view_system_core_ref (AtomrViewSystemCore *self)
{
  atomic_fetch_add_explicit (&self->ref_count, 1, memory_order_relaxed);
  return self;
}

void
atomr_view_system_core_unref (AtomrViewSystemCore *self)
{
  if (atomic_fetch_sub_explicit (&self->ref_count, 1, memory_order_acq_rel) != 1)
    return;

  /* The system object freed the dispatchers and topics when it shut down. */
  g_assert (g_hash_table_size (self->dispatchers) == 0);
  g_hash_table_unref (self->dispatchers);
  g_ptr_array_unref (self->stopped_dispatchers);
  g_hash_table_unref (self->topics);
  atomr_view_lock_clear (&self->topics_lock);
  for (guint i = 0; i < ATOMR_VIEW_N_CHILDREN_LOCKS; i++)
    atomr_view_lock_clear (&self->children_locks[i]);
  atomr_view_cond_clear (&self->termination_cond);
  atomr_view_lock_clear (&self->termination_lock);
  atomr_view_lock_clear (&self->dispatchers_lock);
  g_free (self->name);
  g_free (self);
}

/* Striped locks guard the children lists: many actors, few locks. */
AtomrViewLock *
atomr_view_system_core_children_lock (AtomrViewSystemCore *self,
                                      AtomrViewCell       *cell)
{
  guintptr hash = (guintptr) cell;

  hash ^= hash >> 17;
  hash *= 0x9E3779B97F4A7C15ull;
  return &self->children_locks[(hash >> 32) % ATOMR_VIEW_N_CHILDREN_LOCKS];
}

AtomrViewDispatcher *
atomr_view_system_core_lookup_dispatcher (AtomrViewSystemCore  *self,
                                          const char           *name,
                                          GError              **error)
{
  AtomrViewDispatcher *dispatcher;

  atomr_view_lock (&self->dispatchers_lock);
  dispatcher = g_hash_table_lookup (self->dispatchers, name);
  atomr_view_unlock (&self->dispatchers_lock);

  if (dispatcher == NULL)
    g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_UNKNOWN_DISPATCHER,
                 _("The actor system “%s” has no dispatcher named “%s”"), self->name, name);
  return dispatcher;
}

/* Whether the calling thread may wait for room in a full mailbox: not a
 * dispatcher thread, and not the UI thread while it runs its main context. */
gboolean
atomr_view_system_core_may_block (AtomrViewSystemCore *self)
{
  if (atomr_view_dispatcher_in_any_thread ())
    return FALSE;
  if (self->ui_dispatcher != NULL && g_main_context_is_owner (g_main_context_default ()))
    return FALSE;
  return TRUE;
}

static const char *
reason_nick (AtomrViewDeadLetterReason reason)
{
  GEnumClass *klass = g_type_class_ref (ATOMR_VIEW_TYPE_DEAD_LETTER_REASON);
  GEnumValue *value = g_enum_get_value (klass, reason);

  g_type_class_unref (klass);
  return value ? value->value_nick : "unknown";
}

/* Any thread. Takes @envelope. */
void
atomr_view_system_core_dead_letter (AtomrViewSystemCore       *self,
                                    AtomrViewCell             *recipient,
                                    AtomrViewEnvelope         *envelope,
                                    AtomrViewDeadLetterReason  reason)
{
  AtomrViewActorRef *sender = envelope->user.sender;
  AtomrViewPromise *promise;

  atomic_fetch_add_explicit (&self->dead_letters, 1, memory_order_relaxed);

  if (envelope->kind != ATOMR_VIEW_ENVELOPE_USER)
    {
      atomr_view_envelope_free (envelope);
      return;
    }

  g_debug ("Dead letter to %s (%s)", atomr_view_cell_get_path (recipient), reason_nick (reason));

  /* A question that can no longer be answered fails at once. */
  promise = sender ? atomr_view_actor_ref_get_promise (sender) : NULL;
  if (promise != NULL)
    {
      if (reason == ATOMR_VIEW_DEAD_LETTER_MAILBOX_FULL)
        atomr_view_promise_fail (promise, g_error_new (ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL,
                                                       _("The mailbox of %s is full"),
                                                       atomr_view_cell_get_path (recipient)));
      else
        atomr_view_promise_fail (promise, g_error_new (ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR,
                                                       _("%s terminated before replying"),
                                                       atomr_view_cell_get_path (recipient)));
    }

  if (!publishing_dead_letter)
    {
      publishing_dead_letter = TRUE;
      atomr_view_system_core_publish (self, ATOMR_VIEW_TOPIC_DEAD_LETTERS,
                                      g_variant_new ("(svs)", atomr_view_cell_get_path (recipient),
                                                     envelope->user.message, reason_nick (reason)));
      publishing_dead_letter = FALSE;
    }
  atomr_view_envelope_free (envelope);
}

static gpointer
copy_ref (gconstpointer ref,
          gpointer      user_data)
{
  return g_object_ref ((gpointer) ref);
}

/* Any thread. Sinks @message. */
guint
atomr_view_system_core_publish (AtomrViewSystemCore *self,
                                const char          *topic,
                                GVariant            *message)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (message);
  g_autoptr(GPtrArray) subscribers = NULL;
  GPtrArray *current;

  atomr_view_lock (&self->topics_lock);
  current = g_hash_table_lookup (self->topics, topic);
  if (current != NULL && current->len > 0)
    subscribers = g_ptr_array_copy (current, copy_ref, NULL);
  atomr_view_unlock (&self->topics_lock);

  if (subscribers == NULL)
    return 0;
  g_ptr_array_set_free_func (subscribers, g_object_unref);
  for (guint i = 0; i < subscribers->len; i++)
    atomr_view_actor_ref_tell (g_ptr_array_index (subscribers, i), owned, NULL);
  return subscribers->len;
}

void
atomr_view_system_core_root_terminated (AtomrViewSystemCore *self)
{
  atomr_view_lock (&self->termination_lock);
  atomic_store (&self->terminated, 1);
  atomr_view_cond_broadcast (&self->termination_cond);
  atomr_view_unlock (&self->termination_lock);
  /* run() may be waiting in the default main context. */
  g_main_context_wakeup (g_main_context_default ());
}

guint64
atomr_view_system_core_next_uid (AtomrViewSystemCore *self)
{
  return atomic_fetch_add_explicit (&self->next_uid, 1, memory_order_relaxed);
}

/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor.h"
#include "atomr-view-actor-error.h"
#include "atomr-view-actor-private.h"
#include "atomr-view-actor-ref-private.h"
#include "atomr-view-cell-private.h"
#include "atomr-view-context-private.h"
#include "atomr-view-init-private.h"
#include "atomr-view-promise-private.h"
#include "atomr-view-props-private.h"
#include "atomr-view-supervisor-strategy-private.h"
#include "atomr-view-system-core-private.h"
#include "atomr-view-timer-private.h"

/* Past this many children a name index replaces the linear scan. */
#define CHILDREN_INDEX_THRESHOLD 8
#define MAX_NAME_LENGTH          255

typedef struct
{
  AtomrViewReceiveFunc func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Behaviour;

typedef struct
{
  GSource        source;
  AtomrViewCell *cell;
} ReceiveTimeoutSource;

/* What only some actors use, allocated on first use to keep idle actors small. */
struct _AtomrViewCellExtras
{
  GPtrArray         *watchers;           /* AtomrViewActorRef watching us */
  GPtrArray         *watching;           /* AtomrViewActorRef we watch */
  GQueue             stash;
  GQueue             unstashed;          /* handled before the mailbox */
  GArray            *behaviours;         /* Behaviour stack of become() */
  GArray            *retired;            /* Behaviours to free after the current message */
  GHashTable        *timers;             /* key -> AtomrViewTimer */
  guint              receive_timeout_ms;
  GSource           *receive_timeout_source;
  gint64             last_activity;
  GError            *restart_cause;      /* while RESTARTING */
  AtomrViewActorRef *escalated_child;    /* whose failure we escalated */
};

static void schedule          (AtomrViewCell *self);
static void fail              (AtomrViewCell *self, const GError *error);
static void finish_terminate  (AtomrViewCell *self, AtomrViewContext *context);
static void drain_terminated  (AtomrViewCell *self);

static AtomrViewCellExtras *
get_extras (AtomrViewCell *self)
{
  if (self->extras == NULL)
    {
      self->extras = g_new0 (AtomrViewCellExtras, 1);
      g_queue_init (&self->extras->stash);
      g_queue_init (&self->extras->unstashed);
    }
  return self->extras;
}

static AtomrViewCell *
cell_new (AtomrViewSystemCore       *system,
          AtomrViewCell             *parent,
          const char                *name,
          AtomrViewProps            *props,
          AtomrViewDispatcherThread *thread)
{
  AtomrViewCell *self = g_new0 (AtomrViewCell, 1);

  atomic_init (&self->ref_count, 1);
  atomr_view_mailbox_init (&self->mailbox,
                           atomr_view_props_get_mailbox_capacity (props),
                           atomr_view_props_get_overflow_policy (props),
                           atomr_view_props_get_block_timeout (props));
  self->system = atomr_view_system_core_ref (system);
  self->parent = parent ? atomr_view_cell_ref (parent) : NULL;
  self->thread = thread;
  self->props = atomr_view_props_ref (props);
  self->uid = atomr_view_system_core_next_uid (system);
  if (name != NULL)
    self->name = g_strdup (name);
  else
    self->name = g_strdup_printf ("$%" G_GINT64_MODIFIER "x", self->uid);
  self->throughput = thread->dispatcher->throughput;
  self->accepts_children = TRUE;
  self->state = ATOMR_VIEW_CELL_CREATED;
  self->self_ref = atomr_view_actor_ref_new_local (self);
  return self;
}

AtomrViewCell *
atomr_view_cell_new_root (AtomrViewSystemCore       *system,
                          AtomrViewProps            *props,
                          AtomrViewDispatcherThread *thread)
{
  /* The caller sends CREATE once the guardians below the root exist. */
  return cell_new (system, NULL, "", props, thread);
}

AtomrViewCell *
atomr_view_cell_ref (AtomrViewCell *self)
{
  atomic_fetch_add_explicit (&self->ref_count, 1, memory_order_relaxed);
  return self;
}

void
atomr_view_cell_unref (AtomrViewCell *self)
{
  if (atomic_fetch_sub_explicit (&self->ref_count, 1, memory_order_acq_rel) != 1)
    return;

  g_assert (self->self_ref == NULL);
  g_assert (self->first_child == NULL);
  g_assert (self->extras == NULL);
  g_assert (self->actor == NULL);
  atomr_view_mailbox_clear (&self->mailbox);
  g_clear_pointer (&self->children_index, g_hash_table_unref);
  g_clear_pointer (&self->restart_times, g_array_unref);
  g_free (atomic_load_explicit (&self->path, memory_order_relaxed));
  g_free (self->name);
  atomr_view_props_unref (self->props);
  g_clear_pointer (&self->parent, atomr_view_cell_unref);
  atomr_view_system_core_unref (self->system);
  g_free (self);
}

gboolean
atomr_view_cell_is_terminated (AtomrViewCell *self)
{
  return atomic_load_explicit (&self->terminated, memory_order_acquire);
}

AtomrViewCell *
atomr_view_cell_get_parent (AtomrViewCell *self)
{
  return self->parent;
}

const char *
atomr_view_cell_get_path (AtomrViewCell *self)
{
  char *path = atomic_load_explicit (&self->path, memory_order_acquire);
  char *expected = NULL;

  if (path != NULL)
    return path;

  if (self->parent == NULL)
    path = g_strdup ("/");
  else
    {
      const char *parent_path = atomr_view_cell_get_path (self->parent);

      path = g_strconcat (parent_path[1] == '\0' ? "" : parent_path, "/", self->name, NULL);
    }

  if (!atomic_compare_exchange_strong (&self->path, &expected, path))
    {
      g_free (path);
      return expected;
    }
  return path;
}

static AtomrViewLock *
self_ref_lock (AtomrViewCell *self)
{
  return atomr_view_system_core_children_lock (self->system, self->parent ? self->parent : self);
}

/* Any thread. The parent clears the child's self_ref when it unlinks it,
 * under the same lock; after that a new ActorRef is made for the cell. */
AtomrViewActorRef *
atomr_view_cell_dup_ref (AtomrViewCell *self)
{
  AtomrViewLock *lock = self_ref_lock (self);
  AtomrViewActorRef *ref;

  atomr_view_lock (lock);
  ref = self->self_ref ? g_object_ref (self->self_ref) : NULL;
  atomr_view_unlock (lock);

  return ref ? ref : atomr_view_actor_ref_new_local (self);
}

/* ---- children ---------------------------------------------------------- */

static gboolean
validate_name (const char  *name,
               GError     **error)
{
  gsize length = strlen (name);

  if (length == 0 || length > MAX_NAME_LENGTH || !g_utf8_validate (name, length, NULL) ||
      name[0] == '$' || strchr (name, '/') != NULL || strchr (name, ':') != NULL ||
      g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
                   _("“%s” is not a valid actor name: names are 1 to %d bytes of UTF-8 "
                     "without “/” or “:”, and do not start with “$”"),
                   name, MAX_NAME_LENGTH);
      return FALSE;
    }
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_NAME,
                     _("An actor name must not contain control characters"));
        return FALSE;
      }
  return TRUE;
}

/* Under the children lock. */
static AtomrViewCell *
find_child_locked (AtomrViewCell *self,
                   const char    *name)
{
  if (self->children_index != NULL)
    return g_hash_table_lookup (self->children_index, name);

  for (AtomrViewCell *child = self->first_child; child; child = child->next_sibling)
    if (g_str_equal (child->name, name))
      return child;
  return NULL;
}

/* Under the children lock. */
static void
link_child_locked (AtomrViewCell *self,
                   AtomrViewCell *child)
{
  child->prev_sibling = self->last_child;
  if (self->last_child != NULL)
    self->last_child->next_sibling = child;
  else
    self->first_child = child;
  self->last_child = child;
  self->n_children++;

  if (self->children_index != NULL)
    g_hash_table_insert (self->children_index, child->name, child);
  else if (self->n_children > CHILDREN_INDEX_THRESHOLD)
    {
      self->children_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (AtomrViewCell *c = self->first_child; c; c = c->next_sibling)
        g_hash_table_insert (self->children_index, c->name, c);
    }
}

/* Under the children lock. */
static void
unlink_child_locked (AtomrViewCell *self,
                     AtomrViewCell *child)
{
  if (child->prev_sibling != NULL)
    child->prev_sibling->next_sibling = child->next_sibling;
  else
    self->first_child = child->next_sibling;
  if (child->next_sibling != NULL)
    child->next_sibling->prev_sibling = child->prev_sibling;
  else
    self->last_child = child->prev_sibling;
  child->prev_sibling = child->next_sibling = NULL;
  self->n_children--;
  if (self->children_index != NULL)
    g_hash_table_remove (self->children_index, child->name);
}

/* Any thread for the guardians; the parent's own thread otherwise. */
AtomrViewActorRef *
atomr_view_cell_spawn (AtomrViewCell   *parent,
                       AtomrViewProps  *props,
                       const char      *name,
                       GError         **error)
{
  AtomrViewSystemCore *system = parent->system;
  AtomrViewDispatcher *dispatcher;
  AtomrViewCell *child;
  AtomrViewLock *lock;
  const char *dispatcher_name;

  if (name != NULL && !validate_name (name, error))
    return NULL;

  dispatcher_name = atomr_view_props_get_dispatcher (props);
  dispatcher = atomr_view_system_core_lookup_dispatcher (system, dispatcher_name ? dispatcher_name : "default", error);
  if (dispatcher == NULL)
    return NULL;

  child = cell_new (system, parent, name, props, atomr_view_dispatcher_pick_thread (dispatcher));

  lock = atomr_view_system_core_children_lock (system, parent);
  atomr_view_lock (lock);
  if (!parent->accepts_children || (name != NULL && find_child_locked (parent, name) != NULL))
    {
      gboolean taken = parent->accepts_children;

      atomr_view_unlock (lock);
      if (taken)
        g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_NAME_TAKEN,
                     _("%s already has a child named “%s”"),
                     atomr_view_cell_get_path (parent), name);
      else if (atomic_load (&system->shutting_down))
        g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_SYSTEM_TERMINATED,
                     _("The actor system “%s” is shutting down"), system->name);
      else
        g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR,
                     _("Cannot spawn a child of %s: it is stopping"),
                     atomr_view_cell_get_path (parent));
      g_clear_object (&child->self_ref);
      atomr_view_cell_unref (child);
      return NULL;
    }
  /* The parent's list owns the reference cell_new() returned. */
  link_child_locked (parent, child);
  atomr_view_unlock (lock);

  atomr_view_cell_send_system (child, ATOMR_VIEW_ENVELOPE_CREATE, NULL, NULL);
  return g_object_ref (child->self_ref);
}

AtomrViewCell *
atomr_view_cell_lookup_child (AtomrViewCell *self,
                              const char    *name)
{
  AtomrViewLock *lock = atomr_view_system_core_children_lock (self->system, self);
  AtomrViewCell *child;

  atomr_view_lock (lock);
  child = find_child_locked (self, name);
  if (child != NULL)
    atomr_view_cell_ref (child);
  atomr_view_unlock (lock);
  return child;
}

/* Snapshot of the children as cells, each with a reference. */
static GPtrArray *
snapshot_children (AtomrViewCell *self)
{
  AtomrViewLock *lock = atomr_view_system_core_children_lock (self->system, self);
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_cell_unref);

  atomr_view_lock (lock);
  for (AtomrViewCell *child = self->first_child; child; child = child->next_sibling)
    g_ptr_array_add (cells, atomr_view_cell_ref (child));
  atomr_view_unlock (lock);
  return cells;
}

GPtrArray *
atomr_view_cell_dup_children (AtomrViewCell *self)
{
  g_autoptr(GPtrArray) cells = snapshot_children (self);
  GPtrArray *refs = g_ptr_array_new_full (cells->len, g_object_unref);

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (refs, atomr_view_cell_dup_ref (g_ptr_array_index (cells, i)));
  return refs;
}

/* ---- sending ----------------------------------------------------------- */

static void
schedule (AtomrViewCell *self)
{
  int expected = 0;

  if (atomic_load_explicit (&self->scheduled, memory_order_seq_cst) == 0 &&
      atomic_compare_exchange_strong (&self->scheduled, &expected, 1))
    atomr_view_dispatcher_thread_push (self->thread, atomr_view_cell_ref (self));
}

void
atomr_view_cell_send_system (AtomrViewCell         *self,
                             AtomrViewEnvelopeKind  kind,
                             AtomrViewActorRef     *subject,
                             const GError          *error)
{
  AtomrViewEnvelope *envelope = atomr_view_envelope_new_system (kind, subject, error);

  /* After shutdown no thread runs the cell any more. */
  if (G_UNLIKELY (atomic_load_explicit (&self->system->threads_stopped, memory_order_acquire)))
    {
      atomr_view_envelope_free (envelope);
      return;
    }
  atomr_view_mailbox_push_system (&self->mailbox, envelope);
  schedule (self);
}

/* Any thread. Takes @envelope. */
gboolean
atomr_view_cell_enqueue (AtomrViewCell      *self,
                         AtomrViewEnvelope  *envelope,
                         GError            **error)
{
  AtomrViewEnvelope *dropped = NULL;
  AtomrViewMailboxPushResult result;
  AtomrViewOverflowPolicy policy;
  gboolean may_block;

  if (G_UNLIKELY (atomr_view_cell_is_terminated (self)))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR,
                   _("%s has terminated"), atomr_view_cell_get_path (self));
      atomr_view_system_core_dead_letter (self->system, self, envelope, ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT);
      return FALSE;
    }

  policy = atomr_view_mailbox_get_policy (&self->mailbox);
  may_block = policy == ATOMR_VIEW_OVERFLOW_BLOCK && atomr_view_system_core_may_block (self->system);
  result = atomr_view_mailbox_push_user (&self->mailbox, envelope, may_block, &dropped);
  if (dropped != NULL)
    atomr_view_system_core_dead_letter (self->system, self, dropped, ATOMR_VIEW_DEAD_LETTER_MAILBOX_FULL);

  if (G_UNLIKELY (result == ATOMR_VIEW_MAILBOX_FULL))
    {
      /* Dropping the newest is the policy doing its job; only FAIL and BLOCK fail the sender. */
      gboolean sent = policy == ATOMR_VIEW_OVERFLOW_DROP_NEWEST;

      if (!sent)
        g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL,
                     _("The mailbox of %s is full"), atomr_view_cell_get_path (self));
      atomr_view_system_core_dead_letter (self->system, self, envelope, ATOMR_VIEW_DEAD_LETTER_MAILBOX_FULL);
      return sent;
    }

  schedule (self);
  return TRUE;
}

/* Any thread. Sinks @message. */
gboolean
atomr_view_cell_tell (AtomrViewCell      *self,
                      GVariant           *message,
                      AtomrViewActorRef  *sender,
                      GError            **error)
{
  const GVariantType *type = atomr_view_props_get_message_type (self->props);
  AtomrViewEnvelope *envelope = atomr_view_envelope_new_user (message, sender);

  if (G_UNLIKELY (type != NULL && !g_variant_is_of_type (envelope->user.message, type)))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE,
                   _("%s accepts messages of type “%.*s”, not “%s”"),
                   atomr_view_cell_get_path (self),
                   (int) g_variant_type_get_string_length (type), g_variant_type_peek_string (type),
                   g_variant_get_type_string (envelope->user.message));
      atomr_view_system_core_dead_letter (self->system, self, envelope, ATOMR_VIEW_DEAD_LETTER_REJECTED);
      return FALSE;
    }
  return atomr_view_cell_enqueue (self, envelope, error);
}

/* ---- watching ---------------------------------------------------------- */

static int
find_ref (GPtrArray         *refs,
          AtomrViewActorRef *ref)
{
  if (refs != NULL)
    for (guint i = 0; i < refs->len; i++)
      if (atomr_view_actor_ref_equal (g_ptr_array_index (refs, i), ref))
        return (int) i;
  return -1;
}

void
atomr_view_cell_watch (AtomrViewCell     *self,
                       AtomrViewActorRef *target)
{
  AtomrViewCell *target_cell = atomr_view_actor_ref_get_cell (target);
  AtomrViewCellExtras *extras;

  if (target_cell == NULL || target_cell == self)
    return;
  extras = get_extras (self);
  if (find_ref (extras->watching, target) >= 0)
    return;
  if (extras->watching == NULL)
    extras->watching = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extras->watching, g_object_ref (target));
  atomr_view_cell_send_system (target_cell, ATOMR_VIEW_ENVELOPE_WATCH, self->self_ref, NULL);
}

void
atomr_view_cell_unwatch (AtomrViewCell     *self,
                         AtomrViewActorRef *target)
{
  AtomrViewCell *target_cell = atomr_view_actor_ref_get_cell (target);
  int index;

  if (target_cell == NULL || self->extras == NULL)
    return;
  index = find_ref (self->extras->watching, target);
  if (index < 0)
    return;
  g_ptr_array_remove_index (self->extras->watching, index);
  atomr_view_cell_send_system (target_cell, ATOMR_VIEW_ENVELOPE_UNWATCH, self->self_ref, NULL);
}

static void
add_watcher (AtomrViewCell     *self,
             AtomrViewActorRef *watcher)
{
  AtomrViewCellExtras *extras = get_extras (self);

  if (find_ref (extras->watchers, watcher) >= 0)
    return;
  if (extras->watchers == NULL)
    extras->watchers = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (extras->watchers, g_object_ref (watcher));
}

static void
remove_watcher (AtomrViewCell     *self,
                AtomrViewActorRef *watcher)
{
  int index = self->extras ? find_ref (self->extras->watchers, watcher) : -1;

  if (index >= 0)
    g_ptr_array_remove_index (self->extras->watchers, index);
}

/* A failure the actor reported with atomr_view_actor_fail() during the call
 * that just returned counts as if the call had returned it; an error that the
 * call returned itself comes first. */
static gboolean
collect_reported_failure (AtomrViewCell  *self,
                          gboolean        ok,
                          GError        **error)
{
  g_autoptr(GError) reported = NULL;

  if (self->actor == NULL)
    return ok;
  reported = atomr_view_actor_steal_failure (self->actor);
  if (reported == NULL || (!ok && *error != NULL))
    return ok;
  g_clear_error (error);
  *error = g_steal_pointer (&reported);
  return FALSE;
}

static void
death_notice (AtomrViewCell     *self,
              AtomrViewContext  *context,
              AtomrViewActorRef *subject)
{
  int index = self->extras ? find_ref (self->extras->watching, subject) : -1;

  /* Exactly once: the first notice removes the entry, later ones find none. */
  if (index < 0)
    return;
  g_ptr_array_remove_index (self->extras->watching, index);
  if (self->actor != NULL)
    {
      g_autoptr(GError) error = NULL;

      atomr_view_context_enter (context, self, NULL);
      ATOMR_VIEW_ACTOR_GET_CLASS (self->actor)->terminated (self->actor, context, subject);
      atomr_view_context_leave (context);
      if (!collect_reported_failure (self, TRUE, &error))
        fail (self, error);
    }
}

/* ---- stash, become, timers --------------------------------------------- */

void
atomr_view_cell_stash (AtomrViewCell     *self,
                       AtomrViewEnvelope *envelope)
{
  g_queue_push_tail (&get_extras (self)->stash, envelope);
}

void
atomr_view_cell_unstash_all (AtomrViewCell *self)
{
  AtomrViewCellExtras *extras = self->extras;

  if (extras == NULL)
    return;
  /* Stashed messages go before everything else, in the order they came. */
  while (extras->stash.length > 0)
    g_queue_push_head (&extras->unstashed, g_queue_pop_tail (&extras->stash));
}

guint
atomr_view_cell_get_stash_size (AtomrViewCell *self)
{
  return self->extras ? self->extras->stash.length : 0;
}

static void
behaviour_clear (Behaviour *behaviour)
{
  if (behaviour->destroy != NULL)
    behaviour->destroy (behaviour->user_data);
}

static void
retire_behaviour (AtomrViewCellExtras *extras,
                  Behaviour           *behaviour)
{
  /* The behaviour may be the one running: free it after the message. */
  if (extras->retired == NULL)
    {
      extras->retired = g_array_new (FALSE, FALSE, sizeof (Behaviour));
      g_array_set_clear_func (extras->retired, (GDestroyNotify) behaviour_clear);
    }
  g_array_append_val (extras->retired, *behaviour);
}

void
atomr_view_cell_become (AtomrViewCell        *self,
                        AtomrViewReceiveFunc  func,
                        gpointer              user_data,
                        GDestroyNotify        destroy,
                        gboolean              discard_old)
{
  AtomrViewCellExtras *extras = get_extras (self);
  Behaviour behaviour = { func, user_data, destroy };

  if (extras->behaviours == NULL)
    extras->behaviours = g_array_new (FALSE, FALSE, sizeof (Behaviour));
  if (discard_old && extras->behaviours->len > 0)
    {
      retire_behaviour (extras, &g_array_index (extras->behaviours, Behaviour, extras->behaviours->len - 1));
      g_array_set_size (extras->behaviours, extras->behaviours->len - 1);
    }
  g_array_append_val (extras->behaviours, behaviour);
}

void
atomr_view_cell_unbecome (AtomrViewCell *self)
{
  AtomrViewCellExtras *extras = self->extras;

  if (extras == NULL || extras->behaviours == NULL || extras->behaviours->len == 0)
    return;
  retire_behaviour (extras, &g_array_index (extras->behaviours, Behaviour, extras->behaviours->len - 1));
  g_array_set_size (extras->behaviours, extras->behaviours->len - 1);
}

static void
clear_behaviours (AtomrViewCellExtras *extras)
{
  if (extras->behaviours != NULL)
    {
      for (guint i = 0; i < extras->behaviours->len; i++)
        behaviour_clear (&g_array_index (extras->behaviours, Behaviour, i));
      g_clear_pointer (&extras->behaviours, g_array_unref);
    }
  g_clear_pointer (&extras->retired, g_array_unref);
}

static void
timer_free (gpointer data)
{
  AtomrViewTimer *timer = data;

  atomr_view_timer_cancel (timer);
  atomr_view_timer_unref (timer);
}

void
atomr_view_cell_start_timer (AtomrViewCell *self,
                             const char    *key,
                             GVariant      *message,
                             guint          interval_ms,
                             gboolean       periodic)
{
  AtomrViewCellExtras *extras = get_extras (self);
  AtomrViewTimer *timer;

  if (extras->timers == NULL)
    extras->timers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, timer_free);
  /* Replacing a timer cancels the old one; its queued message is dropped. */
  g_hash_table_remove (extras->timers, key);
  timer = atomr_view_timer_new (self, key, message, interval_ms, periodic, self->thread->context);
  g_hash_table_insert (extras->timers, timer->key, timer);
}

void
atomr_view_cell_cancel_timer (AtomrViewCell *self,
                              const char    *key)
{
  if (self->extras != NULL && self->extras->timers != NULL)
    g_hash_table_remove (self->extras->timers, key);
}

gboolean
atomr_view_cell_is_timer_active (AtomrViewCell *self,
                                 const char    *key)
{
  return self->extras != NULL && self->extras->timers != NULL &&
         g_hash_table_contains (self->extras->timers, key);
}

static gboolean
receive_timeout_dispatch (GSource     *source,
                          GSourceFunc  callback,
                          gpointer     user_data)
{
  AtomrViewCell *self = ((ReceiveTimeoutSource *) source)->cell;
  AtomrViewCellExtras *extras = self->extras;
  gint64 now = g_get_monotonic_time ();
  gint64 due = extras->last_activity + (gint64) extras->receive_timeout_ms * 1000;

  if (now >= due)
    {
      AtomrViewEnvelope *envelope = g_new0 (AtomrViewEnvelope, 1);

      envelope->kind = ATOMR_VIEW_ENVELOPE_RECEIVE_TIMEOUT;
      atomr_view_cell_enqueue (self, envelope, NULL);
      extras->last_activity = now;
      due = now + (gint64) extras->receive_timeout_ms * 1000;
    }
  g_source_set_ready_time (source, due);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs receive_timeout_funcs = {
  .dispatch = receive_timeout_dispatch,
};

static void
clear_receive_timeout (AtomrViewCellExtras *extras)
{
  extras->receive_timeout_ms = 0;
  if (extras->receive_timeout_source != NULL)
    {
      g_source_destroy (extras->receive_timeout_source);
      g_clear_pointer (&extras->receive_timeout_source, g_source_unref);
    }
}

void
atomr_view_cell_set_receive_timeout (AtomrViewCell *self,
                                     guint          timeout_ms)
{
  AtomrViewCellExtras *extras = get_extras (self);
  ReceiveTimeoutSource *source;

  clear_receive_timeout (extras);
  if (timeout_ms == 0)
    return;

  extras->receive_timeout_ms = timeout_ms;
  extras->last_activity = g_get_monotonic_time ();
  source = (ReceiveTimeoutSource *) g_source_new (&receive_timeout_funcs, sizeof (ReceiveTimeoutSource));
  source->cell = self;
  extras->receive_timeout_source = (GSource *) source;
  g_source_set_static_name (extras->receive_timeout_source, "[atomr-view] receive timeout");
  g_source_set_ready_time (extras->receive_timeout_source,
                           extras->last_activity + (gint64) timeout_ms * 1000);
  g_source_attach (extras->receive_timeout_source, self->thread->context);
}

/* Timers, receive timeout and behaviours end with the instance (stop or restart). */
static void
clear_instance_state (AtomrViewCell *self)
{
  AtomrViewCellExtras *extras = self->extras;

  if (extras == NULL)
    return;
  g_clear_pointer (&extras->timers, g_hash_table_unref);
  clear_receive_timeout (extras);
  clear_behaviours (extras);
}

/* ---- lifecycle --------------------------------------------------------- */

static AtomrViewActor *
make_actor (AtomrViewCell *self)
{
  g_autoptr(GError) error = NULL;
  AtomrViewActor *actor = atomr_view_props_make_actor (self->props, &error);

  if (actor == NULL)
    fail (self, error);
  return actor;
}

static void
do_create (AtomrViewCell    *self,
           AtomrViewContext *context)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->actor = make_actor (self);
  if (self->actor == NULL)
    return;
  self->state = ATOMR_VIEW_CELL_RUNNING;

  atomr_view_context_enter (context, self, NULL);
  ok = ATOMR_VIEW_ACTOR_GET_CLASS (self->actor)->pre_start (self->actor, context, &error);
  atomr_view_context_leave (context);
  ok = collect_reported_failure (self, ok, &error);
  if (!ok)
    fail (self, error);
}

static void
fail (AtomrViewCell *self,
      const GError  *error)
{
  g_autoptr(GError) missing = NULL;

  if (error == NULL)
    error = missing = g_error_new (ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED,
                                   _("%s failed without saying why"), atomr_view_cell_get_path (self));

  if (self->state == ATOMR_VIEW_CELL_CREATED || self->state == ATOMR_VIEW_CELL_RUNNING ||
      self->state == ATOMR_VIEW_CELL_RESTARTING)
    self->state = ATOMR_VIEW_CELL_SUSPENDED;
  g_info ("Actor %s failed: %s", atomr_view_cell_get_path (self), error->message);

  if (self->parent != NULL)
    atomr_view_cell_send_system (self->parent, ATOMR_VIEW_ENVELOPE_FAILED, self->self_ref, error);
  else
    g_critical ("The root guardian of “%s” failed: %s", self->system->name, error->message);
}

static gboolean
restart_budget_exceeded (AtomrViewCell               *child,
                         AtomrViewSupervisorStrategy *strategy)
{
  int max_restarts = atomr_view_supervisor_strategy_get_max_restarts (strategy);
  guint within_ms = atomr_view_supervisor_strategy_get_within_ms (strategy);
  gint64 now = g_get_monotonic_time ();

  if (max_restarts < 0)
    return FALSE;
  if (child->restart_times == NULL)
    child->restart_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (within_ms > 0)
    {
      guint keep_from = 0;

      while (keep_from < child->restart_times->len &&
             now - g_array_index (child->restart_times, gint64, keep_from) > (gint64) within_ms * 1000)
        keep_from++;
      g_array_remove_range (child->restart_times, 0, keep_from);
    }
  if (child->restart_times->len >= (guint) max_restarts)
    return TRUE;
  g_array_append_val (child->restart_times, now);
  return FALSE;
}

void
atomr_view_cell_stop (AtomrViewCell *self,
                      AtomrViewCell *target)
{
  if (target != self)
    {
      if (target->parent != self)
        return;
      target->stop_requested = TRUE;
    }
  atomr_view_cell_send_system (target, ATOMR_VIEW_ENVELOPE_STOP, NULL, NULL);
}

static gboolean
is_guardian (AtomrViewCell *self)
{
  return self == self->system->user_guardian || self == self->system->system_guardian ||
         self->parent == NULL;
}

static void
supervise (AtomrViewCell     *self,
           AtomrViewContext  *context,
           AtomrViewActorRef *subject,
           const GError      *error)
{
  AtomrViewCell *child = atomr_view_actor_ref_get_cell (subject);
  AtomrViewSupervisorStrategy *strategy = atomr_view_props_get_supervisor_strategy (self->props);
  AtomrViewDirective directive;
  gboolean all_for_one;

  /* A failure reported by a child we are already stopping is stale. */
  if (child == NULL || child->parent != self || child->stop_requested ||
      self->state >= ATOMR_VIEW_CELL_TERMINATING)
    return;
  if (strategy == NULL)
    strategy = atomr_view_supervisor_strategy_get_default ();

  directive = atomr_view_supervisor_strategy_decide (strategy, error);
  if (directive == ATOMR_VIEW_DIRECTIVE_ESCALATE && is_guardian (self))
    directive = ATOMR_VIEW_DIRECTIVE_STOP;
  if (directive == ATOMR_VIEW_DIRECTIVE_RESTART && restart_budget_exceeded (child, strategy))
    {
      g_info ("Actor %s exceeded its restart budget; stopping it", atomr_view_cell_get_path (child));
      directive = ATOMR_VIEW_DIRECTIVE_STOP;
    }
  all_for_one = atomr_view_supervisor_strategy_get_scope (strategy) == ATOMR_VIEW_SUPERVISION_ALL_FOR_ONE;

  switch (directive)
    {
    case ATOMR_VIEW_DIRECTIVE_RESUME:
      atomr_view_cell_send_system (child, ATOMR_VIEW_ENVELOPE_RESUME, NULL, NULL);
      break;

    case ATOMR_VIEW_DIRECTIVE_RESTART:
    case ATOMR_VIEW_DIRECTIVE_STOP:
      {
        g_autoptr(GPtrArray) targets = NULL;

        if (all_for_one)
          targets = snapshot_children (self);
        else
          {
            targets = g_ptr_array_new_with_free_func ((GDestroyNotify) atomr_view_cell_unref);
            g_ptr_array_add (targets, atomr_view_cell_ref (child));
          }
        for (guint i = 0; i < targets->len; i++)
          {
            AtomrViewCell *target = g_ptr_array_index (targets, i);

            if (target->stop_requested)
              continue;
            if (directive == ATOMR_VIEW_DIRECTIVE_STOP)
              atomr_view_cell_stop (self, target);
            else
              atomr_view_cell_send_system (target, ATOMR_VIEW_ENVELOPE_RESTART, NULL, error);
          }
      }
      break;

    case ATOMR_VIEW_DIRECTIVE_ESCALATE:
    default:
      {
        AtomrViewCellExtras *extras = get_extras (self);

        g_set_object (&extras->escalated_child, subject);
        fail (self, error);
      }
      break;
    }
}

static gboolean
has_stopping_children (AtomrViewCell *self)
{
  g_autoptr(GPtrArray) children = snapshot_children (self);

  for (guint i = 0; i < children->len; i++)
    if (((AtomrViewCell *) g_ptr_array_index (children, i))->stop_requested)
      return TRUE;
  return FALSE;
}

static void
finish_restart (AtomrViewCell    *self,
                AtomrViewContext *context,
                const GError     *cause)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) survivors = NULL;
  gboolean ok;

  self->actor = make_actor (self);
  if (self->actor == NULL)
    return;
  self->state = ATOMR_VIEW_CELL_RUNNING;
  if (self->extras != NULL)
    g_clear_object (&self->extras->escalated_child);

  atomr_view_context_enter (context, self, NULL);
  ok = ATOMR_VIEW_ACTOR_GET_CLASS (self->actor)->post_restart (self->actor, context, cause, &error);
  atomr_view_context_leave (context);
  ok = collect_reported_failure (self, ok, &error);
  if (!ok)
    {
      fail (self, error);
      return;
    }

  /* Children that pre_restart kept are restarted with their parent. */
  survivors = snapshot_children (self);
  for (guint i = 0; i < survivors->len; i++)
    {
      AtomrViewCell *child = g_ptr_array_index (survivors, i);

      if (!child->stop_requested)
        atomr_view_cell_send_system (child, ATOMR_VIEW_ENVELOPE_RESTART, NULL, cause);
    }
}

static void
do_restart (AtomrViewCell    *self,
            AtomrViewContext *context,
            const GError     *cause)
{
  if (self->state >= ATOMR_VIEW_CELL_RESTARTING)
    return;

  if (self->actor != NULL)
    {
      atomr_view_context_enter (context, self, NULL);
      ATOMR_VIEW_ACTOR_GET_CLASS (self->actor)->pre_restart (self->actor, context, cause);
      atomr_view_context_leave (context);
    }
  clear_instance_state (self);
  atomr_view_cell_unstash_all (self);
  g_clear_object (&self->actor);

  /* Names of children being stopped are still taken: wait for them. */
  if (has_stopping_children (self))
    {
      AtomrViewCellExtras *extras = get_extras (self);

      g_clear_error (&extras->restart_cause);
      extras->restart_cause = cause ? g_error_copy (cause) : NULL;
      self->state = ATOMR_VIEW_CELL_RESTARTING;
      return;
    }
  finish_restart (self, context, cause);
}

static void
begin_stop (AtomrViewCell    *self,
            AtomrViewContext *context)
{
  AtomrViewLock *lock = atomr_view_system_core_children_lock (self->system, self);
  g_autoptr(GPtrArray) children = NULL;

  if (self->state >= ATOMR_VIEW_CELL_TERMINATING)
    return;

  atomr_view_lock (lock);
  self->accepts_children = FALSE;
  atomr_view_unlock (lock);

  self->state = ATOMR_VIEW_CELL_TERMINATING;
  clear_instance_state (self);

  children = snapshot_children (self);
  for (guint i = 0; i < children->len; i++)
    {
      AtomrViewCell *child = g_ptr_array_index (children, i);

      if (!child->stop_requested)
        atomr_view_cell_stop (self, child);
    }
  if (children->len == 0)
    finish_terminate (self, context);
}

static void
dead_letter_queue (AtomrViewCell *self,
                   GQueue        *queue)
{
  AtomrViewEnvelope *envelope;

  while ((envelope = g_queue_pop_head (queue)) != NULL)
    atomr_view_system_core_dead_letter (self->system, self, envelope, ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT);
}

static void
finish_terminate (AtomrViewCell    *self,
                  AtomrViewContext *context)
{
  AtomrViewCellExtras *extras;

  if (self->actor != NULL)
    {
      atomr_view_context_enter (context, self, NULL);
      ATOMR_VIEW_ACTOR_GET_CLASS (self->actor)->post_stop (self->actor, context);
      atomr_view_context_leave (context);
      g_clear_object (&self->actor);
    }
  self->state = ATOMR_VIEW_CELL_TERMINATED;
  atomic_store_explicit (&self->terminated, 1, memory_order_seq_cst);

  extras = g_steal_pointer (&self->extras);
  if (extras != NULL)
    {
      clear_behaviours (extras);
      g_clear_pointer (&extras->timers, g_hash_table_unref);
      clear_receive_timeout (extras);
      dead_letter_queue (self, &extras->unstashed);
      dead_letter_queue (self, &extras->stash);
      if (extras->watchers != NULL)
        {
          for (guint i = 0; i < extras->watchers->len; i++)
            {
              AtomrViewActorRef *watcher = g_ptr_array_index (extras->watchers, i);

              atomr_view_cell_send_system (atomr_view_actor_ref_get_cell (watcher),
                                           ATOMR_VIEW_ENVELOPE_DEATH_NOTICE, self->self_ref, NULL);
            }
          g_ptr_array_unref (extras->watchers);
        }
      if (extras->watching != NULL)
        {
          for (guint i = 0; i < extras->watching->len; i++)
            {
              AtomrViewActorRef *watched = g_ptr_array_index (extras->watching, i);

              atomr_view_cell_send_system (atomr_view_actor_ref_get_cell (watched),
                                           ATOMR_VIEW_ENVELOPE_UNWATCH, self->self_ref, NULL);
            }
          g_ptr_array_unref (extras->watching);
        }
      g_clear_error (&extras->restart_cause);
      g_clear_object (&extras->escalated_child);
      g_free (extras);
    }

  if (self->parent != NULL)
    atomr_view_cell_send_system (self->parent, ATOMR_VIEW_ENVELOPE_CHILD_TERMINATED, self->self_ref, NULL);
  else
    atomr_view_system_core_root_terminated (self->system);

  drain_terminated (self);
}

static void
child_terminated (AtomrViewCell     *self,
                  AtomrViewContext  *context,
                  AtomrViewActorRef *subject)
{
  AtomrViewCell *child = atomr_view_actor_ref_get_cell (subject);
  AtomrViewLock *lock = atomr_view_system_core_children_lock (self->system, self);
  AtomrViewActorRef *child_ref;
  guint remaining;

  if (child == NULL || child->parent != self)
    return;

  /* Unlink, and break the cycle between the child's cell and its ActorRef
   * under the lock atomr_view_cell_dup_ref() takes. */
  atomr_view_lock (lock);
  child_ref = g_steal_pointer (&child->self_ref);
  if (child_ref != NULL)
    unlink_child_locked (self, child);
  remaining = self->n_children;
  atomr_view_unlock (lock);
  if (child_ref == NULL)
    return;
  g_object_unref (child_ref);
  atomr_view_cell_unref (child);

  if (self->state == ATOMR_VIEW_CELL_TERMINATING && remaining == 0)
    finish_terminate (self, context);
  else if (self->state == ATOMR_VIEW_CELL_RESTARTING && !has_stopping_children (self))
    {
      g_autoptr(GError) cause = g_steal_pointer (&self->extras->restart_cause);

      finish_restart (self, context, cause);
    }
}

/* ---- running ----------------------------------------------------------- */

static void
handle_system_after_death (AtomrViewCell     *self,
                           AtomrViewEnvelope *envelope)
{
  /* Watching an actor that is already dead still gives one notice. */
  if (envelope->kind == ATOMR_VIEW_ENVELOPE_WATCH)
    {
      g_autoptr(AtomrViewActorRef) ref = atomr_view_cell_dup_ref (self);

      atomr_view_cell_send_system (atomr_view_actor_ref_get_cell (envelope->sys.subject),
                                   ATOMR_VIEW_ENVELOPE_DEATH_NOTICE, ref, NULL);
    }
}

static void
handle_system (AtomrViewCell     *self,
               AtomrViewContext  *context,
               AtomrViewEnvelope *envelope)
{
  if (self->state == ATOMR_VIEW_CELL_TERMINATED)
    {
      handle_system_after_death (self, envelope);
      return;
    }

  switch (envelope->kind)
    {
    case ATOMR_VIEW_ENVELOPE_CREATE:
      if (self->state == ATOMR_VIEW_CELL_CREATED)
        do_create (self, context);
      break;

    case ATOMR_VIEW_ENVELOPE_FAILED:
      supervise (self, context, envelope->sys.subject, envelope->sys.error);
      break;

    case ATOMR_VIEW_ENVELOPE_RESUME:
      if (self->state == ATOMR_VIEW_CELL_SUSPENDED && self->actor != NULL)
        {
          self->state = ATOMR_VIEW_CELL_RUNNING;
          /* A failure we escalated and our supervisor resumed: resume its cause too. */
          if (self->extras != NULL && self->extras->escalated_child != NULL)
            {
              g_autoptr(AtomrViewActorRef) child = g_steal_pointer (&self->extras->escalated_child);

              atomr_view_cell_send_system (atomr_view_actor_ref_get_cell (child),
                                           ATOMR_VIEW_ENVELOPE_RESUME, NULL, NULL);
            }
        }
      break;

    case ATOMR_VIEW_ENVELOPE_RESTART:
      do_restart (self, context, envelope->sys.error);
      break;

    case ATOMR_VIEW_ENVELOPE_STOP:
      begin_stop (self, context);
      break;

    case ATOMR_VIEW_ENVELOPE_WATCH:
      add_watcher (self, envelope->sys.subject);
      break;

    case ATOMR_VIEW_ENVELOPE_UNWATCH:
      remove_watcher (self, envelope->sys.subject);
      break;

    case ATOMR_VIEW_ENVELOPE_DEATH_NOTICE:
      death_notice (self, context, envelope->sys.subject);
      break;

    case ATOMR_VIEW_ENVELOPE_CHILD_TERMINATED:
      child_terminated (self, context, envelope->sys.subject);
      break;

    case ATOMR_VIEW_ENVELOPE_USER:
    case ATOMR_VIEW_ENVELOPE_TIMER:
    case ATOMR_VIEW_ENVELOPE_RECEIVE_TIMEOUT:
    default:
      g_assert_not_reached ();
    }
}

static void
process_system (AtomrViewCell    *self,
                AtomrViewContext *context)
{
  AtomrViewEnvelope *envelope;

  while ((envelope = atomr_view_mailbox_pop_system (&self->mailbox)) != NULL)
    {
      handle_system (self, context, envelope);
      atomr_view_envelope_free (envelope);
    }
}

static void
drain_terminated (AtomrViewCell *self)
{
  AtomrViewEnvelope *envelope;

  while ((envelope = atomr_view_mailbox_pop_system (&self->mailbox)) != NULL)
    {
      handle_system_after_death (self, envelope);
      atomr_view_envelope_free (envelope);
    }
  while ((envelope = atomr_view_mailbox_pop_user (&self->mailbox)) != NULL)
    {
      if (envelope->kind == ATOMR_VIEW_ENVELOPE_USER)
        atomr_view_system_core_dead_letter (self->system, self, envelope, ATOMR_VIEW_DEAD_LETTER_NO_RECIPIENT);
      else
        atomr_view_envelope_free (envelope);
    }
}

static AtomrViewEnvelope *
next_user_envelope (AtomrViewCell *self)
{
  if (self->extras != NULL && self->extras->unstashed.length > 0)
    return g_queue_pop_head (&self->extras->unstashed);
  return atomr_view_mailbox_pop_user (&self->mailbox);
}

static void
invoke (AtomrViewCell     *self,
        AtomrViewContext  *context,
        AtomrViewEnvelope *envelope)
{
  AtomrViewActorClass *klass = ATOMR_VIEW_ACTOR_GET_CLASS (self->actor);
  AtomrViewCellExtras *extras;
  GError *error = NULL;
  gboolean ok = TRUE;

  if (envelope->kind == ATOMR_VIEW_ENVELOPE_TIMER)
    {
      AtomrViewTimer *timer = envelope->user.timer;

      if (!timer->active)
        {
          atomr_view_envelope_free (envelope);
          return;
        }
      if (!timer->periodic && self->extras != NULL && self->extras->timers != NULL &&
          g_hash_table_lookup (self->extras->timers, timer->key) == timer)
        g_hash_table_remove (self->extras->timers, timer->key);
    }

  atomr_view_context_enter (context, self, envelope);
  if (envelope->kind == ATOMR_VIEW_ENVELOPE_RECEIVE_TIMEOUT)
    klass->receive_timeout (self->actor, context);
  else if (self->extras != NULL && self->extras->behaviours != NULL && self->extras->behaviours->len > 0)
    {
      Behaviour *top = &g_array_index (self->extras->behaviours, Behaviour, self->extras->behaviours->len - 1);

      ok = top->func (self->actor, context, envelope->user.message, top->user_data, &error);
    }
  else
    ok = klass->receive (self->actor, context, envelope->user.message, &error);

  if (!atomr_view_context_leave (context))
    atomr_view_envelope_free (envelope);
  ok = collect_reported_failure (self, ok, &error);

  extras = self->extras;
  if (extras != NULL)
    {
      if (extras->receive_timeout_ms > 0)
        extras->last_activity = g_get_monotonic_time ();
      if (extras->retired != NULL)
        g_array_set_size (extras->retired, 0);
    }

  if (!ok)
    {
      fail (self, error);
      g_clear_error (&error);
    }
  else if (G_UNLIKELY (error != NULL))
    {
      g_warning ("An actor of type %s returned TRUE from receive but set an error: %s",
                 G_OBJECT_TYPE_NAME (self->actor), error->message);
      g_clear_error (&error);
    }
}

static gboolean
has_work (AtomrViewCell *self)
{
  if (atomr_view_mailbox_has_system (&self->mailbox))
    return TRUE;
  if (self->state == ATOMR_VIEW_CELL_RUNNING)
    return (self->extras != NULL && self->extras->unstashed.length > 0) ||
           atomr_view_mailbox_has_user (&self->mailbox);
  if (self->state == ATOMR_VIEW_CELL_TERMINATED)
    return atomr_view_mailbox_has_user (&self->mailbox);
  return FALSE;
}

/* The cell's dispatcher thread, from its run queue. */
void
atomr_view_cell_run (AtomrViewCell             *self,
                     AtomrViewDispatcherThread *thread)
{
  AtomrViewContext *context = thread->actor_context;
  guint budget = self->throughput;

  if (self->state == ATOMR_VIEW_CELL_TERMINATED)
    drain_terminated (self);
  else
    {
      process_system (self, context);
      while (budget > 0 && self->state == ATOMR_VIEW_CELL_RUNNING)
        {
          AtomrViewEnvelope *envelope;

          if (atomr_view_mailbox_has_system (&self->mailbox))
            {
              process_system (self, context);
              continue;
            }
          envelope = next_user_envelope (self);
          if (envelope == NULL)
            break;
          invoke (self, context, envelope);
          budget--;
        }
      if (self->state == ATOMR_VIEW_CELL_TERMINATED)
        drain_terminated (self);
    }

  /* Go idle, then look again: a sender that saw us scheduled did not
   * schedule us, so whatever it pushed must be picked up here. */
  atomic_store_explicit (&self->scheduled, 0, memory_order_seq_cst);
  if (has_work (self))
    schedule (self);
}

/* For debuggers: prints the subtree under @self to stderr. Racy by design. */
void atomr_view_cell_debug_dump (AtomrViewCell *self, int depth);

void
atomr_view_cell_debug_dump (AtomrViewCell *self,
                            int            depth)
{
  g_printerr ("%*s%s state=%d scheduled=%d terminated=%d children=%u stop_requested=%d sys=%d user=%d\n",
              depth * 2, "", atomr_view_cell_get_path (self), self->state,
              atomic_load (&self->scheduled), atomic_load (&self->terminated), self->n_children,
              self->stop_requested,
              atomic_load (&self->mailbox.system.head) != &self->mailbox.system.stub || self->mailbox.system.tail != &self->mailbox.system.stub,
              self->mailbox.bounded == NULL && (atomic_load (&self->mailbox.user.head) != &self->mailbox.user.stub || self->mailbox.user.tail != &self->mailbox.user.stub));
  for (AtomrViewCell *child = self->first_child; child; child = child->next_sibling)
    atomr_view_cell_debug_dump (child, depth + 1);
}

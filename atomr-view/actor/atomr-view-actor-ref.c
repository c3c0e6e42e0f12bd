/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-actor-error.h"
#include "atomr-view-actor-ref-private.h"
#include "atomr-view-dispatcher-private.h"
#include "atomr-view-init-private.h"
#include "atomr-view-system-core-private.h"

/**
 * AtomrViewActorRef:
 *
 * A handle to an actor: the only way to talk to it.
 *
 * Messages are [struct@GLib.Variant] values. [method@AtomrView.ActorRef.tell]
 * sends one without waiting; [method@AtomrView.ActorRef.ask_async] sends one
 * and completes with the reply. Messages from one sender to one actor arrive in
 * the order they were sent.
 *
 * An actor reference stays valid after its actor has stopped: messages to it
 * then become dead letters, published on the system's
 * %ATOMR_VIEW_TOPIC_DEAD_LETTERS topic.
 *
 * To put an actor reference inside a message, use
 * [method@AtomrView.ActorRef.to_variant]; the receiving system turns it back
 * into a reference with [method@AtomrView.ActorSystem.resolve_variant].
 *
 * Thread safety: any thread.
 *
 * Since: 0.1
 */

typedef enum
{
  KIND_LOCAL,
  KIND_PROMISE,
} RefKind;

struct _AtomrViewActorRef
{
  GObject           parent_instance;
  RefKind           kind;
  AtomrViewCell    *cell;
  AtomrViewPromise *promise;
};

G_DEFINE_FINAL_TYPE (AtomrViewActorRef, atomr_view_actor_ref, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atomr_view_actor_ref_finalize (GObject *object)
{
  AtomrViewActorRef *self = ATOMR_VIEW_ACTOR_REF (object);

  g_clear_pointer (&self->cell, atomr_view_cell_unref);
  g_clear_pointer (&self->promise, atomr_view_promise_unref);

  G_OBJECT_CLASS (atomr_view_actor_ref_parent_class)->finalize (object);
}

static void
atomr_view_actor_ref_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtomrViewActorRef *self = ATOMR_VIEW_ACTOR_REF (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, atomr_view_actor_ref_get_path (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, atomr_view_actor_ref_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atomr_view_actor_ref_class_init (AtomrViewActorRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atomr_view_actor_ref_finalize;
  object_class->get_property = atomr_view_actor_ref_get_property;

  /**
   * AtomrViewActorRef:path:
   *
   * The actor's path in its system, such as `/user/window/list`.
   *
   * Since: 0.1
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * AtomrViewActorRef:name:
   *
   * The last element of the actor's path.
   *
   * Since: 0.1
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atomr_view_actor_ref_init (AtomrViewActorRef *self)
{
}

AtomrViewActorRef *
atomr_view_actor_ref_new_local (AtomrViewCell *cell)
{
  AtomrViewActorRef *self = g_object_new (ATOMR_VIEW_TYPE_ACTOR_REF, NULL);

  self->kind = KIND_LOCAL;
  self->cell = atomr_view_cell_ref (cell);
  return self;
}

AtomrViewActorRef *
atomr_view_actor_ref_new_promise (AtomrViewPromise *promise)
{
  AtomrViewActorRef *self = g_object_new (ATOMR_VIEW_TYPE_ACTOR_REF, NULL);

  self->kind = KIND_PROMISE;
  self->promise = atomr_view_promise_ref (promise);
  return self;
}

AtomrViewCell *
atomr_view_actor_ref_get_cell (AtomrViewActorRef *self)
{
  return self->cell;
}

AtomrViewPromise *
atomr_view_actor_ref_get_promise (AtomrViewActorRef *self)
{
  return self->promise;
}

/**
 * atomr_view_actor_ref_tell:
 * @self: the recipient
 * @message: the message; a floating reference is sunk
 * @sender: (nullable): the actor to which a reply goes, or %NULL
 *
 * Sends @message to the actor without waiting.
 *
 * A message that cannot be delivered (the actor has terminated, its bounded
 * mailbox is full, it does not have the type the actor's props ask for)
 * becomes a dead letter. Use [method@AtomrView.ActorRef.try_tell] to learn
 * why at the call site.
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_tell (AtomrViewActorRef *self,
                           GVariant          *message,
                           AtomrViewActorRef *sender)
{
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (sender == NULL || ATOMR_VIEW_IS_ACTOR_REF (sender));

  if (G_LIKELY (self->kind == KIND_LOCAL))
    atomr_view_cell_tell (self->cell, message, sender, NULL);
  else
    atomr_view_promise_complete (self->promise, message);
}

/**
 * atomr_view_actor_ref_tell_int64:
 * @self: the recipient
 * @value: the message: a whole number
 * @sender: (nullable): the actor to which a reply goes, or %NULL
 *
 * Sends the message `g_variant_new_int64 (value)`, as
 * [method@AtomrView.ActorRef.tell] would.
 *
 * It exists for bindings: the Python `tell()` of an `int` crosses into C
 * once, instead of once to make the variant and once more to send it.
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_tell_int64 (AtomrViewActorRef *self,
                                 gint64             value,
                                 AtomrViewActorRef *sender)
{
  atomr_view_actor_ref_tell (self, g_variant_new_int64 (value), sender);
}

/**
 * atomr_view_actor_ref_tell_string:
 * @self: the recipient
 * @value: the message: a string
 * @sender: (nullable): the actor to which a reply goes, or %NULL
 *
 * Sends the message `g_variant_new_string (value)`, as
 * [method@AtomrView.ActorRef.tell] would, in one call for bindings like
 * [method@AtomrView.ActorRef.tell_int64].
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_tell_string (AtomrViewActorRef *self,
                                  const char        *value,
                                  AtomrViewActorRef *sender)
{
  g_return_if_fail (value != NULL);
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  atomr_view_actor_ref_tell (self, g_variant_new_string (value), sender);
}

/**
 * atomr_view_actor_ref_tell_many:
 * @self: the recipient
 * @messages: an array (of type `aT`) whose elements are the messages; of an
 *   array of variants (`av`), the value inside each element. A floating
 *   reference is sunk
 * @sender: (nullable): the actor to which replies go, or %NULL
 *
 * Sends each element of @messages to the actor, in order, as
 * [method@AtomrView.ActorRef.tell] would one at a time.
 *
 * It is one call for many messages: the Python `tell_many()` packs a list
 * of values into one array, so that a batch crosses from Python into C once
 * instead of once per message. Elements of an array of fixed-size values
 * (integers, doubles) share its memory rather than being copied.
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_tell_many (AtomrViewActorRef *self,
                                GVariant          *messages,
                                AtomrViewActorRef *sender)
{
  g_autoptr(GVariant) owned = NULL;
  gboolean boxed;
  gsize n;

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self));
  g_return_if_fail (messages != NULL);
  g_return_if_fail (sender == NULL || ATOMR_VIEW_IS_ACTOR_REF (sender));

  owned = g_variant_ref_sink (messages);
  g_return_if_fail (g_variant_is_of_type (owned, G_VARIANT_TYPE_ARRAY));

  boxed = g_variant_type_equal (g_variant_type_element (g_variant_get_type (owned)), G_VARIANT_TYPE_VARIANT);
  n = g_variant_n_children (owned);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) message = g_variant_get_child_value (owned, i);

      if (boxed)
        {
          GVariant *inner = g_variant_get_variant (message);

          g_variant_unref (message);
          message = inner;
        }
      atomr_view_actor_ref_tell (self, message, sender);
    }
}

/**
 * atomr_view_actor_ref_try_tell:
 * @self: the recipient
 * @message: the message; a floating reference is sunk
 * @sender: (nullable): the actor to which a reply goes, or %NULL
 * @error: return location for an error
 *
 * Sends @message to the actor without waiting, and says whether the send
 * failed.
 *
 * It fails with %ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR when the actor has
 * terminated, %ATOMR_VIEW_ACTOR_ERROR_MAILBOX_FULL when its bounded mailbox is
 * full and its policy is %ATOMR_VIEW_OVERFLOW_FAIL or
 * %ATOMR_VIEW_OVERFLOW_BLOCK (after waiting), and
 * %ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE when @message does not have the
 * type the actor's props ask for. The message then becomes a dead letter.
 * A message dropped by %ATOMR_VIEW_OVERFLOW_DROP_NEWEST is the policy at
 * work, not a failure: it becomes a dead letter and this returns %TRUE.
 *
 * Returns: %TRUE unless the send failed
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_ref_try_tell (AtomrViewActorRef  *self,
                               GVariant           *message,
                               AtomrViewActorRef  *sender,
                               GError            **error)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (sender == NULL || ATOMR_VIEW_IS_ACTOR_REF (sender), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->kind == KIND_LOCAL)
    return atomr_view_cell_tell (self->cell, message, sender, error);

  if (!atomr_view_promise_complete (self->promise, message))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR,
                   _("%s has already been answered"), self->promise->path);
      return FALSE;
    }
  return TRUE;
}

/* A reply slot for a question to @self; only local actors can be asked. */
static AtomrViewPromise *
new_question (AtomrViewActorRef  *self,
              GVariant           *message,
              GError            **error)
{
  if (self->kind != KIND_LOCAL)
    {
      g_variant_unref (g_variant_ref_sink (message));
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE,
                   _("%s only takes a reply and cannot be asked"), self->promise->path);
      return NULL;
    }
  return atomr_view_promise_new (atomr_view_system_core_next_uid (self->cell->system));
}

/**
 * atomr_view_actor_ref_ask_async:
 * @self: the recipient
 * @message: the question; a floating reference is sunk
 * @timeout_ms: how long to wait for the reply, in milliseconds, or 0 for no limit
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async) (closure user_data): called with the result, in
 *   the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Sends @message to the actor with a reply slot as its sender, and completes
 * when the actor replies (for example with [method@AtomrView.Context.reply]).
 *
 * Asking an actor that has terminated fails at once with
 * %ATOMR_VIEW_ACTOR_ERROR_DEAD_ACTOR; an actor that terminates before it
 * replies fails the question too. No reply within @timeout_ms fails with
 * %ATOMR_VIEW_ACTOR_ERROR_TIMEOUT.
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_ask_async (AtomrViewActorRef   *self,
                                GVariant            *message,
                                guint                timeout_ms,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(AtomrViewActorRef) reply_to = NULL;
  AtomrViewPromise *promise;
  GError *error = NULL;

  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atomr_view_actor_ref_ask_async);

  promise = new_question (self, message, &error);
  if (promise == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  reply_to = atomr_view_actor_ref_new_promise (promise);
  atomr_view_promise_attach_task (promise, task, timeout_ms, cancellable);
  /* A refused question (dead actor, full mailbox) fails the promise itself. */
  atomr_view_cell_tell (self->cell, message, reply_to, NULL);
  atomr_view_promise_unref (promise);
}

/**
 * atomr_view_actor_ref_ask_finish:
 * @self: the recipient
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Finishes [method@AtomrView.ActorRef.ask_async].
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 *
 * Since: 0.1
 */
GVariant *
atomr_view_actor_ref_ask_finish (AtomrViewActorRef  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atomr_view_actor_ref_ask_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * atomr_view_actor_ref_ask_sync:
 * @self: the recipient
 * @message: the question; a floating reference is sunk
 * @timeout_ms: how long to wait for the reply, in milliseconds, or 0 for no limit
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Sends @message to the actor and blocks until it replies.
 *
 * It refuses, with %ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK, to run on the
 * dispatcher thread of the actor it asks (including the UI thread for actors
 * on the `ui` dispatcher): that thread could never run the actor. It fails
 * like [method@AtomrView.ActorRef.ask_async] otherwise.
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 *
 * Since: 0.1
 */
GVariant *
atomr_view_actor_ref_ask_sync (AtomrViewActorRef  *self,
                               GVariant           *message,
                               guint               timeout_ms,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(AtomrViewActorRef) reply_to = NULL;
  AtomrViewPromise *promise;
  GVariant *reply;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->kind == KIND_LOCAL && atomr_view_dispatcher_thread_is_current (self->cell->thread))
    {
      g_variant_unref (g_variant_ref_sink (message));
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_WOULD_DEADLOCK,
                   _("Asking %s and waiting on the thread that runs it would never finish; "
                     "use atomr_view_actor_ref_ask_async() there"),
                   atomr_view_cell_get_path (self->cell));
      return NULL;
    }

  promise = new_question (self, message, error);
  if (promise == NULL)
    return NULL;
  reply_to = atomr_view_actor_ref_new_promise (promise);
  atomr_view_cell_tell (self->cell, message, reply_to, NULL);
  reply = atomr_view_promise_wait (promise, timeout_ms, cancellable, error);
  atomr_view_promise_unref (promise);
  return reply;
}

/**
 * atomr_view_actor_ref_stop:
 * @self: the actor to stop
 *
 * Asks the actor to stop after the message it is handling. Its children
 * stop first; then its [vfunc@AtomrView.Actor.post_stop] runs, and its
 * watchers are told.
 *
 * Since: 0.1
 */
void
atomr_view_actor_ref_stop (AtomrViewActorRef *self)
{
  g_return_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self));

  if (self->kind == KIND_LOCAL)
    atomr_view_cell_send_system (self->cell, ATOMR_VIEW_ENVELOPE_STOP, NULL, NULL);
}

/**
 * atomr_view_actor_ref_get_path:
 * @self: an actor reference
 *
 * Gets the actor's path in its system, such as `/user/window/list`.
 *
 * Returns: the path
 *
 * Since: 0.1
 */
const char *
atomr_view_actor_ref_get_path (AtomrViewActorRef *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);

  return self->kind == KIND_LOCAL ? atomr_view_cell_get_path (self->cell) : self->promise->path;
}

/**
 * atomr_view_actor_ref_get_name:
 * @self: an actor reference
 *
 * Gets the last element of the actor's path: the name it was spawned with,
 * or a generated one starting with `$`.
 *
 * Returns: the name
 *
 * Since: 0.1
 */
const char *
atomr_view_actor_ref_get_name (AtomrViewActorRef *self)
{
  const char *path;

  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);

  if (self->kind == KIND_LOCAL)
    return self->cell->name;
  path = self->promise->path;
  return strrchr (path, '/') + 1;
}

/**
 * atomr_view_actor_ref_dup_uri:
 * @self: an actor reference
 *
 * Gets the actor's address including its system, such as
 * `atomr://app/user/window`.
 *
 * Returns: (transfer full): the address
 *
 * Since: 0.1
 */
char *
atomr_view_actor_ref_dup_uri (AtomrViewActorRef *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);

  if (self->kind != KIND_LOCAL)
    return g_strconcat ("atomr:", self->promise->path, NULL);
  return g_strconcat ("atomr://", self->cell->system->name, atomr_view_cell_get_path (self->cell), NULL);
}

/**
 * atomr_view_actor_ref_to_variant:
 * @self: an actor reference
 *
 * Makes the form in which an actor reference travels inside a message: a
 * string holding its address (see [method@AtomrView.ActorRef.dup_uri]). The
 * receiving system resolves it with
 * [method@AtomrView.ActorSystem.resolve_variant].
 *
 * Returns: (transfer floating): a `s` variant
 *
 * Since: 0.1
 */
GVariant *
atomr_view_actor_ref_to_variant (AtomrViewActorRef *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), NULL);

  return g_variant_new_take_string (atomr_view_actor_ref_dup_uri (self));
}

/**
 * atomr_view_actor_ref_is_terminated:
 * @self: an actor reference
 *
 * Whether the actor has terminated. A %FALSE answer may be out of date by
 * the time it is read; watch the actor to be told.
 *
 * Returns: %TRUE once the actor has terminated
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_ref_is_terminated (AtomrViewActorRef *self)
{
  g_return_val_if_fail (ATOMR_VIEW_IS_ACTOR_REF (self), FALSE);

  if (self->kind == KIND_LOCAL)
    return atomr_view_cell_is_terminated (self->cell);
  return atomr_view_promise_is_done (self->promise);
}

/**
 * atomr_view_actor_ref_equal:
 * @a: (type AtomrView.ActorRef): an actor reference
 * @b: (type AtomrView.ActorRef): another one
 *
 * Whether two references name the same actor.
 *
 * Returns: %TRUE if they do
 *
 * Since: 0.1
 */
gboolean
atomr_view_actor_ref_equal (gconstpointer a,
                            gconstpointer b)
{
  const AtomrViewActorRef *ra = a;
  const AtomrViewActorRef *rb = b;

  if (ra == rb)
    return TRUE;
  if (ra == NULL || rb == NULL || ra->kind != rb->kind)
    return FALSE;
  return ra->kind == KIND_LOCAL ? ra->cell == rb->cell : ra->promise == rb->promise;
}

/**
 * atomr_view_actor_ref_hash:
 * @self: (type AtomrView.ActorRef): an actor reference
 *
 * A hash for [method@AtomrView.ActorRef.equal], to use actor references as
 * keys of a [struct@GLib.HashTable].
 *
 * Returns: the hash
 *
 * Since: 0.1
 */
guint
atomr_view_actor_ref_hash (gconstpointer self)
{
  const AtomrViewActorRef *ref = self;

  return g_direct_hash (ref->kind == KIND_LOCAL ? (gpointer) ref->cell : (gpointer) ref->promise);
}

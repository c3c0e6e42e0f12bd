/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"

#include "atomr-view-refcount-private.h"

#include "atomr-view-actor.h"
#include "atomr-view-actor-error.h"
#include "atomr-view-init-private.h"
#include "atomr-view-props-private.h"
#include "atomr-view-supervisor-strategy.h"

/**
 * AtomrViewProps:
 *
 * How to make an actor: its type or a factory, and where and how it runs
 * (dispatcher, mailbox, how it supervises its own children, which messages it
 * accepts).
 *
 * The runtime makes a new instance from the props when the actor starts and
 * at each restart, on the actor's own thread. Props are shared by reference;
 * set them up before spawning and do not change them afterwards.
 *
 * Thread safety: any thread, once set up.
 *
 * Since: 0.1
 */

struct _AtomrViewProps
{
  AtomrViewRefCount            ref_count;
  GType                        actor_type;
  AtomrViewActorFactory        factory;
  gpointer                     factory_data;
  GDestroyNotify               factory_destroy;
  guint                        n_properties;
  char                       **names;
  GValue                      *values;
  char                        *dispatcher;
  guint                        capacity;
  AtomrViewOverflowPolicy      policy;
  guint                        block_timeout_ms;
  AtomrViewSupervisorStrategy *strategy;
  GVariantType                *message_type;
};

G_DEFINE_BOXED_TYPE (AtomrViewProps, atomr_view_props, atomr_view_props_ref, atomr_view_props_unref)

#define DEFAULT_BLOCK_TIMEOUT_MS 1000

static AtomrViewProps *
props_new (void)
{
  AtomrViewProps *self = g_new0 (AtomrViewProps, 1);

  atomr_view_ref_count_init (&self->ref_count);
  self->policy = ATOMR_VIEW_OVERFLOW_DROP_NEWEST;
  self->block_timeout_ms = DEFAULT_BLOCK_TIMEOUT_MS;
  return self;
}

/**
 * atomr_view_props_new:
 * @actor_type: a subtype of [class@AtomrView.Actor]
 *
 * Makes props for actors of @actor_type, made with g_object_new() and no
 * properties.
 *
 * Returns: (transfer full): new props
 *
 * Since: 0.1
 */
AtomrViewProps *
atomr_view_props_new (GType actor_type)
{
  AtomrViewProps *self;

  g_return_val_if_fail (g_type_is_a (actor_type, ATOMR_VIEW_TYPE_ACTOR), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (actor_type), NULL);

  self = props_new ();
  self->actor_type = actor_type;
  return self;
}

/**
 * atomr_view_props_new_with_properties:
 * @actor_type: a subtype of [class@AtomrView.Actor]
 * @n_properties: the number of properties
 * @names: (array length=n_properties): the property names
 * @values: (array length=n_properties): the property values
 *
 * Makes props for actors of @actor_type, made with
 * g_object_new_with_properties() and the given construct properties. Each
 * instance, also after a restart, gets the same values.
 *
 * Returns: (transfer full): new props
 *
 * Since: 0.1
 */
AtomrViewProps *
atomr_view_props_new_with_properties (GType         actor_type,
                                      guint         n_properties,
                                      const char   *names[],
                                      const GValue  values[])
{
  AtomrViewProps *self = atomr_view_props_new (actor_type);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_properties == 0 || (names != NULL && values != NULL), self);

  self->n_properties = n_properties;
  self->names = g_new0 (char *, n_properties + 1);
  self->values = g_new0 (GValue, n_properties);
  for (guint i = 0; i < n_properties; i++)
    {
      self->names[i] = g_strdup (names[i]);
      g_value_init (&self->values[i], G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &self->values[i]);
    }
  return self;
}

/**
 * atomr_view_props_new_with_factory:
 * @factory: (scope notified) (closure user_data) (destroy destroy): makes an instance
 * @user_data: data for @factory
 * @destroy: (nullable): frees @user_data when the props are freed
 *
 * Makes props whose instances come from @factory, called on the actor's own
 * thread when it starts and at each restart.
 *
 * Returns: (transfer full): new props
 *
 * Since: 0.1
 */
AtomrViewProps *
atomr_view_props_new_with_factory (AtomrViewActorFactory factory,
                                   gpointer              user_data,
                                   GDestroyNotify        destroy)
{
  AtomrViewProps *self;

  g_return_val_if_fail (factory != NULL, NULL);

  self = props_new ();
  self->factory = factory;
  self->factory_data = user_data;
  self->factory_destroy = destroy;
  return self;
}

/**
 * atomr_view_props_ref:
 * @self: props
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
AtomrViewProps *
atomr_view_props_ref (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  atomr_view_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * atomr_view_props_unref:
 * @self: (transfer full): props
 *
 * Drops a reference.
 *
 * Since: 0.1
 */
void
atomr_view_props_unref (AtomrViewProps *self)
{
  g_return_if_fail (self != NULL);

  if (!atomr_view_ref_count_dec (&self->ref_count))
    return;
  if (self->factory_destroy != NULL)
    self->factory_destroy (self->factory_data);
  for (guint i = 0; i < self->n_properties; i++)
    g_value_unset (&self->values[i]);
  g_free (self->values);
  g_strfreev (self->names);
  g_free (self->dispatcher);
  g_clear_pointer (&self->strategy, atomr_view_supervisor_strategy_unref);
  g_clear_pointer (&self->message_type, g_variant_type_free);
  g_free (self);
}

/**
 * atomr_view_props_copy:
 * @self: props
 *
 * Copies the props, to change the copy. A factory's data is shared, not copied.
 *
 * Returns: (transfer full): a copy
 *
 * Since: 0.1
 */
AtomrViewProps *
atomr_view_props_copy (AtomrViewProps *self)
{
  AtomrViewProps *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->factory != NULL)
    {
      /* The copy shares the factory data and so must not free it. */
      copy = atomr_view_props_new_with_factory (self->factory, self->factory_data, NULL);
    }
  else
    copy = atomr_view_props_new_with_properties (self->actor_type, self->n_properties,
                                                 (const char **) self->names, self->values);
  copy->dispatcher = g_strdup (self->dispatcher);
  copy->capacity = self->capacity;
  copy->policy = self->policy;
  copy->block_timeout_ms = self->block_timeout_ms;
  copy->strategy = self->strategy ? atomr_view_supervisor_strategy_ref (self->strategy) : NULL;
  copy->message_type = self->message_type ? g_variant_type_copy (self->message_type) : NULL;
  return copy;
}

/**
 * atomr_view_props_set_dispatcher:
 * @self: props
 * @dispatcher: (nullable): a dispatcher name, or %NULL for `default`
 *
 * Chooses the dispatcher the actor runs on. Every system has `default` (a
 * thread per CPU) and `ui` (the thread running the default main context,
 * where GTK runs); [method@AtomrView.ActorSystem.add_dispatcher] adds more.
 *
 * Since: 0.1
 */
void
atomr_view_props_set_dispatcher (AtomrViewProps *self,
                                 const char     *dispatcher)
{
  g_return_if_fail (self != NULL);

  g_free (self->dispatcher);
  self->dispatcher = g_strdup (dispatcher);
}

/**
 * atomr_view_props_get_dispatcher:
 * @self: props
 *
 * Gets the dispatcher name set with [method@AtomrView.Props.set_dispatcher].
 *
 * Returns: (nullable): the dispatcher name, or %NULL for `default`
 *
 * Since: 0.1
 */
const char *
atomr_view_props_get_dispatcher (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dispatcher;
}

/**
 * atomr_view_props_set_mailbox:
 * @self: props
 * @capacity: the most messages the mailbox holds, or 0 for no limit
 * @policy: what to do with a message when the mailbox is full
 *
 * Bounds the actor's mailbox. Dropped messages become dead letters.
 *
 * Since: 0.1
 */
void
atomr_view_props_set_mailbox (AtomrViewProps          *self,
                              guint                    capacity,
                              AtomrViewOverflowPolicy  policy)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (policy <= ATOMR_VIEW_OVERFLOW_BLOCK);

  self->capacity = capacity;
  self->policy = policy;
}

/**
 * atomr_view_props_get_mailbox_capacity:
 * @self: props
 *
 * Gets the mailbox capacity.
 *
 * Returns: the capacity, or 0 for an unbounded mailbox
 *
 * Since: 0.1
 */
guint
atomr_view_props_get_mailbox_capacity (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->capacity;
}

/**
 * atomr_view_props_get_overflow_policy:
 * @self: props
 *
 * Gets what a full bounded mailbox does.
 *
 * Returns: the policy
 *
 * Since: 0.1
 */
AtomrViewOverflowPolicy
atomr_view_props_get_overflow_policy (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, ATOMR_VIEW_OVERFLOW_DROP_NEWEST);

  return self->policy;
}

/**
 * atomr_view_props_set_block_timeout:
 * @self: props
 * @timeout_ms: the longest wait in milliseconds
 *
 * Sets how long a sender waits for room with %ATOMR_VIEW_OVERFLOW_BLOCK
 * (one second by default).
 *
 * Since: 0.1
 */
void
atomr_view_props_set_block_timeout (AtomrViewProps *self,
                                    guint           timeout_ms)
{
  g_return_if_fail (self != NULL);

  self->block_timeout_ms = timeout_ms;
}

/**
 * atomr_view_props_get_block_timeout:
 * @self: props
 *
 * Gets how long a sender waits for room with %ATOMR_VIEW_OVERFLOW_BLOCK.
 *
 * Returns: the timeout in milliseconds
 *
 * Since: 0.1
 */
guint
atomr_view_props_get_block_timeout (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->block_timeout_ms;
}

/**
 * atomr_view_props_set_supervisor_strategy:
 * @self: props
 * @strategy: (nullable): how the actor supervises its children, or %NULL for
 *   the default (restart the failed child, at most 10 times a minute)
 *
 * Sets how the actor handles the failures of its children.
 *
 * Since: 0.1
 */
void
atomr_view_props_set_supervisor_strategy (AtomrViewProps              *self,
                                          AtomrViewSupervisorStrategy *strategy)
{
  g_return_if_fail (self != NULL);

  if (strategy != NULL)
    atomr_view_supervisor_strategy_ref (strategy);
  g_clear_pointer (&self->strategy, atomr_view_supervisor_strategy_unref);
  self->strategy = strategy;
}

/**
 * atomr_view_props_get_supervisor_strategy:
 * @self: props
 *
 * Gets the strategy set with [method@AtomrView.Props.set_supervisor_strategy].
 *
 * Returns: (transfer none) (nullable): the strategy, or %NULL for the default
 *
 * Since: 0.1
 */
AtomrViewSupervisorStrategy *
atomr_view_props_get_supervisor_strategy (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->strategy;
}

/**
 * atomr_view_props_set_message_type:
 * @self: props
 * @message_type: (nullable): the type of the messages the actor accepts, or
 *   %NULL for any
 *
 * Restricts the messages the actor accepts. A message of another type is
 * refused when it is sent: [method@AtomrView.ActorRef.try_tell] fails with
 * %ATOMR_VIEW_ACTOR_ERROR_INVALID_MESSAGE and the message becomes a dead letter.
 *
 * Since: 0.1
 */
void
atomr_view_props_set_message_type (AtomrViewProps     *self,
                                   const GVariantType *message_type)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (message_type == NULL || g_variant_type_string_is_valid (g_variant_type_peek_string (message_type)));

  g_clear_pointer (&self->message_type, g_variant_type_free);
  self->message_type = message_type ? g_variant_type_copy (message_type) : NULL;
}

/**
 * atomr_view_props_get_message_type:
 * @self: props
 *
 * Gets the type set with [method@AtomrView.Props.set_message_type].
 *
 * Returns: (nullable): the accepted message type, or %NULL for any
 *
 * Since: 0.1
 */
const GVariantType *
atomr_view_props_get_message_type (AtomrViewProps *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message_type;
}

/* The actor's thread. */
AtomrViewActor *
atomr_view_props_make_actor (AtomrViewProps  *self,
                             GError         **error)
{
  GObject *object;

  if (self->factory != NULL)
    object = (GObject *) self->factory (self->factory_data);
  else
    object = g_object_new_with_properties (self->actor_type, self->n_properties,
                                           (const char **) self->names, self->values);

  if (object == NULL || !ATOMR_VIEW_IS_ACTOR (object))
    {
      g_set_error (error, ATOMR_VIEW_ACTOR_ERROR, ATOMR_VIEW_ACTOR_ERROR_FAILED,
                   _("The actor factory returned %s instead of an actor"),
                   object ? G_OBJECT_TYPE_NAME (object) : "NULL");
      g_clear_object (&object);
      return NULL;
    }
  /* A Python or floating instance is owned by the runtime from here. */
  if (g_object_is_floating (object))
    g_object_ref_sink (object);
  return ATOMR_VIEW_ACTOR (object);
}
